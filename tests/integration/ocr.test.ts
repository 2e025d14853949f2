/**
 * Scanned records: generated records rendered to images and wrapped back into
 * image-only PDFs (tools/generate/scan.ts), read with Debian's tesseract and its
 * Swedish model (npm test installs tesseract-ocr-swe and img2pdf), no mocks.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import pino from "pino";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { loadConfig } from "../../indexer/config.ts";
import { tesseractMissing } from "../../indexer/ocr/tesseract.ts";
import { sha256Of } from "../../indexer/pipeline.ts";
import { jobIdFor } from "../../indexer/queue/queue.ts";
import { openRuntime, type Runtime, type RuntimeOptions } from "../../indexer/runtime.ts";
import { createApp } from "../../server/app.ts";
import { type GeneratedRecord, iterateCorpus, renderRecord } from "../../tools/generate/index.ts";
import { scanPdf } from "../../tools/generate/scan.ts";

interface Archive {
  runtime: Runtime;
  app: ReturnType<typeof createApp>;
}

const dirs: string[] = [];
const open: Runtime[] = [];

/** A real archive over `dir` (reopened by the "needs OCR" test), with the HTTP app over it. */
async function openArchive(
  dir: string,
  options: RuntimeOptions = {},
  env: Record<string, string> = {},
): Promise<Archive> {
  const config = loadConfig({ ARCHIVE_DATA_DIR: dir, ARCHIVE_PARSE_TIMEOUT_S: "30", ...env });
  const runtime = await openRuntime(config, { logger: pino({ level: "silent" }), searchThreads: 0, ...options });
  // Start-up's OCR queueing runs beside serving; these tests look at what it did.
  await runtime.ocrStartup;
  open.push(runtime);
  return { runtime, app: createApp({ ...runtime, apiToken: config.apiToken, http: config.http, webDir: null }) };
}

async function close(archive: Archive): Promise<void> {
  await archive.runtime.close();
  open.splice(open.indexOf(archive.runtime), 1);
}

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "archive-ocr-"));
  dirs.push(dir);
  return dir;
}

/** Uploads a file and waits until it is ingested and, where it was scanned, read with OCR. */
async function ingest(archive: Archive, bytes: Buffer, file: string, waitForOcr = true): Promise<string> {
  const res = await request(archive.app).post("/api/documents").attach("file", bytes, file);
  expect(res.status).toBe(202);
  const job = await archive.runtime.queue.waitFor(res.body.items[0].jobId);
  expect(job.status, job.error ?? "").toBe("completed");
  if (waitForOcr) {
    const ocr = await archive.runtime.queue.get(jobIdFor(sha256Of(bytes), "ocr"));
    if (ocr) expect((await archive.runtime.queue.waitFor(ocr.id)).status).toBe("completed");
  }
  return job.documentId as string;
}

async function searchIds(archive: Archive, q: string): Promise<string[]> {
  const res = await request(archive.app).get("/api/search").query({ q });
  expect(res.status).toBe(200);
  return res.body.hits.map((h: { documentId: string }) => h.documentId);
}

let oneSheet: GeneratedRecord;
let multiPage: GeneratedRecord;
/** The one-page record scanned whole, and the multi-page one with only its first page scanned. */
let scanned: Buffer;
let mixed: Buffer;

beforeAll(async () => {
  expect(tesseractMissing(), "tesseract-ocr and tesseract-ocr-swe must be installed: npm test installs them").toBe(
    null,
  );
  const records = [...iterateCorpus({ seed: 5, count: 40, formats: ["pdf"] })];
  const pick = (type: string, pages: (n: number) => boolean) => {
    const found = records.find(
      (r) =>
        r.truth.type === type &&
        r.truth.diarienummer.length > 0 &&
        pages(r.layout.blocks.filter((b) => b.k === "pagebreak").length + 1),
    );
    if (!found) throw new Error(`no generated ${type}`);
    return found;
  };
  oneSheet = pick("tjansteutlatande", (n) => n === 1);
  multiPage = pick("protokoll", (n) => n >= 2);
  scanned = await scanPdf(await renderRecord(oneSheet));
  mixed = await scanPdf(await renderRecord(multiPage), { pages: [1] });
});

afterAll(async () => {
  for (const runtime of [...open]) await runtime.close();
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe("OCR of scanned records", () => {
  it("reads an image-only PDF: searchable by a word and its diarienummer, its page flagged with confidence", async () => {
    const archive = await openArchive(await tempDir());
    const id = await ingest(archive, scanned, "skannad.pdf");

    const doc = await request(archive.app).get(`/api/documents/${id}`);
    expect(doc.status).toBe(200);
    expect(doc.body.ocr.status).toBe("done");
    expect(doc.body.ocr.pages).toHaveLength(1);
    expect(doc.body.ocr.pages[0].page).toBe(1);
    expect(doc.body.ocr.pages[0].confidence).toBeGreaterThan(70);
    expect(doc.body.ocr.missing).toEqual([]);
    // Understood like a born-digital record: type, diarienummer, date.
    expect(doc.body.type).toBe(oneSheet.truth.type);
    expect(doc.body.diarienummer).toEqual(expect.arrayContaining(oneSheet.truth.diarienummer));
    expect(doc.body.documentDate).toBe(oneSheet.truth.documentDate);

    const dnr = oneSheet.truth.diarienummer[0] as string;
    expect(await searchIds(archive, dnr)).toContain(id);
    const word = oneSheet.truth.title
      .split(/\s+/)
      .filter((w) => /^\p{L}{7,}$/u.test(w))
      .at(-1) as string;
    expect(await searchIds(archive, word)).toContain(id);
    await close(archive);
  });

  it("reads only the scanned page of a mixed document", async () => {
    const archive = await openArchive(await tempDir());
    const id = await ingest(archive, mixed, "blandad.pdf");

    const doc = await request(archive.app).get(`/api/documents/${id}`);
    expect(doc.body.ocr.status).toBe("done");
    expect(doc.body.ocr.pages.map((p: { page: number }) => p.page)).toEqual([1]);
    expect(doc.body.type).toBe("protokoll");
    expect(doc.body.meetingDate).toBe(multiPage.truth.meetingDate);
    // The scanned header page has its text again; the born-digital pages are as they were.
    expect(doc.body.text[0]).toMatch(/Sammanträdesdatum|Plats och tid|Beslutande/i);
    expect(doc.body.paragraphs.length).toBeGreaterThan(0);
    await close(archive);
  });

  it("stores a scan as needing OCR where tesseract is missing, and reads it once tesseract is there", async () => {
    const dir = await tempDir();
    // Only the command-line engine, and its binary missing (auto would fall back on tesseract.js).
    const without = await openArchive(
      dir,
      { tesseract: { tesseract: join(dir, "no-such-tesseract") } },
      { ARCHIVE_OCR: "tesseract" },
    );
    const id = await ingest(without, scanned, "skannad.pdf", false);
    const before = await request(without.app).get(`/api/documents/${id}`);
    expect(before.body.ocr).toMatchObject({ status: "needed", pages: [], missing: [1] });
    expect(before.body.ocr.reason).toMatch(/tesseract/);
    expect(await searchIds(without, oneSheet.truth.diarienummer[0] as string)).not.toContain(id);
    await close(without);

    // Started again where tesseract exists: the document is queued and read.
    const withOcr = await openArchive(dir);
    const job = await withOcr.runtime.queue.get(jobIdFor(sha256Of(scanned), "ocr"));
    expect(job).not.toBeNull();
    expect((await withOcr.runtime.queue.waitFor(job?.id as string)).status).toBe("completed");
    const after = await request(withOcr.app).get(`/api/documents/${id}`);
    expect(after.body.ocr.status).toBe("done");
    expect(after.body.ocr.pages[0].page).toBe(1);
    expect(await searchIds(withOcr, oneSheet.truth.diarienummer[0] as string)).toContain(id);
    await close(withOcr);
  });

  it("finds the scans among PDFs archived before OCR existed, at the first start after the upgrade", async () => {
    const dir = await tempDir();
    const off = { ARCHIVE_OCR: "off" };
    const before = await openArchive(dir, {}, off);
    const id = await ingest(before, scanned, "skannad.pdf", false);
    await close(before);
    // As the migration leaves a PDF stored by an older version: unchecked, nothing known of its pages.
    const db = new Database(join(dir, "archive.sqlite"));
    db.prepare("UPDATE documents SET ocr_status = 'unchecked', ocr = NULL WHERE id = ?").run(id);
    db.close();

    const after = await openArchive(dir, {}, off);
    const doc = await request(after.app).get(`/api/documents/${id}`);
    expect(doc.body.ocr).toMatchObject({
      status: "needed",
      missing: [1],
      reason: expect.stringMatching(/ARCHIVE_OCR=off/),
    });
    await close(after);
  });

  it("stops OCR when the archive closes, and takes it up again at the next start", async () => {
    const dir = await tempDir();
    const first = await openArchive(dir);
    const res = await request(first.app).post("/api/documents").attach("file", scanned, "skannad.pdf");
    await first.runtime.queue.waitFor(res.body.items[0].jobId);
    const ocrJob = jobIdFor(sha256Of(scanned), "ocr");
    await vi.waitFor(async () => expect((await first.runtime.queue.get(ocrJob))?.status).toBe("active"), {
      timeout: 10_000,
    });
    const started = Date.now();
    await close(first);
    expect(Date.now() - started, "closing waits for no OCR job").toBeLessThan(3000);

    const second = await openArchive(dir);
    const doc = await request(second.app).get(`/api/documents/${res.body.items[0].id}`);
    expect(doc.body.ocr.status).toBe("pending");
    expect(["waiting", "active"]).toContain((await second.runtime.queue.get(ocrJob))?.status);
    await close(second);
  });

  it("stops at the page limit and at the time limit, keeping what it read and saying why", async () => {
    const twoScanned = await scanPdf(await renderRecord(multiPage), { pages: [1, 2] });
    const limited = await openArchive(await tempDir(), {}, { ARCHIVE_OCR_MAX_PAGES: "1" });
    const id = await ingest(limited, twoScanned, "tva-skannade.pdf");
    const doc = await request(limited.app).get(`/api/documents/${id}`);
    expect(doc.body.ocr).toMatchObject({ status: "partial", missing: [2] });
    expect(doc.body.ocr.pages.map((p: { page: number }) => p.page)).toEqual([1]);
    expect(doc.body.ocr.reason).toMatch(/page limit: 1 of 2 .*ARCHIVE_OCR_MAX_PAGES/);
    await close(limited);

    // Half a second is not enough for tesseract to read a page: it is killed, nothing is read.
    const hurried = await openArchive(await tempDir(), {}, { ARCHIVE_OCR_TIMEOUT_S: "0.5" });
    const late = await ingest(hurried, scanned, "skannad.pdf");
    const lateDoc = await request(hurried.app).get(`/api/documents/${late}`);
    expect(lateDoc.body.ocr).toMatchObject({ status: "partial", pages: [], missing: [1] });
    expect(lateDoc.body.ocr.reason).toMatch(/time limit: 0 of 1 .*ARCHIVE_OCR_TIMEOUT_S/);
    await close(hurried);
  });
});
