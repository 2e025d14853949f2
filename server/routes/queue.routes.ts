import { Router } from "express";
import { z } from "zod";
import { JobNotRetryableError } from "../../indexer/queue/queue.ts";
import type { AppDeps } from "../app.ts";
import { requireRole } from "../auth.ts";
import { AppError, notFound } from "../errors.ts";
import { parseQuery } from "../validate.ts";

const overviewQuery = z.object({ limit: z.coerce.number().int().min(0).max(500).default(50) });

/**
 * The ingestion queue for admins: how many jobs are in each state, which
 * failed and why, and a way to run a failed one again. The overview is an
 * admin's, since failures name files; running a job again is an editor's
 * re-run of ingestion.
 */
export function queueRoutes(deps: AppDeps): Router {
  const router = Router();

  router.get("/", requireRole("admin"), async (req, res) => {
    const { limit } = parseQuery(overviewQuery, req.query);
    res.setHeader("Cache-Control", "no-store");
    res.json(await deps.queue.overview(limit));
  });

  router.post("/jobs/:id/retry", requireRole("editor"), async (req, res) => {
    try {
      const job = await deps.queue.retry(String(req.params.id));
      if (!job) throw notFound(`job ${req.params.id}`);
      res.status(202).json({ id: job.id, status: job.status, file: job.file });
    } catch (error) {
      if (error instanceof JobNotRetryableError) throw new AppError(409, "not_failed", error.message);
      throw error;
    }
  });
  return router;
}
