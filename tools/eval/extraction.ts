/**
 * `npm run eval:extraction`: scores the indexer's understanding of records.
 *
 * 1. Generated records (PDF, DOCX, .txt) against their ground truth: precision,
 *    recall and F1 per field, and link accuracy after ingesting them all.
 * 2. Hand-written records in layouts neither the generator nor our real
 *    samples use (tests/fixtures/handwritten).
 * 3. The real protocols in ../shared/real-records (when present): § recall
 *    against the range each header announces, and titles found.
 *
 * Usage: npm run eval:extraction -- [--seed 11] [--count 150] [--pdf pdf-parse|pdftotext] [--json] [--verbose]
 */
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import pino from "pino";
import { loadConfig } from "../../indexer/config.ts";
import { extractRecord } from "../../indexer/pipeline.ts";
import { openRuntime } from "../../indexer/runtime.ts";
import { understand } from "../../indexer/understand/index.ts";
import { generateCorpus, type Truth } from "../generate/index.ts";
import { addDocument, EVAL_FIELDS, type EvalField, emptyCounts, type Score, score } from "./metrics.ts";
import { scoreRealRecords } from "./real-records.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const { values } = parseArgs({
  options: {
    seed: { type: "string", default: "11" },
    count: { type: "string", default: "150" },
    pdf: { type: "string" },
    json: { type: "boolean", default: false },
    verbose: { type: "boolean", default: false },
  },
});

const work = await mkdtemp(join(tmpdir(), "eval-extraction-"));
const env: Record<string, string> = { ARCHIVE_DATA_DIR: join(work, "archive") };
if (values.pdf) env.ARCHIVE_PDF_EXTRACTOR = values.pdf;
const runtime = await openRuntime(loadConfig(env), { logger: pino({ level: "silent" }) });

try {
  const generated = await generateCorpus({
    seed: Number(values.seed),
    count: Number(values.count),
    outDir: join(work, "records"),
  });
  const counts = emptyCounts();
  const ids = new Map<string, string>();
  const truths: Truth[] = [];
  const started = performance.now();
  for (const file of generated.files) {
    const truth = JSON.parse(await readFile(file.truthPath, "utf8")) as Truth;
    const bytes = await readFile(file.path);
    const { record } = await extractRecord(runtime.extractor, bytes, basename(file.path));
    addDocument(counts, record, truth);
    truths.push(truth);
    const job = await runtime.queue.enqueue(await admitted(bytes, basename(file.path)));
    const state = await runtime.queue.waitFor(job.id);
    if (state.documentId) ids.set(truth.file, state.documentId);
  }
  const seconds = (performance.now() - started) / 1000;
  const links = linkAccuracy(truths, ids);

  const handwritten = await scoreHandwritten();
  const real = await scoreRealRecords(resolve(ROOT, "../shared/real-records"));

  const report = {
    generated: {
      seed: Number(values.seed),
      documents: generated.files.length,
      pdfExtractor: runtime.pdfEngine,
      fields: fieldScores(counts),
      links,
      seconds: Math.round(seconds * 10) / 10,
    },
    handwritten,
    real,
  };
  if (values.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else printReport(report);
} finally {
  await runtime.close();
  await rm(work, { recursive: true, force: true });
}

async function admitted(bytes: Buffer, filename: string) {
  const { admit } = await import("../../indexer/pipeline.ts");
  const admission = await admit(runtime.pipeline, bytes, filename);
  return { sha256: admission.sha256, filename };
}

function fieldScores(counts: ReturnType<typeof emptyCounts>) {
  return Object.fromEntries(EVAL_FIELDS.map((f) => [f, round(score(counts[f]))])) as Record<EvalField, Score>;
}

/** Links the truth expects (rel + other file) found in the archive, and links the archive made that the truth lacks. */
function linkAccuracy(truths: Truth[], ids: Map<string, string>) {
  const fileOf = new Map([...ids].map(([file, id]) => [id, file]));
  let expected = 0;
  let predicted = 0;
  let tp = 0;
  let unresolved = 0;
  for (const truth of truths) {
    const id = ids.get(truth.file);
    if (!id) continue;
    const want = new Set(truth.links.map((l) => `${l.rel}|${l.file}`));
    const got = new Set<string>();
    for (const l of runtime.archive.links(id)) {
      if (!l.documentId) unresolved++;
      else got.add(`${l.rel}|${fileOf.get(l.documentId)}`);
    }
    expected += want.size;
    predicted += got.size;
    for (const g of got) if (want.has(g)) tp++;
    if (values.verbose) {
      for (const g of got) if (!want.has(g)) process.stderr.write(`extra link: ${truth.file} → ${g}\n`);
      for (const w of want) if (!got.has(w)) process.stderr.write(`missing link: ${truth.file} → ${w}\n`);
    }
  }
  return { ...round(score({ tp, predicted, expected })), unresolved };
}

async function scoreHandwritten() {
  const dir = join(ROOT, "tests/fixtures/handwritten");
  const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith(".txt"));
  const counts = emptyCounts();
  for (const f of files) {
    const truth = JSON.parse(await readFile(join(dir, `${f}.truth.json`), "utf8")) as Truth;
    const text = await readFile(join(dir, f), "utf8");
    addDocument(counts, understand({ pages: text.split("\f"), filename: f }), truth);
  }
  return { documents: files.length, fields: fieldScores(counts) };
}

function round(s: Score): Score {
  const r = (v: number) => Math.round(v * 1000) / 1000;
  return { precision: r(s.precision), recall: r(s.recall), f1: r(s.f1), support: s.support };
}

function printReport(report: {
  generated: {
    seed: number;
    documents: number;
    pdfExtractor: string;
    fields: Record<string, Score>;
    links: Score & { unresolved: number };
    seconds: number;
  };
  handwritten: { documents: number; fields: Record<string, Score> };
  real: Awaited<ReturnType<typeof scoreRealRecords>>;
}) {
  const { generated, handwritten, real } = report;
  const out: string[] = [];
  out.push(
    `Generated records: ${generated.documents} (seed ${generated.seed}, PDF text by ${generated.pdfExtractor}, ${generated.seconds} s)`,
  );
  out.push(
    `${"field".padEnd(24)}${"precision".padStart(10)}${"recall".padStart(10)}${"F1".padStart(8)}${"support".padStart(9)}   hand-written F1`,
  );
  for (const f of EVAL_FIELDS) {
    const s = generated.fields[f] as Score;
    const h = handwritten.fields[f] as Score;
    out.push(
      `${f.padEnd(24)}${s.precision.toFixed(3).padStart(10)}${s.recall.toFixed(3).padStart(10)}${s.f1.toFixed(3).padStart(8)}${String(s.support).padStart(9)}   ${handwritten.documents ? `${h.f1.toFixed(3)} (${h.support})` : "-"}`,
    );
  }
  const l = generated.links;
  out.push(
    `${"links".padEnd(24)}${l.precision.toFixed(3).padStart(10)}${l.recall.toFixed(3).padStart(10)}${l.f1.toFixed(3).padStart(8)}${String(l.support).padStart(9)}   (${l.unresolved} unresolved references kept)`,
  );
  out.push("");
  out.push(`Hand-written records: ${handwritten.documents}`);
  out.push("");
  if (real.files === 0) out.push("Real records: none found at ../shared/real-records");
  else {
    out.push(`Real records: ${real.files} protocols, ${real.withRange} announce a § range`);
    out.push(
      `  § recall ${real.found}/${real.expected} (${(real.recall * 100).toFixed(1)}%), § outside the range ${real.outside}, titles ${real.titled}/${real.paragraphs}, diarienummer on ${real.withDnr}/${real.paragraphs} §`,
    );
    for (const f of real.perFile.filter((f) => f.missing.length > 0))
      out.push(`  ${f.file}: missing § ${f.missing.join(", ")}`);
  }
  process.stdout.write(`${out.join("\n")}\n`);
}
