import { rename } from "node:fs/promises";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import pino from "pino";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { admit } from "../../indexer/pipeline.ts";
import { QUEUE_NAME } from "../../indexer/queue/bullmq-queue.ts";
import { warnUnlessNoEviction } from "../../indexer/queue/redis.ts";
import { buildDocx, buildPdf, PROTOCOL_LINES } from "../helpers/files.ts";
import { openTestArchive, type TestArchive } from "../helpers/runtime.ts";
import { type RedisServer, startRedisServer } from "./redis-server.ts";
import { SLOW_WORKER, WorkerProcess } from "./worker-process.ts";

/**
 * One job's life on the BullMQ queue, as an uploader and an operator see it:
 * workers stopped and killed mid-job, refused files against passing failures,
 * the same file sent twice at once, and the admins' view of the queue.
 */
let redis: RedisServer;
let archive: TestArchive;
let raw: Queue;
let env: Record<string, string>;
let worker: WorkerProcess | null = null;
const others: WorkerProcess[] = [];

// Short locks and stall checks: a dead worker's job moves on within seconds.
const JOB_SETTINGS = { ARCHIVE_JOB_BACKOFF_S: "0.3", ARCHIVE_JOB_LOCK_S: "1", ARCHIVE_JOB_STALLED_CHECK_S: "0.5" };

beforeAll(async () => {
  redis = await startRedisServer();
  archive = await openTestArchive({ REDIS_URL: redis.url(2), ...JOB_SETTINGS });
  env = { REDIS_URL: redis.url(2), ARCHIVE_DATA_DIR: archive.dir, ARCHIVE_WORKER_CONCURRENCY: "1", ...JOB_SETTINGS };
  raw = new Queue(QUEUE_NAME, { connection: { url: redis.url(2) } });
});

afterAll(async () => {
  await Promise.all([worker, ...others].map((w) => w?.stop()));
  await raw?.close();
  await archive?.close();
  await redis?.close();
});

/** Stores the original and queues its job, as an upload does. */
async function enqueue(bytes: Buffer, filename: string) {
  const admission = await admit(archive.runtime.pipeline, bytes, filename);
  expect(admission.status).toBe("accepted");
  const job = await archive.runtime.queue.enqueue({ sha256: admission.sha256, filename });
  return { ...job, sha256: admission.sha256 };
}

const uniquePdf = (word: string) => buildPdf([[...PROTOCOL_LINES, `Övrigt: ${word}.`]]);

describe("workers that stop", () => {
  it("SIGTERM: the worker finishes the job in hand, then exits 0", async () => {
    const slow = new WorkerProcess({ ...env, TEST_JOB_DELAY_MS: "1500" }, SLOW_WORKER);
    others.push(slow);
    await slow.ready();
    const job = await enqueue(await uniquePdf("avslutningsprov"), "sigterm.pdf");
    await slow.waitForLog((l) => l.msg === "job started" && l.jobId === job.id);
    slow.kill("SIGTERM");

    expect(await slow.exited).toEqual({ code: 0, signal: null });
    const state = await archive.runtime.queue.get(job.id);
    expect(state, slow.dump()).toMatchObject({ status: "completed", documentId: job.sha256.slice(0, 16) });
    const done = await raw.getJob(job.id);
    expect(done?.processedBy).toBe(slow.name);
    // The job outlasted its 1 s lock: the worker's free event loop renewed it, so it never stalled.
    expect(done?.stalledCounter).toBe(0);
    const messages = slow.lines.map((l) => l.msg);
    expect(messages.indexOf("job completed")).toBeGreaterThan(messages.indexOf("stopping: finishing the jobs in hand"));
    expect(messages.indexOf("worker stopped")).toBeGreaterThan(messages.indexOf("job completed"));
  });

  it("SIGKILL mid-job: another worker completes the job once the dead one's lock expires", async () => {
    const doomed = new WorkerProcess({ ...env, TEST_JOB_DELAY_MS: "60000" }, SLOW_WORKER);
    others.push(doomed);
    await doomed.ready();
    const job = await enqueue(await uniquePdf("nödstopp"), "sigkill.pdf");
    await doomed.waitForLog((l) => l.msg === "job started" && l.jobId === job.id);
    doomed.kill("SIGKILL");
    expect((await doomed.exited).signal).toBe("SIGKILL");

    worker = new WorkerProcess(env);
    const state = await archive.runtime.queue.waitFor(job.id);
    expect(state, worker.dump()).toMatchObject({ status: "completed", documentId: job.sha256.slice(0, 16) });
    const done = await raw.getJob(job.id);
    expect(done?.processedBy).toBe(worker.name);
    expect(done?.stalledCounter).toBe(1);
    expect(doomed.completed()).toEqual([]);
    expect((await request(archive.app).get(`/api/documents/${state.documentId}`)).status).toBe(200);
  });
});

describe("failures", () => {
  it("fails a damaged file at once, with its reason and code, and never retries it", async () => {
    const broken = Buffer.from("%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R >>\nendobj\ngarbage\n%%EOF\n");
    const res = await request(archive.app).post("/api/documents").attach("file", broken, "trasig.pdf");
    expect(res.status).toBe(202);
    const jobId = res.body.items[0].jobId as string;
    await archive.runtime.queue.waitFor(jobId);

    const job = await request(archive.app).get(`/api/jobs/${jobId}`);
    expect(job.body).toMatchObject({ id: jobId, status: "failed", file: "trasig.pdf", errorCode: "damaged" });
    expect(job.body.error).toMatch(/damaged|could not be read/);
    expect(job.body.error).not.toMatch(/^\[/);
    expect((await raw.getJob(jobId))?.attemptsMade).toBe(1);
  });

  it("retries a passing failure with backoff: the original away for a moment, then back", async () => {
    const bytes = await uniquePdf("tillfälligt");
    const admission = await admit(archive.runtime.pipeline, bytes, "borta-en-stund.pdf");
    const original = archive.runtime.originals.path(admission.sha256);
    await rename(original, `${original}.away`);
    const job = await archive.runtime.queue.enqueue({ sha256: admission.sha256, filename: "borta-en-stund.pdf" });
    await vi.waitFor(async () => expect((await raw.getJob(job.id))?.attemptsMade).toBeGreaterThan(0));
    await rename(`${original}.away`, original);

    const state = await archive.runtime.queue.waitFor(job.id);
    expect(state).toMatchObject({ status: "completed", error: null });
    const done = await raw.getJob(job.id);
    expect(done?.attemptsMade, "failed, waited, and was tried again").toBeGreaterThanOrEqual(2);
    await vi.waitFor(() =>
      expect(worker?.lines.some((l) => l.msg === "job failed; it will be tried again" && l.jobId === job.id)).toBe(
        true,
      ),
    );
  });

  it("shows admins the counts and the failures, and retries a failed job on request", async () => {
    const overview = await request(archive.app).get("/api/queue");
    expect(overview.status).toBe(200);
    expect(overview.body.counts).toMatchObject({ failed: 1, active: 0, waiting: 0, retrying: 0 });
    expect(overview.body.counts.completed).toBeGreaterThanOrEqual(3);
    const [failed] = overview.body.failed;
    expect(failed).toMatchObject({ file: "trasig.pdf", errorCode: "damaged", attempts: 1 });
    expect(Date.parse(failed.failedAt)).toBeGreaterThan(Date.now() - 60_000);

    const retried = await request(archive.app).post(`/api/queue/jobs/${failed.id}/retry`);
    expect(retried.status).toBe(202);
    expect(["waiting", "active", "failed"]).toContain(retried.body.status);
    const again = await archive.runtime.queue.waitFor(failed.id);
    expect(again).toMatchObject({ status: "failed", errorCode: "damaged" });
    expect((await raw.getJob(failed.id))?.attemptsMade, "a retry starts from the first try").toBe(1);

    const completed = (await raw.getCompleted(0, 0))[0]?.id as string;
    expect((await request(archive.app).post(`/api/queue/jobs/${completed}/retry`)).status).toBe(409);
    expect((await request(archive.app).post("/api/queue/jobs/ingest-nope/retry")).status).toBe(404);
  });
});

describe("uploads over HTTP, with workers doing the work", () => {
  it("makes one job and one document of the same file uploaded twice at once", async () => {
    const docx = await buildDocx([
      "Protokollsutdrag",
      "Kommunstyrelsen",
      "§ 14 Dubbelinlämnad vattenplan",
      "Dnr KS 2021/77",
    ]);
    const before = (await request(archive.app).get("/api/documents?limit=1")).body.total as number;
    const [a, b] = await Promise.all(
      [1, 2].map(() => request(archive.app).post("/api/documents").attach("file", docx, "utdrag-dubbel.docx")),
    );
    expect([a?.status, b?.status]).toEqual([202, 202]);
    const jobId = a?.body.items[0].jobId as string;
    expect(b?.body.items[0].jobId).toBe(jobId);

    await archive.runtime.queue.waitFor(jobId);
    const job = await request(archive.app).get(`/api/jobs/${jobId}`);
    expect(job.body).toMatchObject({ status: "completed", documentId: a?.body.items[0].id });
    expect((await request(archive.app).get("/api/documents?limit=1")).body.total).toBe(before + 1);
    expect((await raw.getJob(jobId))?.attemptsMade).toBe(1);
    // Redis tells of the completion before the worker's log line arrives here.
    await vi.waitFor(() => expect(worker?.completed().filter((l) => l.jobId === jobId)).toHaveLength(1));

    // What a worker process wrote, the server finds and serves.
    const hits = await request(archive.app).get("/api/search").query({ q: "vattenplan" });
    expect(hits.body.hits.map((h: { documentId: string }) => h.documentId)).toContain(job.body.documentId);
    const file = await request(archive.app)
      .get(`/api/documents/${job.body.documentId}/file`)
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on("data", (c: Buffer) => chunks.push(c));
        r.on("end", () => done(null, Buffer.concat(chunks)));
      });
    expect(Buffer.compare(file.body as Buffer, docx)).toBe(0);
  });
});

describe("Redis settings", () => {
  it("warns at start when Redis may evict keys, which would lose jobs", async () => {
    const warnings = async () => {
      const lines: string[] = [];
      const logger = pino({ level: "warn" }, { write: (line: string) => lines.push(line) });
      await warnUnlessNoEviction(redis.url(2), logger);
      return lines.map((l) => JSON.parse(l).msg as string);
    };
    expect(await warnings()).toEqual([]);
    const admin = new Redis(redis.url(0));
    try {
      await admin.config("SET", "maxmemory-policy", "allkeys-lru");
      expect(await warnings()).toEqual([
        expect.stringMatching(/maxmemory-policy is allkeys-lru: set it to noeviction/),
      ]);
    } finally {
      await admin.config("SET", "maxmemory-policy", "noeviction");
      admin.disconnect();
    }
  });
});
