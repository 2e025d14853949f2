import { mkdirSync } from "node:fs";
import { join } from "node:path";
import pino, { type Logger } from "pino";
import { AccessStore } from "./archive/access.ts";
import type { Archive, AuditLog, OriginalStore } from "./archive/archive.ts";
import { type Db, openDatabase } from "./archive/database.ts";
import { FileOriginalStore } from "./archive/originals.ts";
import { SqliteArchive } from "./archive/sqlite-archive.ts";
import { SqliteAuditLog } from "./archive/sqlite-audit-log.ts";
import type { Config } from "./config.ts";
import {
  choosePdfEngine,
  createTextExtractor,
  ExtractionPool,
  type PdfEngine,
  type TextExtractor,
} from "./extract/index.ts";
import { openOcr } from "./ocr/index.ts";
import type { TesseractOptions } from "./ocr/tesseract.ts";
import { documentsAwaitingOcr, readScannedPages } from "./ocr-job.ts";
import { type PipelineDeps, processFile, recoverIndex } from "./pipeline.ts";
import type { BullMqQueue } from "./queue/bullmq-queue.ts";
import { InlineQueue } from "./queue/inline-queue.ts";
import type { IngestQueue } from "./queue/queue.ts";
import { SqliteJobStore } from "./queue/sqlite-job-store.ts";
import { openSearchEngine, type SearchEngine } from "./search/engine.ts";
import type { SearchIndex } from "./search/search-index.ts";

/** What ingestion's stages need: the store, the originals, the extractor and the search index. */
export interface PipelineRuntime {
  config: Config;
  logger: Logger;
  archive: Archive;
  originals: OriginalStore;
  search: SearchIndex;
  /** Which engine serves `search` (FTS5, or Meilisearch with MEILI_URL), and its rebuild. */
  searchEngine: SearchEngine;
  extractor: TextExtractor;
  pdfEngine: PdfEngine;
  pipeline: PipelineDeps;
  close(): Promise<void>;
}

export interface Runtime extends PipelineRuntime {
  /** BullMQ on Redis when REDIS_URL is set (workers process the jobs), else in-process. */
  queue: IngestQueue;
  /** Which originals were handed out, and to whom. */
  audit: AuditLog;
  /** API tokens and web sessions. */
  access: AccessStore;
  /**
   * Start-up's queueing of documents that wait for OCR, which runs beside
   * serving (settles, never rejects); tests and tools that need it done await it.
   */
  ocrStartup: Promise<void>;
}

export interface RuntimeOptions {
  logger?: Logger;
  /**
   * Worker threads for searches (the server passes config.searchThreads);
   * default 0: commands that never search do not start threads.
   */
  searchThreads?: number;
  /**
   * Index documents a crash left stored but unindexed (default true). A
   * sandboxed job processor skips it: its worker process did it at start.
   */
  recoverIndex?: boolean;
  /** Where tesseract and pdftoppm are (default: on the PATH); tests point one at nothing. */
  tesseract?: Omit<TesseractOptions, "maxMemoryMb">;
}

/** The archive and ingestion's stages without a queue: for the worker's sandboxed job processor. */
export function openPipeline(config: Config, options: RuntimeOptions = {}): Promise<PipelineRuntime> {
  return openParts(config, options);
}

/**
 * The one place that builds the configured adapters. Server, CLI and the
 * worker all start here, so they always agree on what "the archive" is.
 */
export async function openRuntime(config: Config, options: RuntimeOptions = {}): Promise<Runtime> {
  const parts = await openParts(config, options);
  const { db, logger, pipeline } = parts;
  void sweepTemporaryOriginals(parts.originals, logger);
  const store = new SqliteJobStore(db);
  let queue: IngestQueue;
  if (config.redisUrl) {
    // Loaded only here: BullMQ and ioredis take half a second to import, which the embedded default never needs.
    const { BullMqQueue } = await import("./queue/bullmq-queue.ts");
    const { redactedUrl, warnUnlessNoEviction } = await import("./queue/redis.ts");
    const bull = new BullMqQueue({
      url: config.redisUrl,
      attempts: config.jobs.attempts,
      backoffMs: config.jobs.backoffMs,
      logger,
    });
    logger.info(
      { redis: redactedUrl(config.redisUrl) },
      "ingestion goes through the BullMQ queue: `npm run worker` processes do the work",
    );
    void warnUnlessNoEviction(config.redisUrl, logger);
    void handOver(store, bull, logger);
    queue = bull;
  } else {
    const inline: InlineQueue = new InlineQueue(
      store,
      async (job, signal) => {
        if (job.kind === "ocr") return readScannedPages(pipeline, job.sha256, signal);
        const id = await processFile(pipeline, job.sha256, job.filename);
        // Scanned pages: the document is searchable now by what text it has; OCR follows as a job of its own.
        if (parts.archive.get(id)?.ocr?.status === "pending") await inline.enqueue({ ...job, kind: "ocr" });
        return id;
      },
      config.ingestConcurrency,
      logger,
    );
    inline.resume();
    queue = inline;
  }
  // Beside serving, not before it: an archive from before OCR has every PDF's pages looked at once.
  const stopStartup = new AbortController();
  const ocrStartup = queueAwaitingOcr(pipeline, queue, logger, stopStartup.signal);
  return {
    ...parts,
    queue,
    ocrStartup,
    audit: new SqliteAuditLog(db),
    access: new AccessStore(db),
    async close() {
      stopStartup.abort();
      await ocrStartup;
      await queue.close();
      await parts.close();
    },
  };
}

/** Documents whose scanned pages wait for OCR (a crash, an engine installed since) get their jobs. */
async function queueAwaitingOcr(
  pipeline: PipelineDeps,
  queue: IngestQueue,
  logger: Logger,
  signal: AbortSignal,
): Promise<void> {
  try {
    for (const doc of await documentsAwaitingOcr(pipeline, signal)) {
      if (signal.aborted) return;
      await queue.enqueue({ sha256: doc.sha256, filename: doc.filename, kind: "ocr" });
    }
  } catch (error) {
    logger.warn({ err: error }, "could not queue the documents waiting for OCR; will try at next start");
  }
}

/** Half-written originals of a process killed mid-write; never read, but they take space. */
async function sweepTemporaryOriginals(originals: OriginalStore, logger: Logger): Promise<void> {
  if (!(originals instanceof FileOriginalStore)) return;
  const removed = await originals.sweepTemporary();
  if (removed > 0) logger.info({ removed }, "removed temporary files of originals left by a crash");
}

/** Jobs the in-process queue left unfinished (the archive ran without REDIS_URL before) move to BullMQ. */
async function handOver(store: SqliteJobStore, queue: BullMqQueue, logger: Logger): Promise<void> {
  const unfinished = store.unfinished();
  if (unfinished.length === 0) return;
  try {
    await queue.adopt(unfinished);
    store.remove(unfinished.map((j) => j.id));
    logger.info({ count: unfinished.length }, "handed unfinished in-process jobs over to the BullMQ queue");
  } catch (error) {
    logger.warn(
      { err: error },
      "could not hand unfinished in-process jobs over to the BullMQ queue; will try at next start",
    );
  }
}

async function openParts(config: Config, options: RuntimeOptions): Promise<PipelineRuntime & { db: Db }> {
  const logger = options.logger ?? pino({ level: config.logLevel }, pino.destination(2));
  mkdirSync(config.dataDir, { recursive: true });
  const db = openDatabase(join(config.dataDir, "archive.sqlite"));
  const archive = new SqliteArchive(db);
  const { search, engine: searchEngine } = await openSearchEngine(
    config,
    db,
    archive,
    logger,
    options.searchThreads ?? 0,
  );
  const originals = new FileOriginalStore(config.dataDir);
  const pool = new ExtractionPool({
    size: config.ingestConcurrency,
    timeoutMs: config.parseTimeoutMs,
    maxMemoryMb: config.parseMemoryMb,
  });
  const pdfEngine = choosePdfEngine(config.pdfExtractor);
  const extractor = createTextExtractor(pool, {
    pdfEngine,
    pdftotext: { timeoutMs: config.parseTimeoutMs, maxMemoryMb: config.parseMemoryMb },
  });
  const ocr = openOcr(config.ocr, config.parseMemoryMb, options.tesseract);
  if (!ocr.engine) logger.info({ reason: ocr.missing }, "no OCR: scanned pages are stored as needing OCR");
  const pipeline: PipelineDeps = {
    archive,
    originals,
    extractor,
    search,
    logger,
    maxFileBytes: config.maxUploadBytes,
    ocr,
  };

  if (options.recoverIndex ?? true) await recoverIndex(pipeline);

  return {
    config,
    logger,
    db,
    archive,
    originals,
    search,
    searchEngine,
    extractor,
    pdfEngine,
    pipeline,
    async close() {
      await pool.close();
      await ocr.engine?.close?.();
      await searchEngine.close();
      archive.close();
    },
  };
}
