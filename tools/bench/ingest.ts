/**
 * `npm run bench:ingest`: what reading records costs, and what our own work
 * adds to it. On the same generated PDF and DOCX files it times, one file
 * at a time on one thread:
 *   - bare text extraction: pdf-parse, poppler's pdftotext (where installed), mammoth;
 *   - our extract + understand through each PDF adapter (worker thread / child process);
 *   - the understanding stage alone on the extracted texts;
 *   - full ingestion (admit, store, index, link) into a fresh archive.
 * Compare ratios measured in one run: this machine is noisy.
 *
 * Usage: npm run bench:ingest -- [--count 120] [--seed 3] [--only protokoll]
 */
import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { parseArgs } from "node:util";
import mammoth from "mammoth";
import { PDFParse } from "pdf-parse";
import pino from "pino";
import { loadConfig } from "../../indexer/config.ts";
import {
  createTextExtractor,
  ExtractionPool,
  type PdfEngine,
  pdftotextAvailable,
} from "../../indexer/extract/index.ts";
import { admit } from "../../indexer/pipeline.ts";
import { openRuntime } from "../../indexer/runtime.ts";
import { understand } from "../../indexer/understand/index.ts";
import { generateCorpus } from "../generate/index.ts";

const { values } = parseArgs({
  options: {
    count: { type: "string", default: "120" },
    seed: { type: "string", default: "3" },
    // e.g. --only protokoll: long multi-page records, where per-file overheads matter less.
    only: { type: "string" },
  },
});
const work = await mkdtemp(join(tmpdir(), "bench-ingest-"));

interface Row {
  name: string;
  docs: number;
  pages: number;
  ms: number;
}
const rows: Row[] = [];
const time = async (name: string, files: Loaded[], run: (f: Loaded) => Promise<number>) => {
  const started = performance.now();
  let pages = 0;
  for (const f of files) pages += await run(f);
  rows.push({ name, docs: files.length, pages, ms: performance.now() - started });
};

interface Loaded {
  name: string;
  bytes: Buffer;
  format: string;
}

try {
  const { files } = await generateCorpus({
    seed: Number(values.seed),
    count: Number(values.count),
    outDir: join(work, "records"),
    formats: ["pdf", "docx"],
  });
  const all = await Promise.all(
    files.map(async (f) => ({
      name: basename(f.path),
      bytes: await readFile(f.path),
      format: f.format,
      type: (JSON.parse(await readFile(f.truthPath, "utf8")) as { type: string }).type,
    })),
  );
  const loaded: Loaded[] = values.only ? all.filter((f) => f.type === values.only) : all;
  const pdfs = loaded.filter((f) => f.format === "pdf");
  const docxs = loaded.filter((f) => f.format === "docx");
  const pdftotext = pdftotextAvailable();

  // Warm up parsers and JIT so the first file's module loading is not counted.
  for (const f of [...pdfs.slice(0, 3)]) await bareParse(f.bytes);

  await time("bare pdf-parse (main thread)", pdfs, async (f) => bareParse(f.bytes));
  if (pdftotext) {
    await time("bare pdftotext (process per file)", pdfs, async (f) => {
      const out = spawnSync("pdftotext", ["-enc", "UTF-8", "-", "-"], { input: f.bytes });
      return out.stdout.toString("utf8").split("\f").length - 1;
    });
  }
  await time("bare mammoth (main thread)", docxs, async (f) => {
    await mammoth.extractRawText({ buffer: f.bytes });
    return 1;
  });

  const texts: { pages: string[]; filename: string }[] = [];
  for (const engine of (pdftotext ? ["pdf-parse", "pdftotext"] : ["pdf-parse"]) as PdfEngine[]) {
    const pool = new ExtractionPool({ size: 1, timeoutMs: 120_000, maxMemoryMb: 1024 });
    const extractor = createTextExtractor(pool, { pdfEngine: engine });
    await extractor.extract(pdfs[0]?.bytes ?? Buffer.alloc(0), "warm.pdf");
    await extractor.extract(docxs[0]?.bytes ?? Buffer.alloc(0), "warm.docx");
    await time(`our extract + understand, PDF (${engine})`, pdfs, async (f) => {
      const text = await extractor.extract(f.bytes, f.name);
      const input = { pages: text.pages, filename: f.name };
      understand(input);
      if (engine === "pdftotext" || !pdftotext) texts.push(input);
      return text.pages.length;
    });
    if (engine === "pdf-parse") {
      await time("our extract + understand, DOCX", docxs, async (f) => {
        const text = await extractor.extract(f.bytes, f.name);
        const input = { pages: text.pages, filename: f.name };
        understand(input);
        texts.push(input);
        return text.pages.length;
      });
    }
    await pool.close();
  }

  const rounds = 5;
  const started = performance.now();
  for (let i = 0; i < rounds; i++) for (const t of texts) understand(t);
  const understandMs = (performance.now() - started) / rounds;
  const understandPages = texts.reduce((n, t) => n + t.pages.length, 0);
  rows.push({
    name: "understanding stage alone (all files)",
    docs: texts.length,
    pages: understandPages,
    ms: understandMs,
  });

  const runtime = await openRuntime(loadConfig({ ARCHIVE_DATA_DIR: join(work, "archive") }), {
    logger: pino({ level: "silent" }),
  });
  const ingestStarted = performance.now();
  const jobs = [];
  for (const f of loaded) {
    const admission = await admit(runtime.pipeline, f.bytes, f.name);
    jobs.push(await runtime.queue.enqueue({ sha256: admission.sha256, filename: f.name }));
  }
  for (const job of jobs) await runtime.queue.waitFor(job.id);
  rows.push({
    name: `full ingest, in-process queue (concurrency ${runtime.config.ingestConcurrency}, ${runtime.pdfEngine})`,
    docs: loaded.length,
    pages: 0,
    ms: performance.now() - ingestStarted,
  });
  await runtime.close();

  print(rows, understandMs);
} finally {
  await rm(work, { recursive: true, force: true });
}

async function bareParse(bytes: Buffer): Promise<number> {
  const parser = new PDFParse({ data: new Uint8Array(bytes), verbosity: 0 });
  const result = await parser.getText();
  await parser.destroy();
  return result.pages.length;
}

function print(rows: Row[], understandMs: number) {
  const out = [
    `${"".padEnd(62)}${"docs".padStart(6)}${"pages".padStart(7)}${"ms".padStart(9)}${"docs/s".padStart(9)}${"pages/s".padStart(9)}`,
  ];
  for (const r of rows) {
    const s = r.ms / 1000;
    out.push(
      `${r.name.padEnd(62)}${String(r.docs).padStart(6)}${String(r.pages || "-").padStart(7)}${r.ms.toFixed(0).padStart(9)}${(r.docs / s).toFixed(1).padStart(9)}${(r.pages ? (r.pages / s).toFixed(1) : "-").padStart(9)}`,
    );
  }
  const extraction = rows.filter((r) => r.name.startsWith("our extract")).reduce((n, r) => n + r.ms, 0);
  const ours = rows.filter((r) => r.name.startsWith("our extract"));
  const extractionOnly = ours.length ? extraction / ours.length : 0;
  out.push("");
  out.push(
    `understanding costs ${((understandMs / Math.max(1, extraction - understandMs)) * 100).toFixed(1)}% of extraction (understanding ${understandMs.toFixed(0)} ms over all files; extract+understand runs ${extraction.toFixed(0)} ms in all, ${extractionOnly.toFixed(0)} ms per adapter run)`,
  );
  process.stdout.write(`${out.join("\n")}\n`);
}
