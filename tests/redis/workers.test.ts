import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { generateCorpus } from "../../tools/generate/index.ts";
import { runCli } from "../helpers/cli.ts";
import { openTestArchive, type TestArchive } from "../helpers/runtime.ts";
import { type RedisServer, startRedisServer } from "./redis-server.ts";
import { WorkerProcess } from "./worker-process.ts";

/**
 * `archive ingest` with REDIS_URL set: the CLI only queues, two `npm run
 * worker` processes do the work, over one archive on one volume.
 */
let redis: RedisServer;
let archive: TestArchive;
let corpus: string;
let env: Record<string, string>;
const workers: WorkerProcess[] = [];

interface Line {
  file: string;
  id: string | null;
  status: string;
  error?: string;
}

beforeAll(async () => {
  redis = await startRedisServer();
  corpus = await mkdtemp(join(tmpdir(), "archive-redis-corpus-"));
  await Promise.all([
    generateCorpus({ seed: 21, count: 20, outDir: join(corpus, "first") }),
    generateCorpus({ seed: 22, count: 16, outDir: join(corpus, "second") }),
  ]);
  archive = await openTestArchive({ REDIS_URL: redis.url(1) });
  env = { REDIS_URL: redis.url(1), ARCHIVE_DATA_DIR: archive.dir };
  // One worker runs two jobs at once (two sandbox threads), the other one.
  workers.push(
    new WorkerProcess({ ...env, ARCHIVE_WORKER_CONCURRENCY: "2" }),
    new WorkerProcess({ ...env, ARCHIVE_WORKER_CONCURRENCY: "1" }),
  );
  await Promise.all(workers.map((w) => w.ready()));
});

afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop()));
  await archive?.close();
  await redis?.close();
  await rm(corpus, { recursive: true, force: true });
});

const documentCount = async () => (await request(archive.app).get("/api/documents?limit=1")).body.total as number;
const completedLogs = () => workers.flatMap((w) => w.completed());
const parseLines = (stdout: string): Line[] =>
  stdout
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as Line);

describe("ingestion through BullMQ and two worker processes", () => {
  it("adds every file exactly once: each job completed by one worker, no document lost or doubled", async () => {
    const run = await runCli(["ingest", "--json", join(corpus, "first")], env);
    expect(run.code, run.stderr).toBe(0);
    const lines = parseLines(run.stdout);
    expect(lines).toHaveLength(20);
    expect(lines.filter((l) => l.status === "added")).toHaveLength(20);
    expect(new Set(lines.map((l) => l.id)).size).toBe(20);
    expect(await documentCount()).toBe(20);

    // The CLI hears of completion from Redis; the workers' own log lines may trail it by a moment.
    await vi.waitFor(() => expect(completedLogs()).toHaveLength(20), { timeout: 5000 });
    const perJob = new Map<string, number>();
    for (const line of completedLogs()) perJob.set(String(line.jobId), (perJob.get(String(line.jobId)) ?? 0) + 1);
    expect(perJob.size).toBe(20);
    expect([...perJob.values()].every((n) => n === 1)).toBe(true);
    for (const w of workers) expect(w.completed().length, "both workers took jobs").toBeGreaterThan(0);

    const { counts, failed } = await archive.runtime.queue.overview(10);
    expect(counts).toMatchObject({ completed: 20, failed: 0, active: 0, waiting: 0 });
    expect(failed).toEqual([]);
  });

  it("loses nothing when Redis restarts in the middle of a batch", async () => {
    const running = runCli(["ingest", "--json", join(corpus, "second")], env);
    // Restart once every file is queued, while most still wait for a worker.
    await vi.waitFor(
      async () => {
        const { counts } = await archive.runtime.queue.overview(0);
        expect(counts.waiting + counts.active + counts.completed).toBe(36);
      },
      { timeout: 20_000, interval: 20 },
    );
    const before = (await archive.runtime.queue.overview(0)).counts;
    await redis.restart();
    expect(before.completed, "some jobs were still to do when Redis went away").toBeLessThan(36);

    const run = await running;
    expect(run.code, run.stderr).toBe(0);
    const lines = parseLines(run.stdout);
    expect(lines.filter((l) => l.status === "added")).toHaveLength(16);
    expect(await documentCount()).toBe(36);
    await vi.waitFor(
      async () => expect((await archive.runtime.queue.overview(10)).counts).toMatchObject({ completed: 36, failed: 0 }),
      { timeout: 10_000 },
    );
  });
});
