import { Router } from "express";
import { z } from "zod";
import type { AppDeps } from "../app.ts";
import { AppError } from "../errors.ts";
import { parseQuery } from "../validate.ts";

const caseQuery = z.object({ dnr: z.string().trim().min(1, "give a diarienummer").max(100) });

export function casesRoutes(deps: AppDeps): Router {
  const router = Router();
  router.get("/", (req, res) => {
    const { dnr } = parseQuery(caseQuery, req.query);
    const found = deps.archive.findCase(dnr);
    if (!found) throw new AppError(400, "not_a_diarienummer", `"${dnr}" is not a diarienummer`);
    res.json(found);
  });
  return router;
}
