/**
 * The fallback engine of a machine without Debian's OCR packages: tesseract.js
 * (WebAssembly) with the Swedish model of the npm package @tesseract.js-data/swe
 * as its langPath, pages rendered by pdf.js since pdftoppm is taken away too.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../indexer/config.ts";
import { tesseractJsMissing } from "../../indexer/ocr/tesseract-js.ts";
import { sha256Of } from "../../indexer/pipeline.ts";
import { jobIdFor } from "../../indexer/queue/queue.ts";
import { openRuntime, type Runtime } from "../../indexer/runtime.ts";
import { createApp } from "../../server/app.ts";
import { iterateCorpus, renderRecord } from "../../tools/generate/index.ts";
import { scanPdf } from "../../tools/generate/scan.ts";

let dir: string;
let runtime: Runtime;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  expect(tesseractJsMissing(), "tesseract.js and @tesseract.js-data/swe come with npm ci").toBeNull();
  dir = await mkdtemp(join(tmpdir(), "archive-ocr-js-"));
  const config = loadConfig({ ARCHIVE_DATA_DIR: dir, ARCHIVE_OCR: "tesseract.js" });
  runtime = await openRuntime(config, {
    logger: pino({ level: "silent" }),
    tesseract: { pdftoppm: join(dir, "no-such-pdftoppm") },
  });
  app = createApp({ ...runtime, apiToken: config.apiToken, http: config.http, webDir: null });
});

afterAll(async () => {
  await runtime?.close();
  await rm(dir, { recursive: true, force: true });
});

describe("OCR with tesseract.js", () => {
  it("reads an image-only PDF rendered by pdf.js: understood and searchable by its diarienummer", async () => {
    const record = [...iterateCorpus({ seed: 5, count: 30, formats: ["pdf"] })].find(
      (r) => r.truth.type === "tjansteutlatande" && !r.layout.blocks.some((b) => b.k === "pagebreak"),
    );
    if (!record) throw new Error("no one-page tjänsteutlåtande generated");
    const scan = await scanPdf(await renderRecord(record));
    const res = await request(app).post("/api/documents").attach("file", scan, "skannad.pdf");
    expect(res.status).toBe(202);
    const ingested = await runtime.queue.waitFor(res.body.items[0].jobId);
    expect(ingested.status, ingested.error ?? "").toBe("completed");
    const ocr = await runtime.queue.waitFor(jobIdFor(sha256Of(scan), "ocr"));
    expect(ocr.status, ocr.error ?? "").toBe("completed");

    const doc = await request(app).get(`/api/documents/${ingested.documentId}`);
    expect(doc.body.ocr.status).toBe("done");
    expect(doc.body.ocr.pages[0]).toMatchObject({ page: 1 });
    expect(doc.body.ocr.pages[0].confidence).toBeGreaterThan(70);
    expect(doc.body.type).toBe("tjansteutlatande");
    const dnr = record.truth.diarienummer[0] as string;
    expect(doc.body.diarienummer).toContain(dnr);
    const hits = await request(app).get("/api/search").query({ q: dnr });
    expect(hits.body.hits.map((h: { documentId: string }) => h.documentId)).toContain(ingested.documentId);
  });
});
