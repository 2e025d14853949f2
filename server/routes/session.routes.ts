import { Router } from "express";
import type { AppDeps } from "../app.ts";
import { writeAccessError } from "../auth.ts";

/**
 * What the current request may do, so the web UI offers uploading only where
 * it can succeed and asks for a token only where one is needed. Checking a
 * token here reveals no more than a refused upload would.
 */
export function sessionRoutes(deps: AppDeps): Router {
  const router = Router();
  router.get("/", (req, res) => {
    res.setHeader("Cache-Control", "no-store");
    res.json({ canWrite: writeAccessError(req, deps.apiToken) === null, tokenRequired: deps.apiToken !== null });
  });
  return router;
}
