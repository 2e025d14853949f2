/**
 * `npm run eval:ocr`: how well scanned records are understood. Generated PDF
 * records are read twice: born-digital (their text layer) and as scans (every
 * page rendered to an image and wrapped back into an image-only PDF by
 * tools/generate/scan.ts, then read by the OCR stage: Debian's tesseract with
 * its Swedish model). Both readings go through the same understanding stage
 * and are scored against the ground truth: precision, recall and F1 per field,
 * and OCR's pages per second (rendering and reading, one page at a time).
 *
 * `--scan-dpi` scans coarser than OCR renders (150: a cheap scanner or a fax),
 * for pictures that read less cleanly than a 300 dpi render.
 *
 * `--engine tesseract.js` reads with the WebAssembly fallback instead of Debian's tesseract.
 *
 * `--real DIR` measures real records instead (../shared/real-records: the
 * text of real protocols, which must stay out of this repository). Their
 * files, sorted by name, are laid out as plain PDFs (ocr-real.ts); the first
 * `--pages-per-doc` pages of each, until `--max-pages` pages in all, are read
 * born-digital and as scans, and the scan's reading is scored against the
 * born-digital one (no hand-checked truth): the same fields, and the page
 * text's character and word error rates. Only aggregate figures are printed.
 *
 * Usage: npm run eval:ocr -- [--docs 12] [--seed 11] [--dpi 300] [--scan-dpi 300] [--engine tesseract|tesseract.js] [--json]
 *        npm run eval:ocr -- --real ../shared/real-records [--max-pages 120] [--pages-per-doc 5] [...]
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { choosePdfEngine, createTextExtractor, ExtractionPool } from "../../indexer/extract/index.ts";
import { createTesseractEngine, tesseractMissing } from "../../indexer/ocr/tesseract.ts";
import { createTesseractJsEngine, tesseractJsMissing } from "../../indexer/ocr/tesseract-js.ts";
import { readPages } from "../../indexer/ocr-job.ts";
import { understand } from "../../indexer/understand/index.ts";
import { iterateCorpus, renderRecord } from "../generate/index.ts";
import { scanPdf } from "../generate/scan.ts";
import { addDocument, EVAL_FIELDS, emptyCounts, type Score, score } from "./metrics.ts";
import { comparePage, emptyComparison, renderTextPdf, textScores } from "./ocr-real.ts";

const { values } = parseArgs({
  options: {
    docs: { type: "string", default: "12" },
    seed: { type: "string", default: "11" },
    dpi: { type: "string", default: "300" },
    "scan-dpi": { type: "string" },
    engine: { type: "string", default: "tesseract" },
    real: { type: "string" },
    "max-pages": { type: "string", default: "120" },
    "pages-per-doc": { type: "string", default: "5" },
    json: { type: "boolean", default: false },
  },
});
const docs = Number(values.docs);
const dpi = Number(values.dpi);
const scanDpi = Number(values["scan-dpi"] ?? values.dpi);

const wasm = values.engine === "tesseract.js";
const missing = wasm ? tesseractJsMissing() : tesseractMissing();
if (missing) {
  process.stderr.write(`eval:ocr needs ${values.engine} with its Swedish model: ${missing}\n`);
  process.exit(1);
}
const engine = wasm
  ? createTesseractJsEngine({ pdftoppm: "pdftoppm", maxMemoryMb: 1024, dpi })
  : createTesseractEngine({ maxMemoryMb: 1024, dpi });
const pool = new ExtractionPool({ size: 1, timeoutMs: 120_000, maxMemoryMb: 1024 });
const pdfEngine = choosePdfEngine("auto");
const extractor = createTextExtractor(pool, { pdfEngine });
const work = await mkdtemp(join(tmpdir(), "eval-ocr-"));

try {
  if (values.real) await evalReal(values.real);
  else await evalGenerated();
} finally {
  await engine.close?.();
  await pool.close();
  await rm(work, { recursive: true, force: true });
}

/** Generated records, read born-digital and as scans, both scored against their ground truth. */
async function evalGenerated() {
  const digital = emptyCounts();
  const scanned = emptyCounts();
  let pages = 0;
  let ocrMs = 0;
  let confidence = 0;
  let documents = 0;
  const types = new Map<string, number>();
  for (const record of iterateCorpus({ seed: Number(values.seed), count: docs, formats: ["pdf"] })) {
    const file = record.truth.file;
    const pdf = await renderRecord(record);
    const born = await extractor.extract(pdf, file);
    addDocument(digital, understand({ pages: born.pages, filename: file }), record.truth);

    const scan = await scanPdf(pdf, { dpi: scanDpi });
    const path = join(work, "scan.pdf");
    await writeFile(path, scan);
    const text = await extractor.extract(scan, file);
    const started = performance.now();
    const read = await readPages(engine, path, text.pages, text.needsOcr ?? [], {
      maxPages: 1000,
      timeoutMs: 3600_000,
    });
    ocrMs += performance.now() - started;
    pages += read.state.pages.length;
    confidence += read.state.pages.reduce((sum, p) => sum + p.confidence, 0);
    addDocument(scanned, understand({ pages: read.pages, filename: file }), record.truth);
    documents++;
    types.set(record.truth.type, (types.get(record.truth.type) ?? 0) + 1);
    if (!values.json) process.stderr.write(`\r${documents}/${docs} documents, ${pages} scanned pages`);
  }
  if (!values.json) process.stderr.write("\n");
  const fields = Object.fromEntries(
    EVAL_FIELDS.map((f) => [f, { digital: round(score(digital[f])), scanned: round(score(scanned[f])) }]),
  );
  const report = {
    seed: Number(values.seed),
    documents,
    types: Object.fromEntries(types),
    dpi,
    scanDpi,
    engine: engine.name,
    pdfExtractor: pdfEngine,
    ocr: {
      pages,
      seconds: Math.round(ocrMs / 100) / 10,
      pagesPerSecond: Math.round((pages / (ocrMs / 1000)) * 1000) / 1000,
      meanConfidence: pages ? Math.round((confidence / pages) * 10) / 10 : 0,
    },
    fields,
  };
  if (values.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else print(report);
}

/** Real records: the scan's reading scored against the born-digital reading of the same pages. */
async function evalReal(dir: string) {
  const budget = Number(values["max-pages"]);
  const perDoc = Number(values["pages-per-doc"]);
  const files = (await readdir(dir)).filter((f) => f.endsWith(".txt")).sort();
  const counts = emptyCounts();
  const text = emptyComparison();
  let pages = 0;
  let ocrMs = 0;
  let confidence = 0;
  let documents = 0;
  for (const file of files) {
    const want = Math.min(perDoc, budget - pages);
    if (want <= 0) break;
    // A neutral name: the real one holds the meeting date, which would be found in both readings alike.
    const filename = `real-${documents + 1}.pdf`;
    const pdf = await renderTextPdf(await readFile(join(dir, file), "utf8"), want);
    const born = await extractor.extract(pdf, filename);
    const n = Math.min(want, born.pages.length);
    const reference = born.pages.slice(0, n);
    const numbers = Array.from({ length: n }, (_, i) => i + 1);
    const path = join(work, "scan.pdf");
    await writeFile(path, await scanPdf(pdf, { dpi: scanDpi, pages: numbers }));
    const scanned = await extractor.extract(await readFile(path), filename);
    const needed = (scanned.needsOcr ?? []).filter((p) => p <= n);
    const started = performance.now();
    const read = await readPages(engine, path, scanned.pages, needed, { maxPages: 1000, timeoutMs: 3600_000 });
    ocrMs += performance.now() - started;
    const ocrPages = read.pages.slice(0, n);
    pages += read.state.pages.length;
    confidence += read.state.pages.reduce((sum, p) => sum + p.confidence, 0);
    addDocument(counts, understand({ pages: ocrPages, filename }), understand({ pages: reference, filename }));
    for (let i = 0; i < n; i++) comparePage(text, reference[i] ?? "", ocrPages[i] ?? "");
    documents++;
    if (!values.json) process.stderr.write(`${documents} documents, ${pages}/${budget} pages (${file})\n`);
  }
  const r = (v: number) => Math.round(v * 1000) / 1000;
  const similarity = textScores(text);
  const report = {
    documents,
    of: files.length,
    pagesPerDoc: perDoc,
    dpi,
    scanDpi,
    engine: engine.name,
    pdfExtractor: pdfEngine,
    ocr: {
      pages,
      seconds: Math.round(ocrMs / 100) / 10,
      pagesPerSecond: r(pages / (ocrMs / 1000)),
      meanConfidence: pages ? Math.round((confidence / pages) * 10) / 10 : 0,
    },
    text: {
      cer: r(similarity.cer),
      wer: r(similarity.wer),
      wordF1: r(similarity.wordF1),
      chars: text.chars,
      words: text.words,
    },
    fields: Object.fromEntries(EVAL_FIELDS.map((f) => [f, round(score(counts[f]))])) as Record<string, Score>,
  };
  if (values.json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return;
  }
  const out: string[] = [];
  out.push(
    `Real records: ${documents} of ${files.length} (sorted by name), the first ${perDoc} pages of each laid out as plain PDFs`,
  );
  out.push(
    `Reference: the born-digital reading by ${pdfEngine}; scans made at ${scanDpi} dpi, rendered at ${dpi} dpi and read by ${engine.name}`,
  );
  out.push(
    `OCR: ${pages} pages in ${report.ocr.seconds} s = ${report.ocr.pagesPerSecond} pages/s (mean word confidence ${report.ocr.meanConfidence})`,
  );
  out.push(
    `Page text: character error rate ${report.text.cer.toFixed(3)} (${text.chars} characters), word error rate ${report.text.wer.toFixed(3)}, word F1 ${report.text.wordF1.toFixed(3)} (${text.words} words)`,
  );
  out.push(
    `${"field".padEnd(24)}${"agreement P".padStart(12)}${"R".padStart(7)}${"F1".padStart(7)}${"support".padStart(9)}`,
  );
  for (const f of EVAL_FIELDS) {
    const s = report.fields[f] as Score;
    out.push(
      `${f.padEnd(24)}${s.precision.toFixed(3).padStart(12)}${s.recall.toFixed(3).padStart(7)}${s.f1.toFixed(3).padStart(7)}${String(s.support).padStart(9)}`,
    );
  }
  process.stdout.write(`${out.join("\n")}\n`);
}

function round(s: Score): Score {
  const r = (v: number) => Math.round(v * 1000) / 1000;
  return { precision: r(s.precision), recall: r(s.recall), f1: r(s.f1), support: s.support };
}

function print(report: {
  seed: number;
  documents: number;
  types: Record<string, number>;
  dpi: number;
  scanDpi: number;
  engine: string;
  pdfExtractor: string;
  ocr: { pages: number; seconds: number; pagesPerSecond: number; meanConfidence: number };
  fields: Record<string, { digital: Score; scanned: Score }>;
}) {
  const out: string[] = [];
  const types = Object.entries(report.types)
    .map(([t, n]) => `${n} ${t}`)
    .join(", ");
  out.push(`Generated PDF records: ${report.documents} (seed ${report.seed}: ${types})`);
  out.push(
    `Born-digital text by ${report.pdfExtractor}; scans made at ${report.scanDpi} dpi, rendered at ${report.dpi} dpi and read by ${report.engine}`,
  );
  out.push(
    `OCR: ${report.ocr.pages} pages in ${report.ocr.seconds} s = ${report.ocr.pagesPerSecond} pages/s (mean word confidence ${report.ocr.meanConfidence})`,
  );
  out.push(
    `${"field".padEnd(24)}${"born-digital F1".padStart(16)}${"scanned P".padStart(11)}${"R".padStart(7)}${"F1".padStart(7)}${"support".padStart(9)}`,
  );
  for (const f of EVAL_FIELDS) {
    const { digital, scanned } = report.fields[f] as { digital: Score; scanned: Score };
    out.push(
      `${f.padEnd(24)}${digital.f1.toFixed(3).padStart(16)}${scanned.precision.toFixed(3).padStart(11)}${scanned.recall.toFixed(3).padStart(7)}${scanned.f1.toFixed(3).padStart(7)}${String(digital.support).padStart(9)}`,
    );
  }
  process.stdout.write(`${out.join("\n")}\n`);
}
