/**
 * `npm run bench:search`: what searching costs at archive scale. Builds an
 * archive of generated records (understood, stored and indexed in-process, no
 * files written) in a temp dir, then measures:
 *   - time to build the index, its size on disk against the raw text;
 *   - latency per kind of query in-process (p50/p95/p99), and the same
 *     queries as bare FTS5 SQL, for the ratio of our overhead;
 *   - over HTTP with 8 concurrent clients on loopback (in a process of their
 *     own), searches in worker threads as the server runs them: latency and searches/s;
 *   - the process's memory while serving.
 *
 * Usage: npm run bench:search -- [--docs 100000] [--seed 5] [--rounds 40] [--only TYPE] [--threads 2] [--keep DIR]
 *   --threads N       search threads behind the HTTP server (the server's default: cores, at most 4)
 *   --only protokoll  index only the protokoll of the corpus (~10 § each: 100,000
 *                     of them hold about a million §)
 *   --keep DIR        build the archive in DIR and keep it; a later run with the
 *                     same DIR measures that archive again without rebuilding it
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { once } from "node:events";
import { existsSync, mkdirSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { json } from "node:stream/consumers";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import pino from "pino";
import { AccessStore } from "../../indexer/archive/access.ts";
import type { NewDocument, StoredDocument } from "../../indexer/archive/archive.ts";
import { openDatabase } from "../../indexer/archive/database.ts";
import { FileOriginalStore } from "../../indexer/archive/originals.ts";
import { SqliteArchive } from "../../indexer/archive/sqlite-archive.ts";
import type { PipelineDeps } from "../../indexer/pipeline.ts";
import type { IngestQueue } from "../../indexer/queue/queue.ts";
import { Fts5SearchIndex } from "../../indexer/search/fts5-index.ts";
import type { SearchIndex, SearchQuery } from "../../indexer/search/search-index.ts";
import { ThreadedSearchIndex } from "../../indexer/search/search-threads.ts";
import { understand } from "../../indexer/understand/index.ts";
import { createApp } from "../../server/app.ts";
import { iterateCorpus, renderPages } from "../generate/index.ts";

const { values } = parseArgs({
  options: {
    docs: { type: "string", default: "100000" },
    seed: { type: "string", default: "5" },
    rounds: { type: "string", default: "40" },
    keep: { type: "string" },
    only: { type: "string" },
    threads: { type: "string", default: "2" },
  },
});
const docs = Number(values.docs);
const rounds = Number(values.rounds);
const work = values.keep ?? (await mkdtemp(join(tmpdir(), "bench-search-")));
mkdirSync(work, { recursive: true });
const reuse = existsSync(join(work, "archive.sqlite"));
const db = openDatabase(join(work, "archive.sqlite"));
const archive = new SqliteArchive(db);
const search = new Fts5SearchIndex(db);

const log = (line: string) => process.stderr.write(`${line}\n`);
const ms = (t: number) => Math.round(t * 100) / 100;

// 1. Build: generate → understand → store → index. Only the index step counts as "build the index".
let rawBytes = 0;
let indexMs = 0;
let storeMs = 0;
let built = 0;
const buildStart = performance.now();
if (!reuse) {
  for (const generated of iterateCorpus({ seed: Number(values.seed), count: values.only ? docs * 8 : docs })) {
    if (values.only && generated.truth.type !== values.only) continue;
    const pages = renderPages(generated);
    const filename = generated.truth.file;
    const record = understand({ pages, filename });
    const sha256 = createHash("sha256").update(filename).update(pages.join("\f")).digest("hex");
    const doc: NewDocument = {
      id: sha256.slice(0, 16),
      sha256,
      filename,
      format: "text",
      size: pages.reduce((s, p) => s + Buffer.byteLength(p), 0),
      text: { format: "text", pages },
      record,
    };
    let t = performance.now();
    archive.save(doc);
    storeMs += performance.now() - t;
    const stored: StoredDocument = { ...doc, pages, ingestedAt: new Date().toISOString() };
    t = performance.now();
    await search.index(stored);
    indexMs += performance.now() - t;
    if (++built % 5000 === 0) log(`built ${built}/${docs} (${Math.round((performance.now() - buildStart) / 1000)} s)`);
    if (built === docs) break;
  }
  db.pragma("wal_checkpoint(TRUNCATE)");
}
const buildSeconds = (performance.now() - buildStart) / 1000;
const counts = db
  .prepare(
    `SELECT (SELECT count(*) FROM documents) AS documents, (SELECT sum(size) FROM documents) AS raw,
            (SELECT count(*) FROM search_chunks WHERE paragraph IS NOT NULL) AS paragraphs,
            (SELECT count(*) FROM search_chunks) AS chunks`,
  )
  .get() as { documents: number; raw: number; paragraphs: number; chunks: number };
rawBytes = counts.raw;

// Samples for the queries, drawn from the index itself (so a kept archive serves again).
const samples = {
  dnr: (
    db
      .prepare("SELECT diarienummer FROM search_chunks WHERE id % 7 = 0 AND diarienummer <> '[]' LIMIT 5000")
      .pluck()
      .all() as string[]
  ).map((json) => (JSON.parse(json) as string[])[0] as string),
  titles: db
    .prepare("SELECT title FROM search_chunks WHERE id % 11 = 0 AND paragraph IS NOT NULL LIMIT 5000")
    .pluck()
    .all() as string[],
  speakers: db.prepare("SELECT name FROM search_people WHERE rowid % 13 = 0 LIMIT 5000").pluck().all() as string[],
};

const sizes = db.prepare("SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name").all() as {
  name: string;
  bytes: number;
}[];
const indexBytes = sizes.filter((s) => s.name.startsWith("search_")).reduce((a, s) => a + s.bytes, 0);
const ftsBytes = sizes.filter((s) => s.name.startsWith("search_fts")).reduce((a, s) => a + s.bytes, 0);
const archiveBytes = sizes.filter((s) => !s.name.startsWith("search_")).reduce((a, s) => a + s.bytes, 0);

// 2. Queries: each kind drawn from the corpus itself.
const pick = <T>(list: T[], i: number): T => list[(i * 7919) % list.length] as T;
const words = (title: string) => title.split(/\s+/).filter((w) => /^[\p{L}]{6,}$/u.test(w));
const kinds: Record<string, (i: number) => Partial<SearchQuery>> = {
  "diarienummer (as written)": (i) => ({ q: pick(samples.dnr, i) }),
  "diarienummer (lower case, no code)": (i) => ({
    q: pick(samples.dnr, i)
      .replace(/\.\d+$/, "")
      .toLowerCase(),
  }),
  "rare word from a § title": (i) => ({ q: words(pick(samples.titles, i)).at(-1) ?? "klotter" }),
  "two title words": (i) => ({ q: words(pick(samples.titles, i)).slice(0, 2).join(" ") || "budget uppföljning" }),
  phrase: (i) => ({ q: `"${pick(samples.titles, i).split(/\s+/).slice(0, 3).join(" ")}"` }),
  "common word (beslut)": () => ({ q: "beslut" }),
  "common words (kommunstyrelsen beslutar)": () => ({ q: "kommunstyrelsen beslutar" }),
  "prefix (bud*)": () => ({ q: "bud*" }),
  "typo (one edit)": (i) => ({ q: typo(words(pick(samples.titles, i)).at(-1) ?? "klotter") }),
  "folded (no å ä ö)": (i) => ({ q: fold(words(pick(samples.titles, i)).at(-1) ?? "skadegörelse") }),
  "word + filters (typ, år)": (i) => ({ q: `${words(pick(samples.titles, i))[0] ?? "budget"} typ:protokoll år:2021` }),
  "speaker field": (i) => ({ q: `talare:"${pick(samples.speakers, i)}"` }),
};
const bare: Record<string, (i: number) => string | null> = {
  "rare word from a § title": (i) => `"${(words(pick(samples.titles, i)).at(-1) ?? "klotter").toLowerCase()}"`,
  "two title words": (i) =>
    words(pick(samples.titles, i))
      .slice(0, 2)
      .map((w) => `"${w.toLowerCase()}"`)
      .join(" ") || null,
  "common word (beslut)": () => `"beslut"`,
  "common words (kommunstyrelsen beslutar)": () => `"kommunstyrelsen" "beslutar"`,
  "prefix (bud*)": () => `"bud" *`,
};

function typo(word: string): string {
  const w = word.toLowerCase();
  const i = Math.floor(w.length / 2);
  return w.slice(0, i) + w.slice(i + 1);
}
function fold(word: string): string {
  return word.toLowerCase().replace(/[åä]/g, "a").replace(/ö/g, "o");
}
function percentiles(times: number[]) {
  const s = [...times].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
  return { p50: ms(at(50)), p95: ms(at(95)), p99: ms(at(99)) };
}
const query = (q: Partial<SearchQuery>): SearchQuery => ({ q: "", limit: 20, offset: 0, ...q });

// Warm up: the typo vocabulary and the dictionary load on first use; report that once.
const t0 = performance.now();
await search.search(query({ q: "klottr" }));
const firstSearchMs = performance.now() - t0;

const inProcess: Record<string, ReturnType<typeof percentiles> & { bareP50?: number; bareP95?: number }> = {};
const incomplete: string[] = [];
for (const [kind, make] of Object.entries(kinds)) {
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    const result = await search.search(query(make(i)));
    times.push(performance.now() - t);
    if (!result.complete && !incomplete.includes(kind)) incomplete.push(kind);
  }
  inProcess[kind] = percentiles(times);
  const bareQuery = bare[kind];
  if (bareQuery) {
    const stmt = db.prepare(
      "SELECT rowid, bm25(search_fts) FROM search_fts WHERE search_fts MATCH ? ORDER BY bm25(search_fts) LIMIT 20",
    );
    const bareTimes: number[] = [];
    for (let i = 0; i < Math.min(rounds, 10); i++) {
      const expr = bareQuery(i);
      if (!expr) continue;
      const t = performance.now();
      stmt.all(`{exact} : (${expr})`);
      bareTimes.push(performance.now() - t);
    }
    const b = percentiles(bareTimes);
    Object.assign(inProcess[kind] as object, { bareP50: b.p50, bareP95: b.p95 });
  }
  log(`in-process ${kind}: ${JSON.stringify(inProcess[kind])}`);
}

// 3. Over HTTP: 8 clients in another process (clients in this one would share
// the server's event loop), first with searches on the main thread, then as the
// server runs them: in worker threads on read-only connections.
const threads = Number(values.threads);
const all = Object.values(kinds);
const perClient = Math.max(20, rounds * 3);
const httpQueries = Array.from({ length: 8 * perClient }, (_, i) => all[i % all.length]?.(i).q ?? "");

async function overHttp(index: SearchIndex) {
  const app = createApp({
    archive,
    search: index,
    queue: {} as IngestQueue,
    originals: new FileOriginalStore(work),
    audit: { record() {}, list: () => ({ total: 0, items: [] }) },
    pipeline: {} as PipelineDeps,
    access: new AccessStore(db),
    apiToken: null,
    // The clients measure the server, so no rate limit stands in their way.
    http: { publicRead: true, trustProxy: null, rateLimits: { search: 0, upload: 0, signIn: 0 } },
    logger: pino({ level: "silent" }),
    webDir: null,
  });
  const server = app.listen(0, "127.0.0.1");
  await once(server, "listening");
  const port = (server.address() as AddressInfo).port;
  const clients = spawn(
    process.execPath,
    ["--import", "tsx", fileURLToPath(new URL("./http-clients.ts", import.meta.url)), String(port), "8"],
    { stdio: ["pipe", "pipe", "inherit"] },
  );
  clients.stdin.end(JSON.stringify(httpQueries));
  const [{ times, seconds }] = (await Promise.all([json(clients.stdout), once(clients, "exit")])) as [
    { times: number[]; seconds: number },
    unknown,
  ];
  server.close();
  return { searches: times.length, ...percentiles(times), perSecond: Math.round(times.length / seconds) };
}

const httpMain = await overHttp(search);
log(`HTTP, searches on the main thread: ${JSON.stringify(httpMain)}`);
const threaded = new ThreadedSearchIndex(db, { threads });
await threaded.warm();
const httpThreads = await overHttp(threaded);
log(`HTTP, searches in ${threads} threads: ${JSON.stringify(httpThreads)}`);
const memory = process.memoryUsage();
await threaded.close();

const report = {
  documents: counts.documents,
  paragraphs: counts.paragraphs,
  searchRows: counts.chunks,
  build: reuse
    ? "reused a kept archive"
    : {
        seconds: Math.round(buildSeconds),
        indexSeconds: Math.round(indexMs / 1000),
        storeSeconds: Math.round(storeMs / 1000),
        indexDocsPerSecond: Math.round(built / (indexMs / 1000)),
      },
  size: {
    rawTextMB: Math.round(rawBytes / 1e6),
    searchIndexMB: Math.round(indexBytes / 1e6),
    ftsMB: Math.round(ftsBytes / 1e6),
    archiveTablesMB: Math.round(archiveBytes / 1e6),
    indexToRaw: Math.round((indexBytes / rawBytes) * 100) / 100,
  },
  firstSearchMs: ms(firstSearchMs),
  inProcess,
  incomplete,
  http: { clients: 8, mainThread: httpMain, [`threads${threads}`]: httpThreads },
  memoryMB: { rss: Math.round(memory.rss / 1e6), heapUsed: Math.round(memory.heapUsed / 1e6) },
};
process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
archive.close();
if (!values.keep) await rm(work, { recursive: true, force: true });
