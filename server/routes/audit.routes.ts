import { Router } from "express";
import { z } from "zod";
import type { AppDeps } from "../app.ts";
import { requireRole } from "../auth.ts";
import { parseQuery } from "../validate.ts";

const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

/** The audit log, newest first, for admins. */
export function auditRoutes(deps: AppDeps): Router {
  const router = Router();
  router.get("/", requireRole("admin"), (req, res) => {
    const { limit, offset } = parseQuery(listQuery, req.query);
    const page = deps.audit.list(limit, offset);
    res.json({ total: page.total, entries: page.items });
  });
  return router;
}
