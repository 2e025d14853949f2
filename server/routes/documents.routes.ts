import { createReadStream } from "node:fs";
import { Router } from "express";
import multer from "multer";
import { z } from "zod";
import { isFileRejected } from "../../indexer/errors.ts";
import { CONTENT_TYPES } from "../../indexer/extract/index.ts";
import { admit } from "../../indexer/pipeline.ts";
import type { AppDeps } from "../app.ts";
import { callerOf, requireRole } from "../auth.ts";
import { AppError, notFound } from "../errors.ts";
import { safeFilename } from "../filenames.ts";
import { presentDocument } from "../presenters.ts";
import { rateLimit } from "../rate-limit.ts";
import { parseQuery } from "../validate.ts";

const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(20),
  offset: z.coerce.number().int().min(0).default(0),
});

const MAX_FILES_PER_UPLOAD = 200;

interface UploadItem {
  file: string;
  id?: string;
  jobId?: string;
  status: "waiting" | "active" | "completed" | "failed" | "exists";
  error?: { code: string; message: string };
}

const highlightQuery = z.object({ q: z.string().trim().min(1, "give the search").max(1000) });

export function documentsRoutes(deps: AppDeps): Router {
  const router = Router();
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: {
      fileSize: deps.pipeline.maxFileBytes,
      files: MAX_FILES_PER_UPLOAD,
      fields: 20,
      parts: MAX_FILES_PER_UPLOAD + 20,
    },
  });

  router.get("/", (req, res) => {
    const { limit, offset } = parseQuery(listQuery, req.query);
    const page = deps.archive.list(limit, offset);
    res.json({ total: page.total, documents: page.items });
  });

  router.get("/:id", (req, res) => {
    const doc = deps.archive.get(req.params.id);
    if (!doc) throw notFound(`document ${req.params.id}`);
    res.json(presentDocument(doc, deps.archive.links(doc.id)));
  });

  // The words of the document that a search matched, for the document view to mark.
  router.get("/:id/highlights", async (req, res) => {
    const { q } = parseQuery(highlightQuery, req.query);
    const doc = deps.archive.get(req.params.id);
    if (!doc) throw notFound(`document ${req.params.id}`);
    const words = await deps.search.matchingWords(q, `${doc.record.title ?? ""}\n${doc.pages.join("\n")}`);
    res.json({ q, words });
  });

  router.get("/:id/file", (req, res, next) => {
    const doc = deps.archive.get(req.params.id);
    if (!doc) throw notFound(`document ${req.params.id}`);
    res.setHeader("Content-Type", CONTENT_TYPES[doc.format]);
    res.setHeader("Content-Length", String(doc.size));
    res.setHeader("Content-Disposition", contentDisposition(doc.filename, req.query.download !== undefined));
    res.setHeader("Cache-Control", "private, max-age=31536000, immutable");
    deps.audit.record("download", callerOf(res).actor, {
      documentId: doc.id,
      filename: doc.filename,
      sha256: doc.sha256,
    });
    const stream = createReadStream(deps.originals.path(doc.sha256));
    stream.on("error", (error) =>
      next(new AppError(500, "original_missing", "the original file could not be read", { cause: error })),
    );
    stream.pipe(res);
  });

  router.post("/", requireRole("editor"), rateLimit(deps.http.rateLimits.upload, "upload"), (req, res, next) => {
    upload.array("file", MAX_FILES_PER_UPLOAD)(req, res, (error: unknown) => {
      if (error instanceof multer.MulterError) {
        const status = error.code === "LIMIT_FILE_SIZE" ? 413 : 400;
        const message =
          error.code === "LIMIT_FILE_SIZE"
            ? `a file is larger than the ${Math.round(deps.pipeline.maxFileBytes / 1024 / 1024)} MB allowed`
            : `the upload could not be read: ${error.message}`;
        return next(new AppError(status, error.code === "LIMIT_FILE_SIZE" ? "too_large" : "bad_upload", message));
      }
      if (error) {
        // Busboy's own complaints ("Malformed part header", "Unexpected end of form") are plain
        // Errors: the request was malformed, not the server broken.
        const reason = error instanceof Error ? error.message : String(error);
        return next(new AppError(400, "bad_upload", `the upload could not be read: ${reason}`));
      }
      handleUpload(deps, (req.files as Express.Multer.File[] | undefined) ?? []).then(
        ({ status, body }) => res.status(status).json(body),
        next,
      );
    });
  });

  return router;
}

/**
 * Admits each file on its own: one refused file does not stop the others.
 * When every file is refused the answer is a 4xx error naming the first reason.
 */
async function handleUpload(deps: AppDeps, files: Express.Multer.File[]) {
  if (files.length === 0) throw new AppError(400, "no_file", "the request has no file (form field 'file')");
  const items: UploadItem[] = [];
  for (const f of files) {
    const file = safeFilename(f.originalname);
    try {
      const admission = await admit(deps.pipeline, f.buffer, file);
      if (admission.status === "exists") {
        items.push({ file, id: admission.id, status: "exists" });
        continue;
      }
      const job = await deps.queue.enqueue({ sha256: admission.sha256, filename: file });
      items.push({ file, id: admission.id, jobId: job.id, status: job.status });
    } catch (error) {
      if (!isFileRejected(error)) throw error;
      items.push({ file, status: "failed", error: { code: error.code, message: error.message } });
    }
  }
  const failed = items.filter((i) => i.status === "failed");
  if (failed.length === items.length) {
    const first = failed[0]?.error ?? { code: "rejected", message: "the file was refused" };
    const status = first.code === "too_large" ? 413 : 422;
    return { status, body: { error: first, items } };
  }
  return { status: 202, body: { items } };
}

function contentDisposition(filename: string, download: boolean): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `${download ? "attachment" : "inline"}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
