import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import type { TextExtractor } from "../extract/index.ts";
import type { OcrSetup } from "../ocr/index.ts";
import { readPages } from "../ocr-job.ts";
import { extractRecord } from "../pipeline.ts";
import { presentRecord } from "../present.ts";

/**
 * `archive extract FILE`: what the indexer understands of one file, as the
 * contract's JSON. A scan's pages are read with OCR first where an engine is
 * here, as ingestion would, so the answer is what the archive would hold.
 */
export async function runExtract(extractor: TextExtractor, path: string, ocr?: OcrSetup): Promise<void> {
  const bytes = await readFile(path);
  const filename = basename(path);
  let { text, record } = await extractRecord(extractor, bytes, filename);
  const needed = text.needsOcr ?? [];
  if (needed.length > 0 && ocr?.engine) {
    const dir = await mkdtemp(join(tmpdir(), "archive-extract-"));
    try {
      const pdf = join(dir, "scan.pdf");
      await writeFile(pdf, bytes);
      const read = await readPages(ocr.engine, pdf, text.pages, needed, ocr);
      text = { ...text, pages: read.pages };
      record = await extractor.understand({ pages: read.pages, filename });
      if (read.state.reason) process.stderr.write(`archive: OCR ${read.state.status}: ${read.state.reason}\n`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  } else if (needed.length > 0) {
    const which = needed.length === 1 ? `page ${needed[0]} is a scan` : `pages ${needed.join(", ")} are scans`;
    process.stderr.write(`archive: ${which} without text, not read: ${ocr?.missing ?? "no OCR engine"}\n`);
  }
  process.stdout.write(`${JSON.stringify(presentRecord(filename, text.pages.length, record), null, 2)}\n`);
}
