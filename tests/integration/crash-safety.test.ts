import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Readable } from "node:stream";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { IngestLine } from "../../indexer/cli/ingest.ts";
import { loadConfig } from "../../indexer/config.ts";
import { sha256Of } from "../../indexer/pipeline.ts";
import { openPipeline } from "../../indexer/runtime.ts";
import { generateCorpus } from "../../tools/generate/index.ts";
import { createRng } from "../../tools/generate/rng.ts";
import { type ArchiveState, type DocumentState, readArchiveState, readOriginals } from "../helpers/archive-state.ts";
import { ROOT } from "../helpers/cli.ts";

/**
 * `archive ingest` killed with SIGKILL at random points of a batch, again and
 * again; after each kill the archive must hold every document whole or not at
 * all. What counts as consistent after a kill:
 * - the database passes integrity_check and foreign_key_check, and the FTS5 tables their own check;
 * - a document row comes with all its pages, case numbers, people, anchors and
 *   links, equal to an uninterrupted run's, its links resolved to every linked
 *   document that is stored (unresolved only where the other is not);
 * - its search rows are all there or, only while `indexed_at` is unset (a
 *   crash between storing and indexing, which start-up repairs), none;
 *   never a part and never twice;
 * - its original is stored and hashes to its name. Originals without a
 *   document are allowed: admit() stores the original before the job exists,
 *   so a lost job never loses a file. So are temporary names a killed write left
 *   (`<sha256>.<uuid>.tmp`); a real name never holds half a file.
 * After the start-up a restart runs (the archive opened with recovery; after every
 * other kill, the others are left to the next run's start), every stored
 * document is searchable by a word of its own and by its diarienummer.
 * A last run without a kill completes the batch: one document per file, equal
 * to the uninterrupted run's, no duplicates anywhere, no job left waiting or active.
 *
 * Kill points come from a seeded PRNG (printed; CRASH_SEED repeats it, CRASH_KILLS
 * sets how many). They are points in time and output, so a repeat hits nearly,
 * not exactly, the same instructions.
 */

const SEED = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
const KILLS = Number(process.env.CRASH_KILLS ?? 12);
const COUNT = 60;
const HANG_MS = 120_000;

let dir: string;
let inDir: string;
let files: { path: string; sha256: string }[];
let reference: ArchiveState;
let referenceRun: IngestRun;
/** Runs not yet ended, killed with their process group if the test stops early. */
const running = new Set<ChildProcess>();
/** A word each document's search rows hold and few others do. */
const distinctive = new Map<string, string>();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "archive-crash-"));
  inDir = join(dir, "in");
  const generated = await generateCorpus({ seed: 11, count: COUNT, outDir: inDir });
  files = await Promise.all(
    generated.files.map(async (f) => ({ path: f.path, sha256: sha256Of(await readFile(f.path)) })),
  );
  referenceRun = await ingest(join(dir, "reference"));
  reference = readArchiveState(join(dir, "reference"));
  pickDistinctiveWords(reference);
}, 120_000);

afterAll(async () => {
  for (const child of running) killGroup(child);
  await rm(dir, { recursive: true, force: true });
});

interface IngestRun {
  code: number | null;
  killed: boolean;
  /** Documents the run stored ("document ingested" in its log, written as each is done). */
  ingested: number;
  lines: IngestLine[];
  stderr: string;
  ms: number;
  firstIngestedMs: number | null;
}

/** When to SIGKILL a run; see ingest(). */
interface Kill {
  afterIngested: number;
  delayMs: number;
  /** Instead: as soon as this many originals are written (the files being admitted). */
  afterOriginals?: number;
}

/**
 * Runs the real CLI over the batch as a user would, in a process group of its
 * own so a kill takes pdftotext children with it. `kill`: SIGKILL after that
 * many documents stored and a delay; with 0, the delay counts from the start
 * and the first document stored ends it at once (load varies too much for a time alone).
 * `afterOriginals` watches the originals folder instead.
 */
function ingest(dataDir: string, kill?: Kill): Promise<IngestRun> {
  const started = Date.now();
  const child: ChildProcess = spawn(
    process.execPath,
    ["--import", "tsx", "indexer/cli/main.ts", "ingest", "--json", inDir],
    {
      cwd: ROOT,
      env: { ...process.env, ARCHIVE_DATA_DIR: dataDir, REDIS_URL: "", MEILI_URL: "", LOG_LEVEL: "info" },
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const run: IngestRun = {
    code: null,
    killed: false,
    ingested: 0,
    lines: [],
    stderr: "",
    ms: 0,
    firstIngestedMs: null,
  };
  const killNow = () => {
    if (run.killed || child.exitCode !== null || child.signalCode !== null) return;
    run.killed = true;
    killGroup(child);
  };
  // A run that waits for a job nothing runs (one left "active" by a crash) would wait for ever.
  const watchdog = setTimeout(() => {
    run.stderr += `still running after ${HANG_MS} ms: killed by the test\n`;
    killNow();
  }, HANG_MS);
  let armed = false;
  const arm = () => {
    if (!kill || armed) return;
    armed = true;
    setTimeout(killNow, kill.delayMs);
  };
  const originals = kill?.afterOriginals
    ? setInterval(() => {
        if (countOriginals(dataDir) >= (kill.afterOriginals as number)) killNow();
      }, 2)
    : null;
  if (kill?.afterIngested === 0 && !originals) arm();
  onLines(child.stdout, (text) => run.lines.push(JSON.parse(text) as IngestLine));
  onLines(child.stderr, (text) => {
    run.stderr += `${text}\n`;
    if (!text.includes('"msg":"document ingested"')) return;
    run.ingested++;
    run.firstIngestedMs ??= Date.now() - started;
    if (kill?.afterIngested === 0) killNow();
    else if (kill && run.ingested >= kill.afterIngested) arm();
  });
  running.add(child);
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => {
      running.delete(child);
      clearTimeout(watchdog);
      if (originals) clearInterval(originals);
      run.code = code;
      run.ms = Date.now() - started;
      resolve(run);
    });
  });
}

/** Originals under their real names so far (temporary names left out). */
function countOriginals(dataDir: string): number {
  const root = join(dataDir, "originals");
  try {
    return readdirSync(root).reduce(
      (n, prefix) => n + readdirSync(join(root, prefix)).filter((f) => !f.endsWith(".tmp")).length,
      0,
    );
  } catch {
    return 0;
  }
}

function killGroup(child: ChildProcess): void {
  try {
    process.kill(-(child.pid as number), "SIGKILL");
  } catch {
    // Gone already.
  }
}

function onLines(stream: Readable | null, each: (line: string) => void): void {
  let buffered = "";
  stream?.setEncoding("utf8").on("data", (chunk: string) => {
    buffered += chunk;
    const lines = buffered.split("\n");
    buffered = lines.pop() ?? "";
    for (const line of lines) each(line);
  });
}

function pickDistinctiveWords(state: ArchiveState): void {
  const wordsOf = (doc: DocumentState) => {
    const record = JSON.parse(JSON.parse(doc.row).record) as { paragraphs: { title: string | null; text: string }[] };
    // What the search rows hold: each § (title and text), or each page of a record without §.
    const texts = record.paragraphs.length ? record.paragraphs.map((p) => `${p.title ?? ""} ${p.text}`) : doc.pages;
    return new Set(
      texts
        .join(" ")
        .toLowerCase()
        .match(/[a-zåäöé]{7,}/g) ?? [],
    );
  };
  const words = new Map([...state.documents.values()].map((d) => [d.id, wordsOf(d)]));
  const frequency = new Map<string, number>();
  for (const set of words.values()) for (const w of set) frequency.set(w, (frequency.get(w) ?? 0) + 1);
  for (const [id, set] of words) {
    const best = [...set].sort(
      (a, b) => (frequency.get(a) ?? 0) - (frequency.get(b) ?? 0) || b.length - a.length || a.localeCompare(b),
    )[0];
    if (best) distinctive.set(id, best);
  }
}

/** Differences between a document after a crash and the same document stored without one. */
function differences(doc: DocumentState, ref: DocumentState | undefined, present: Set<string>): string[] {
  if (!ref) return ["a document the batch does not hold"];
  const out: string[] = [];
  const same = (what: string, a: unknown, b: unknown) => {
    if (JSON.stringify(a) !== JSON.stringify(b)) out.push(`${what} differ`);
  };
  same("document columns", doc.row, ref.row);
  same("pages", doc.pages, ref.pages);
  same("case numbers", doc.cases, ref.cases);
  same("people", doc.people, ref.people);
  same("anchors", doc.anchors, ref.anchors);
  const expectedLinks = ref.links
    .map((l) => ({ to: l.to !== null && present.has(l.to) ? l.to : null, rest: l.rest }))
    .sort((a, b) => a.rest.localeCompare(b.rest) || String(a.to).localeCompare(String(b.to)));
  same("links", doc.links, expectedLinks);
  if (doc.indexed || doc.chunks.length > 0) same("search rows", doc.chunks, ref.chunks);
  return out;
}

/** Every document whole, every original sound; returns what is wrong. */
async function consistency(dataDir: string, state: ArchiveState): Promise<string[]> {
  const problems = [...state.problems];
  const present = new Set(state.documents.keys());
  for (const doc of state.documents.values()) {
    for (const d of differences(doc, reference.documents.get(doc.id), present)) problems.push(`${doc.id}: ${d}`);
  }
  const originals = await readOriginals(dataDir);
  for (const path of originals.strays) problems.push(`a stray file among the originals: ${path}`);
  for (const [sha, sound] of originals.files) if (!sound) problems.push(`original ${sha} does not hash to its name`);
  for (const doc of state.documents.values()) {
    if (!originals.files.has(doc.sha256)) problems.push(`${doc.id}: no original`);
  }
  for (const job of state.jobs) {
    if (!originals.files.has(job.sha256)) problems.push(`job ${job.id} (${job.status}) without its original`);
  }
  const batch = new Set(files.map((f) => f.sha256));
  for (const sha of originals.files.keys()) if (!batch.has(sha)) problems.push(`original ${sha} of no file`);
  return problems;
}

/** Opens the archive as a restart would (recovery included) and asks it what an official would. */
async function restartAndSearch(dataDir: string): Promise<string[]> {
  const config = loadConfig({ ARCHIVE_DATA_DIR: dataDir, REDIS_URL: "", MEILI_URL: "" });
  // The pipeline without the queue: a server's start would also run unfinished jobs, which the next run does here.
  const runtime = await openPipeline(config, { logger: pino({ level: "silent" }) });
  const problems: string[] = [];
  try {
    const ids = [...runtime.archive.allIds()];
    const present = new Set(ids);
    for (const id of ids) {
      const doc = runtime.archive.get(id);
      if (!doc) {
        problems.push(`${id}: listed but not readable`);
        continue;
      }
      const word = distinctive.get(id);
      if (word) {
        const result = await runtime.search.search({ q: word, limit: 100, offset: 0 });
        if (!result.hits.some((h) => h.documentId === id)) problems.push(`${id}: not found by its word "${word}"`);
      }
      for (const dnr of doc.record.diarienummer) {
        // As the API's `dnr` filter: a bare "2005/120" in the query box is no diarienummer to the parser.
        const result = await runtime.search.search({ q: "", dnr, limit: 100, offset: 0 });
        if (!result.hits.some((h) => h.documentId === id)) problems.push(`${id}: not found by the case ${dnr}`);
        if (!runtime.archive.findCase(dnr)?.documents.some((d) => d.id === id)) {
          problems.push(`${id}: not in the case ${dnr}`);
        }
      }
      for (const link of runtime.archive.links(id)) {
        if (link.documentId !== null && !present.has(link.documentId)) {
          problems.push(`${id}: a link to ${link.documentId}, which is not stored`);
        }
      }
    }
  } finally {
    await runtime.close();
  }
  return problems;
}

describe("crash safety of a batch ingest", () => {
  it("an uninterrupted run, the reference, stores the batch with linked records", () => {
    expect(referenceRun.code, referenceRun.stderr).toBe(0);
    expect(referenceRun.ingested).toBe(COUNT);
    expect(referenceRun.lines.filter((l) => l.status === "added").length).toBe(COUNT);
    expect(reference.problems).toEqual([]);
    expect(new Set(files.map((f) => f.sha256)).size).toBe(COUNT);
    expect(reference.documents.size).toBe(COUNT);
    expect(reference.jobs.filter((j) => j.status !== "completed")).toEqual([]);
    const types = new Set([...reference.documents.values()].map((d) => JSON.parse(d.row).type as string));
    expect([...types]).toEqual(expect.arrayContaining(["protokoll", "bilaga", "tjansteutlatande"]));
    const resolved = [...reference.documents.values()].flatMap((d) => d.links).filter((l) => l.to !== null);
    expect(resolved.length).toBeGreaterThan(10);
    expect(distinctive.size).toBe(COUNT);
    expect([...reference.documents.values()].every((d) => d.indexed && d.chunks.length > 0)).toBe(true);
  });

  it("keeps every document whole or absent through SIGKILLs, and a last run completes the batch once", async () => {
    console.info(`crash-safety seed ${SEED} (CRASH_SEED=${SEED} repeats the kill points)`);
    const rng = createRng(SEED);
    const dataDir = join(dir, "crashed");
    // Until the first document is stored a run loads, migrates, recovers and admits (writes originals).
    const beforeFirst = referenceRun.firstIngestedMs ?? referenceRun.ms;
    const perDocument = (referenceRun.ms - beforeFirst) / COUNT;
    console.info(`reference run: ${referenceRun.ms} ms, first document stored after ${beforeFirst} ms`);
    let stored = 0;
    const log: string[] = [];
    for (let i = 0; i < KILLS; i++) {
      const remaining = COUNT - stored;
      // About an even share of what is left, so the kills spread over the batch.
      const share = Math.max(1, Math.min(remaining - 2, Math.ceil((1.5 * remaining) / (KILLS - i))));
      const kill: Kill =
        i === 0
          ? // The first start writes the originals: killed while it admits the files.
            { afterIngested: 0, delayMs: 0, afterOriginals: rng.int(1, COUNT - 1) }
          : remaining < 3 || rng.chance(0.25)
            ? // Before the first document is stored: loading, migrating, recovering, resuming jobs.
              { afterIngested: 0, delayMs: rng.int(0, beforeFirst) }
            : { afterIngested: rng.int(1, share), delayMs: rng.int(0, Math.round(perDocument * 2)) };
      const run = await ingest(dataDir, kill);
      const raw = readArchiveState(dataDir);
      const before = await consistency(dataDir, raw);
      expect(before, `after kill ${i + 1} (${JSON.stringify(kill)}), before any recovery`).toEqual([]);
      const unindexed = [...raw.documents.values()].filter((d) => !d.indexed).length;
      const active = raw.jobs.filter((j) => j.status === "active");
      // Stored while its job still ran: the next run's job must find the document and not store it again.
      const storedActive = active.filter((j) => raw.documents.has(j.sha256.slice(0, 16))).length;
      const originals = await readOriginals(dataDir);

      stored = raw.documents.size;
      // Every other time the next run's own start-up recovers, so a kill may land in its recovery too.
      const restarted = i % 2 === 1;
      if (restarted) {
        expect(await restartAndSearch(dataDir), `after kill ${i + 1}, restarted`).toEqual([]);
        const recovered = readArchiveState(dataDir);
        expect(await consistency(dataDir, recovered), `after kill ${i + 1}, restarted`).toEqual([]);
        expect([...recovered.documents.values()].filter((d) => !d.indexed).map((d) => d.id)).toEqual([]);
      }
      log.push(
        `${run.killed ? "killed" : "finished"} after ${run.ms} ms (${JSON.stringify(kill)}): ${stored} stored, ` +
          `${unindexed} unindexed, ${active.length} jobs active (${storedActive} of them stored), ${originals.files.size} originals (${originals.temporary.length} temporary)${restarted ? "; restarted, searched" : ""}`,
      );
      if (!run.killed) {
        // A run that ends on its own has reported every file (stuck jobs let a waiting process just exit).
        expect(run.code, run.stderr).toBe(0);
        expect(new Set(run.lines.map((l) => l.file)).size, "files reported by a run that ended").toBe(COUNT);
      }
    }
    console.info(log.join("\n"));
    expect(log.filter((l) => l.startsWith("killed")).length).toBeGreaterThanOrEqual(KILLS - 2);

    const last = await ingest(dataDir);
    expect(last.killed, `the last run did not finish in ${HANG_MS} ms: a job left waiting for ever?`).toBe(false);
    expect(last.code, last.stderr).toBe(0);
    const byFile = new Map(last.lines.map((l) => [l.file, l]));
    expect(byFile.size).toBe(COUNT);
    for (const f of files) {
      expect(byFile.get(f.path), f.path).toMatchObject({
        status: expect.stringMatching(/^(added|exists)$/),
        id: f.sha256.slice(0, 16),
      });
    }
    const final = readArchiveState(dataDir);
    expect(await consistency(dataDir, final)).toEqual([]);
    expect(final.documents.size).toBe(COUNT);
    for (const [id, ref] of reference.documents) {
      // Whole batch present: links and search rows exactly as the uninterrupted run's.
      expect(final.documents.get(id), id).toEqual(ref);
    }
    // As many jobs as the uninterrupted run made (one per file), each completed with its own document.
    expect(final.jobs.length).toBe(reference.jobs.length);
    expect(final.jobs.filter((j) => j.status !== "completed")).toEqual([]);
    expect(new Set(final.jobs.map((j) => j.sha256)).size).toBe(COUNT);
    expect(new Set(final.jobs.map((j) => j.documentId)).size).toBe(COUNT);
    expect([...(await readOriginals(dataDir)).files.keys()].sort()).toEqual(files.map((f) => f.sha256).sort());
    expect(await restartAndSearch(dataDir)).toEqual([]);
  }, 300_000);
});
