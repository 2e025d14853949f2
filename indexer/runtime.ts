import { mkdirSync } from "node:fs";
import { join } from "node:path";
import pino, { type Logger } from "pino";
import type { Archive, OriginalStore } from "./archive/archive.ts";
import { openDatabase } from "./archive/database.ts";
import { FileOriginalStore } from "./archive/originals.ts";
import { SqliteArchive } from "./archive/sqlite-archive.ts";
import type { Config } from "./config.ts";
import {
  choosePdfEngine,
  createTextExtractor,
  ExtractionPool,
  type PdfEngine,
  type TextExtractor,
} from "./extract/index.ts";
import { type PipelineDeps, processFile, recoverIndex } from "./pipeline.ts";
import { InlineQueue } from "./queue/inline-queue.ts";
import type { IngestQueue } from "./queue/queue.ts";
import { SqliteJobStore } from "./queue/sqlite-job-store.ts";
import { Fts5SearchIndex } from "./search/fts5-index.ts";
import type { SearchIndex } from "./search/search-index.ts";
import { ThreadedSearchIndex } from "./search/search-threads.ts";

export interface Runtime {
  config: Config;
  logger: Logger;
  archive: Archive;
  originals: OriginalStore;
  search: SearchIndex;
  extractor: TextExtractor;
  pdfEngine: PdfEngine;
  queue: IngestQueue;
  pipeline: PipelineDeps;
  close(): Promise<void>;
}

/**
 * The one place that builds the configured adapters. Server, CLI and (later)
 * the worker all start here, so they always agree on what "the archive" is.
 */
export interface RuntimeOptions {
  logger?: Logger;
  /**
   * Worker threads for searches (the server passes config.searchThreads);
   * default 0: commands that never search do not start threads.
   */
  searchThreads?: number;
}

export async function openRuntime(config: Config, options: RuntimeOptions = {}): Promise<Runtime> {
  const logger = options.logger ?? pino({ level: config.logLevel }, pino.destination(2));
  if (config.redisUrl) logger.warn("REDIS_URL is set, but the BullMQ queue is not built yet: ingesting in-process");
  if (config.meiliUrl)
    logger.warn("MEILI_URL is set, but the Meilisearch adapter is not built yet: using the embedded index");

  mkdirSync(config.dataDir, { recursive: true });
  const db = openDatabase(join(config.dataDir, "archive.sqlite"));
  const archive = new SqliteArchive(db);
  const threads = options.searchThreads ?? 0;
  const threaded = threads > 0 ? new ThreadedSearchIndex(db, { threads }) : null;
  const search = threaded ?? new Fts5SearchIndex(db);
  threaded?.warm().then(
    () => logger.debug({ threads }, "search threads ready"),
    (error: unknown) => logger.error({ err: error }, "a search thread failed to start"),
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
  const pipeline: PipelineDeps = { archive, originals, extractor, search, logger, maxFileBytes: config.maxUploadBytes };

  await recoverIndex(pipeline);
  const queue = new InlineQueue(
    new SqliteJobStore(db),
    (job) => processFile(pipeline, job.sha256, job.filename),
    config.ingestConcurrency,
    logger,
  );
  queue.resume();

  return {
    config,
    logger,
    archive,
    originals,
    search,
    extractor,
    pdfEngine,
    queue,
    pipeline,
    async close() {
      await queue.close();
      await pool.close();
      await threaded?.close();
      archive.close();
    },
  };
}
