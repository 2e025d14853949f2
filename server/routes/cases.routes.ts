import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { pipeline } from "node:stream";
import { Router } from "express";
import { z } from "zod";
import {
  bufferSource,
  type ZipSource,
  ZipTooLargeError,
  zipSize,
  zipStream,
} from "../../indexer/archive/zip-writer.ts";
import { caseKey } from "../../indexer/understand/diarienummer.ts";
import type { AppDeps } from "../app.ts";
import { requestActor } from "../auth.ts";
import { coverSheet, type ExportedDocument, entryNames, exportFilename, manifestCsv } from "../case-export.ts";
import { AppError, notFound } from "../errors.ts";
import { parseQuery } from "../validate.ts";

const caseQuery = z.object({ dnr: z.string().trim().min(1, "give a diarienummer").max(100) });

export function casesRoutes(deps: AppDeps): Router {
  const router = Router();
  router.get("/", (req, res) => {
    const { dnr } = parseQuery(caseQuery, req.query);
    res.json(findCase(deps, dnr));
  });

  // Every original of the case as one ZIP, for a public-records request; logged in the audit log.
  router.get("/export", async (req, res) => {
    const { dnr } = parseQuery(caseQuery, req.query);
    const found = findCase(deps, dnr);
    const docs = exportedDocuments(deps, found.diarienummer, found.documents);
    if (docs.length === 0) throw notFound(`case ${found.diarienummer}`);

    const at = new Date();
    const actor = requestActor(req, deps.apiToken);
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
    const entries = [
      ...originals,
      bufferSource("manifest.csv", manifestCsv(docs.map((doc, i) => ({ file: names[i] as string, doc }))), at),
      bufferSource(
        "forsattsblad.txt",
        Buffer.from(
          coverSheet({ asked: dnr, diarienummer: found.diarienummer, at, actor, documents: docs.length, flagged }),
        ),
        at,
      ),
    ];
    let length: number;
    try {
      length = zipSize(entries);
    } catch (error) {
      if (error instanceof ZipTooLargeError) throw new AppError(422, "export_too_large", error.message);
      throw error;
    }

    deps.audit.record("export", actor, {
      dnr,
      diarienummer: found.diarienummer,
      documentIds: docs.map((d) => d.id),
    });
    const filename = exportFilename(found.diarienummer, at);
    res.setHeader("Content-Type", "application/zip");
    res.setHeader("Content-Length", String(length));
    res.setHeader("Content-Disposition", `attachment; filename="${filename}"`);
    res.setHeader("Cache-Control", "no-store");
    // Headers are sent by now: a file failing midway can only cut the download short.
    pipeline(zipStream(entries), res, (error) => {
      if (error) deps.logger.warn({ err: error, diarienummer: found.diarienummer }, "case export cut short");
    });
  });
  return router;
}

function findCase(deps: AppDeps, dnr: string) {
  const found = deps.archive.findCase(dnr);
  if (!found) throw new AppError(400, "not_a_diarienummer", `"${dnr}" is not a diarienummer`);
  return found;
}

/** Each document of the case once, in the case's order, with the paragraphs that name it. */
function exportedDocuments(
  deps: AppDeps,
  diarienummer: string,
  entries: { id: string; paragraph: number | null }[],
): ExportedDocument[] {
  const paragraphs = new Map<string, number[]>();
  for (const e of entries) {
    const list = paragraphs.get(e.id) ?? [];
    if (e.paragraph !== null && !list.includes(e.paragraph)) list.push(e.paragraph);
    paragraphs.set(e.id, list);
  }
  const flags = deps.archive.sensitiveKinds([...paragraphs.keys()]);
  const base = caseKey(diarienummer).base;
  const docs: ExportedDocument[] = [];
  for (const [id, numbers] of paragraphs) {
    const doc = deps.archive.get(id);
    if (!doc) continue;
    const named = [...doc.record.diarienummer, ...doc.record.paragraphs.flatMap((p) => p.diarienummer)];
    docs.push({
      id,
      filename: doc.filename,
      type: doc.record.type,
      body: doc.record.body,
      meetingDate: doc.record.meetingDate,
      paragraphs: numbers,
      diarienummer: [...new Set(named.filter((n) => caseKey(n).base === base))],
      sha256: doc.sha256,
      pages: doc.pages.length,
      flags: flags.get(id) ?? [],
    });
  }
  return docs;
}
