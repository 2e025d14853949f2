import { threadId } from "node:worker_threads";
import type { SandboxedJob } from "bullmq";
import pino from "pino";
import { loadConfig } from "../config.ts";
import { isFileRejected } from "../errors.ts";
import { readScannedPages } from "../ocr-job.ts";
import { processFile } from "../pipeline.ts";
import type { BullMqQueue } from "../queue/bullmq-queue.ts";
import { encodeRejection } from "../queue/failure.ts";
import type { IngestJob } from "../queue/queue.ts";
import { openPipeline, type PipelineRuntime } from "../runtime.ts";

let opening: Promise<PipelineRuntime> | null = null;
let ocrQueue: Promise<BullMqQueue> | null = null;

/** The archive, opened once per sandbox thread at its first job and kept for the next ones. */
function pipelineRuntime(): Promise<PipelineRuntime> {
  if (!opening) {
    const config = loadConfig();
    const logger = pino({ level: config.logLevel }, pino.destination(2)).child({ thread: threadId });
    opening = openPipeline(config, { logger, recoverIndex: false });
    // A failed open (the data volume not mounted yet) is tried again at the next job.
    opening.catch(() => {
      opening = null;
    });
  }
  return opening;
}

/**
 * One ingestion job, run by BullMQ in a worker thread of the `npm run worker`
 * process (a sandboxed processor), so that reading and understanding a large
 * record never holds up the worker's lock renewals. A refused file fails at
 * once, with its reason and code; anything else (the shared volume away for a
 * moment, the archive busy) is thrown as is and retried with backoff.
 */
export async function processIngestJob(job: SandboxedJob<IngestJob, string>): Promise<string> {
  const runtime = await pipelineRuntime();
  try {
    if (job.name === "ocr" || job.data.kind === "ocr") return await readScannedPages(runtime.pipeline, job.data.sha256);
    const id = await processFile(runtime.pipeline, job.data.sha256, job.data.filename);
    // Scanned pages: searchable now by what text the document has; OCR follows as a job of its own.
    if (runtime.archive.get(id)?.ocr?.status === "pending") {
      const queue = await producer(runtime);
      await queue.enqueue({ sha256: job.data.sha256, filename: job.data.filename, kind: "ocr" });
    }
    return id;
  } catch (error) {
    if (isFileRejected(error)) throw unrecoverable(encodeRejection(error.code, error.message));
    throw error;
  }
}

/**
 * A producer for OCR jobs, made at a thread's first scan: bullmq is imported
 * only then. A job that dies before queueing its OCR leaves the document
 * "pending", which the next worker start queues.
 */
function producer(runtime: PipelineRuntime): Promise<BullMqQueue> {
  ocrQueue ??= (async () => {
    const { BullMqQueue } = await import("../queue/bullmq-queue.ts");
    const { config, logger } = runtime;
    if (!config.redisUrl) throw new Error("the worker's job processor needs REDIS_URL");
    return new BullMqQueue({
      url: config.redisUrl,
      attempts: config.jobs.attempts,
      backoffMs: config.jobs.backoffMs,
      logger,
    });
  })();
  return ocrQueue;
}

/**
 * BullMQ's UnrecoverableError, which fails a job without further tries. The
 * sandbox hands errors to the worker as plain objects and BullMQ knows this
 * one by its name; importing bullmq here would cost each job thread half a
 * second at start.
 */
function unrecoverable(message: string): Error {
  const error = new Error(message);
  error.name = "UnrecoverableError";
  return error;
}
