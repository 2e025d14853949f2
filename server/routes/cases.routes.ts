import { Router } from "express";
import { z } from "zod";
import { caseKey } from "../../indexer/understand/diarienummer.ts";
import type { AppDeps } from "../app.ts";
import { type ExportedDocument, exportFilename } from "../case-export.ts";
import { AppError, notFound } from "../errors.ts";
import { sendExport } from "../export-response.ts";
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
    const documents = exportedDocuments(deps, found.diarienummer, found.documents);
    if (documents.length === 0) throw notFound(`case ${found.diarienummer}`);
    await sendExport(deps, res, {
      request: { kind: "case", asked: dnr, diarienummer: found.diarienummer },
      documents,
      filename: (at) => exportFilename(found.diarienummer, at),
      detail: { dnr, diarienummer: found.diarienummer },
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
