import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { Logger } from "pino";
import type { Archive, OriginalStore, StoredDocument } from "./archive/archive.ts";
import { FileRejectedError } from "./errors.ts";
import type { TextExtractor } from "./extract/index.ts";
import { sniffFormat } from "./extract/sniff.ts";
import type { ExtractedText, RecordData } from "./model.ts";
import type { OcrSetup } from "./ocr/index.ts";
import { initialOcrState } from "./ocr-job.ts";
import type { SearchIndex } from "./search/search-index.ts";

export interface PipelineDeps {
  archive: Archive;
  originals: OriginalStore;
  extractor: TextExtractor;
  search: SearchIndex;
  logger: Logger;
  maxFileBytes: number;
  /** OCR of scanned pages (a job of its own, see ocr-job.ts); absent: scans are stored as needing OCR. */
  ocr?: OcrSetup;
}

/** Ids derive from content: the same bytes always get the same id. */
export function documentIdFor(sha256: string): string {
  return sha256.slice(0, 16);
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export type Admission =
  | { status: "exists"; id: string; sha256: string }
  | { status: "accepted"; id: string; sha256: string };

/**
 * The cheap checks done before a file is queued, so an upload or `ingest`
 * refuses what it can at once: size, format by bytes, known damage. The
 * original is stored before anything is queued: a lost job never loses a file.
 */
export async function admit(deps: PipelineDeps, bytes: Uint8Array, filename: string): Promise<Admission> {
  if (bytes.byteLength > deps.maxFileBytes) {
    const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
    throw new FileRejectedError(
      "too_large",
      `the file is ${mb(bytes.byteLength)}, more than the ${mb(deps.maxFileBytes)} allowed`,
    );
  }
  const sha256 = sha256Of(bytes);
  const existing = deps.archive.findBySha256(sha256);
  if (existing) return { status: "exists", id: existing.id, sha256 };
  sniffFormat(bytes, filename);
  await deps.originals.put(sha256, bytes);
  return { status: "accepted", id: documentIdFor(sha256), sha256 };
}

interface Context {
  sha256: string;
  filename: string;
  bytes?: Uint8Array;
  text?: ExtractedText;
  record?: RecordData;
  stored?: StoredDocument;
}

type Stage = { name: string; run: (deps: PipelineDeps, ctx: Context) => Promise<void> };

/** The ordered stages of ingestion. Each may stop the file with a FileRejectedError. */
const STAGES: Stage[] = [
  {
    name: "read",
    run: async (deps, ctx) => {
      ctx.bytes = await readFile(deps.originals.path(ctx.sha256));
    },
  },
  {
    name: "extract",
    run: async (deps, ctx) => {
      ctx.text = await deps.extractor.extract(need(ctx.bytes), ctx.filename);
    },
  },
  {
    name: "understand",
    run: async (deps, ctx) => {
      ctx.record = await deps.extractor.understand({ pages: need(ctx.text).pages, filename: ctx.filename });
    },
  },
  {
    name: "store",
    run: async (deps, ctx) => {
      const text = need(ctx.text);
      const bytes = need(ctx.bytes);
      const doc = {
        id: documentIdFor(ctx.sha256),
        sha256: ctx.sha256,
        filename: ctx.filename,
        format: text.format,
        size: bytes.byteLength,
        text,
        record: need(ctx.record),
        // Pages without a usable text layer: stored now with what text they have, read by an OCR job next.
        ocr: initialOcrState(text.needsOcr ?? [], deps.ocr),
      };
      if (!deps.archive.findBySha256(ctx.sha256)) deps.archive.save(doc);
      ctx.stored = deps.archive.get(doc.id) ?? undefined;
    },
  },
  {
    name: "index",
    run: async (deps, ctx) => {
      const stored = need(ctx.stored);
      await deps.search.index(stored);
      deps.archive.markIndexed(stored.id);
    },
  },
];

/**
 * Runs the stages for one stored original. Idempotent: a job run twice (a
 * retry, a worker that died after storing) ends with one document.
 */
export async function processFile(deps: PipelineDeps, sha256: string, filename: string): Promise<string> {
  const ctx: Context = { sha256, filename };
  const id = documentIdFor(sha256);
  const timings: Record<string, number> = {};
  for (const stage of STAGES) {
    const started = performance.now();
    await stage.run(deps, ctx);
    timings[stage.name] = Math.round(performance.now() - started);
  }
  deps.logger.info({ documentId: id, filename, timings }, "document ingested");
  return id;
}

/** Text and understanding of one file without storing anything: `archive extract`. */
export async function extractRecord(
  extractor: TextExtractor,
  bytes: Uint8Array,
  filename: string,
): Promise<{ text: ExtractedText; record: RecordData }> {
  const text = await extractor.extract(bytes, filename);
  return { text, record: await extractor.understand({ pages: text.pages, filename }) };
}

/** Documents stored but not yet confirmed in the search index (a crash between stages) are indexed again. */
export async function recoverIndex(deps: PipelineDeps): Promise<number> {
  const ids = deps.archive.unindexed();
  for (const id of ids) {
    const doc = deps.archive.get(id);
    if (!doc) continue;
    await deps.search.index(doc);
    deps.archive.markIndexed(id);
  }
  if (ids.length) deps.logger.info({ count: ids.length }, "re-indexed documents missing from the search index");
  return ids.length;
}

function need<T>(value: T | undefined): T {
  if (value === undefined) throw new Error("pipeline stage ran out of order");
  return value;
}
