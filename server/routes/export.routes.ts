import { Router } from "express";
import { z } from "zod";
import type { AppDeps } from "../app.ts";
import { type ExportedDocument, selectionFilename } from "../case-export.ts";
import { AppError } from "../errors.ts";
import { sendExport } from "../export-response.ts";
import { parseQuery } from "../validate.ts";

/** Enough for any one records request; the URL stays under 10 kB, which every browser and proxy takes. */
export const MAX_EXPORT_IDS = 500;
const MAX_QUERIES = 20;

const ID = /^[A-Za-z0-9_-]{1,64}$/;

const selectionQuery = z.object({
  ids: z.string().trim().min(1, "give the documents' ids, separated by commas"),
  // One per search the selection was made in; repeated as q=a&q=b.
  q: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((q) => (q === undefined ? [] : Array.isArray(q) ? q : [q])),
});

/**
 * `GET /api/export?ids=a,b,c&q=...`: the originals an official picked from
 * search hits, as one ZIP like a case export, in the order picked. A GET, so
 * the web UI's link is a plain browser download. Every id must be in the
 * archive: a records request answered with fewer documents than were picked,
 * and nobody told, is worse than a refusal that names the missing ones.
 */
export function exportRoutes(deps: AppDeps): Router {
  const router = Router();
  router.get("/", async (req, res) => {
    const { ids: list, q } = parseQuery(selectionQuery, req.query);
    const ids = [...new Set(list.split(",").map((id) => id.trim()))].filter((id) => id !== "");
    if (ids.length > MAX_EXPORT_IDS) {
      throw new AppError(
        400,
        "too_many_documents",
        `at most ${MAX_EXPORT_IDS} documents can be exported at once; ${ids.length} were asked for`,
      );
    }
    const malformed = ids.filter((id) => !ID.test(id));
    if (ids.length === 0 || malformed.length > 0) {
      throw new AppError(400, "invalid_parameter", `ids: not document ids: ${malformed.slice(0, 10).join(", ")}`);
    }
    const queries = [...new Set(q.map((s) => s.trim()).filter((s) => s !== ""))];
    if (queries.length > MAX_QUERIES || queries.some((s) => s.length > 500)) {
      throw new AppError(400, "invalid_parameter", `q: at most ${MAX_QUERIES} searches of 500 characters each`);
    }

    const documents = selectedDocuments(deps, ids);
    await sendExport(deps, res, {
      request: { kind: "selection", queries },
      documents,
      filename: (at) => selectionFilename(queries, at),
      detail: { selection: true, queries },
    });
  });
  return router;
}

function selectedDocuments(deps: AppDeps, ids: string[]): ExportedDocument[] {
  const flags = deps.archive.sensitiveKinds(ids);
  const docs: ExportedDocument[] = [];
  const missing: string[] = [];
  for (const id of ids) {
    const doc = deps.archive.get(id);
    if (!doc) {
      missing.push(id);
      continue;
    }
    const named = [...doc.record.diarienummer, ...doc.record.paragraphs.flatMap((p) => p.diarienummer)];
    docs.push({
      id,
      filename: doc.filename,
      type: doc.record.type,
      body: doc.record.body,
      meetingDate: doc.record.meetingDate,
      paragraphs: [],
      diarienummer: [...new Set(named)],
      sha256: doc.sha256,
      pages: doc.pages.length,
      flags: flags.get(id) ?? [],
    });
  }
  if (missing.length > 0) {
    const shown = missing.slice(0, 20).join(", ");
    const more = missing.length > 20 ? ` and ${missing.length - 20} more` : "";
    throw new AppError(404, "not_found", `documents not in the archive: ${shown}${more}`);
  }
  return docs;
}
