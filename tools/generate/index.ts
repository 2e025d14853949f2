/**
 * Writes a generated corpus to disk: each record as a PDF, DOCX or .txt file
 * with its ground truth beside it (`<file>.truth.json`). Records stream from
 * the content model one at a time, so 100,000 files never sit in memory.
 */

import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { type CorpusOptions, iterateCorpus } from "./corpus.ts";
import { renderDocx } from "./render-docx.ts";
import { renderPdf } from "./render-pdf.ts";
import { renderTextFile } from "./render-text.ts";
import type { GeneratedRecord, OutputFormat } from "./types.ts";

export { buildCorpus, iterateCorpus } from "./corpus.ts";
export { renderPages } from "./render-text.ts";
export type { GeneratedRecord, OutputFormat, Truth, TruthLink, TruthParagraph } from "./types.ts";

export interface GenerateOptions extends CorpusOptions {
  outDir: string;
  /** Called after each file is written, for progress display. */
  onFile?: (done: number, file: GeneratedFile) => void;
}

export interface GeneratedFile {
  path: string;
  truthPath: string;
  format: OutputFormat;
}

/** The bytes of one record in its drawn format. */
export function renderRecord(record: GeneratedRecord): Promise<Buffer> {
  switch (record.truth.format) {
    case "pdf":
      return renderPdf(record);
    case "docx":
      return renderDocx(record);
    case "txt":
      return Promise.resolve(renderTextFile(record));
  }
}

/**
 * Generates `count` files into `outDir`. A few records render at once so file
 * writes overlap with rendering; the order of the returned list is the corpus order.
 */
export async function generateCorpus(options: GenerateOptions): Promise<{ files: GeneratedFile[] }> {
  await mkdir(options.outDir, { recursive: true });
  const files: GeneratedFile[] = [];
  const inFlight = new Set<Promise<void>>();
  let done = 0;
  for (const record of iterateCorpus(options)) {
    const path = join(options.outDir, record.truth.file);
    const entry: GeneratedFile = { path, truthPath: `${path}.truth.json`, format: record.truth.format };
    files.push(entry);
    const job = (async () => {
      const bytes = await renderRecord(record);
      await writeFile(entry.path, bytes);
      await writeFile(entry.truthPath, `${JSON.stringify(record.truth, null, 2)}\n`);
      options.onFile?.(++done, entry);
    })();
    inFlight.add(job);
    void job.finally(() => inFlight.delete(job));
    if (inFlight.size >= 8) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  return { files };
}
