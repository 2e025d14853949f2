import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sha256Of } from "../../indexer/pipeline.ts";
import { jobIdFor } from "../../indexer/queue/queue.ts";
import { iterateCorpus, renderRecord } from "../../tools/generate/index.ts";
import { scanPdf } from "../../tools/generate/scan.ts";
import { openTestArchive, type TestArchive } from "../helpers/runtime.ts";
import { type RedisServer, startRedisServer } from "./redis-server.ts";
import { WorkerProcess } from "./worker-process.ts";

/**
 * A scan uploaded to a server with REDIS_URL: a worker process ingests it,
 * its job thread queues the OCR job in the same BullMQ queue, and a worker
 * reads the page with tesseract (npm test installs tesseract-ocr-swe).
 */
let redis: RedisServer;
let archive: TestArchive;
let worker: WorkerProcess;

beforeAll(async () => {
  redis = await startRedisServer();
  archive = await openTestArchive({ REDIS_URL: redis.url(3) });
  worker = new WorkerProcess({ REDIS_URL: redis.url(3), ARCHIVE_DATA_DIR: archive.dir });
  await worker.ready();
});

afterAll(async () => {
  await worker?.stop();
  await archive?.close();
  await redis?.close();
});

describe("OCR through BullMQ", () => {
  it("ingests a scan, then reads it in an OCR job of its own: searchable by its diarienummer", async () => {
    const record = [...iterateCorpus({ seed: 5, count: 30, formats: ["pdf"] })].find(
      (r) => r.truth.type === "tjansteutlatande" && !r.layout.blocks.some((b) => b.k === "pagebreak"),
    );
    if (!record) throw new Error("no one-page tjänsteutlåtande generated");
    const scan = await scanPdf(await renderRecord(record));
    const res = await request(archive.app).post("/api/documents").attach("file", scan, "skannad.pdf");
    expect(res.status).toBe(202);
    const ingested = await archive.runtime.queue.waitFor(res.body.items[0].jobId);
    expect(ingested.status, ingested.error ?? "").toBe("completed");

    const ocr = await archive.runtime.queue.waitFor(jobIdFor(sha256Of(scan), "ocr"));
    expect(ocr.status, ocr.error ?? "").toBe("completed");
    expect(ocr.documentId).toBe(ingested.documentId);
    const doc = await request(archive.app).get(`/api/documents/${ingested.documentId}`);
    expect(doc.body.ocr.status).toBe("done");
    expect(doc.body.ocr.pages).toEqual([{ page: 1, confidence: expect.any(Number) }]);
    const dnr = record.truth.diarienummer[0] as string;
    expect(doc.body.diarienummer).toContain(dnr);
    const hits = await request(archive.app).get("/api/search").query({ q: dnr });
    expect(hits.body.hits.map((h: { documentId: string }) => h.documentId)).toContain(ingested.documentId);
  });
});
