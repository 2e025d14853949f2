/**
 * Sends an export as a ZIP download: the originals, manifest.csv and
 * forsattsblad.txt, with its exact size up front, logged in the audit log
 * before the first byte leaves. The case export and the selection export
 * differ only in which documents they hand out and what the cover sheet says
 * was asked.
 */

import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { pipeline } from "node:stream";
import type { Response } from "express";
import { bufferSource, type ZipSource, ZipTooLargeError, zipSize, zipStream } from "../indexer/archive/zip-writer.ts";
import type { AppDeps } from "./app.ts";
import { callerOf } from "./auth.ts";
import { coverSheet, type ExportedDocument, type ExportRequest, entryNames, manifestCsv } from "./case-export.ts";
import { AppError } from "./errors.ts";

export interface ExportJob {
  request: ExportRequest;
  documents: ExportedDocument[];
  /** The download's name: ASCII, no quotes (see case-export.ts). */
  filename(at: Date): string;
  /** What the audit log keeps beside the documents' ids. */
  detail: Record<string, unknown>;
}

export async function sendExport(deps: AppDeps, res: Response, job: ExportJob): Promise<void> {
  const docs = job.documents;
  const at = new Date();
  const actor = callerOf(res).actor;
  const names = entryNames(docs.map((d) => d.filename));
  const originals: ZipSource[] = [];
  for (const [i, doc] of docs.entries()) {
    const path = deps.originals.path(doc.sha256);
    const size = await stat(path).then(
      (s) => s.size,
      (error: unknown) => {
        throw new AppError(500, "original_missing", `the original of document ${doc.id} could not be read`, {
          cause: error,
        });
      },
    );
    originals.push({ name: names[i] as string, size, modified: at, open: () => createReadStream(path) });
  }
  const flagged = docs.filter((d) => d.flags.length > 0).length;
  const cover = coverSheet({ request: job.request, at, actor, documents: docs.length, flagged });
  const entries = [
    ...originals,
    bufferSource("manifest.csv", manifestCsv(docs.map((doc, i) => ({ file: names[i] as string, doc }))), at),
    bufferSource("forsattsblad.txt", Buffer.from(cover), at),
  ];
  let length: number;
  try {
    length = zipSize(entries);
  } catch (error) {
    if (error instanceof ZipTooLargeError) throw new AppError(422, "export_too_large", error.message);
    throw error;
  }

  deps.audit.record("export", actor, {
    ...job.detail,
    documentIds: docs.map((d) => d.id),
    // The names as the archive knew them then, so the log reads without looking each id up.
    filenames: docs.map((d) => d.filename),
  });
  res.setHeader("Content-Type", "application/zip");
  res.setHeader("Content-Length", String(length));
  res.setHeader("Content-Disposition", `attachment; filename="${job.filename(at)}"`);
  res.setHeader("Cache-Control", "no-store");
  // Headers are sent by now: a file failing midway can only cut the download short.
  pipeline(zipStream(entries), res, (error) => {
    if (error) deps.logger.warn({ err: error, export: job.detail }, "export cut short");
  });
}
