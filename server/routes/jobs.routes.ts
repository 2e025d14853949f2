import { Router } from "express";
import type { AppDeps } from "../app.ts";
import { notFound } from "../errors.ts";

export function jobsRoutes(deps: AppDeps): Router {
  const router = Router();
  router.get("/:id", async (req, res) => {
    const job = await deps.queue.get(req.params.id);
    if (!job) throw notFound(`job ${req.params.id}`);
    res.json({
      id: job.id,
      status: job.status,
      file: job.file,
      ...(job.documentId ? { documentId: job.documentId } : {}),
      ...(job.error ? { error: job.error } : {}),
      ...(job.errorCode ? { errorCode: job.errorCode } : {}),
    });
  });
  return router;
}
