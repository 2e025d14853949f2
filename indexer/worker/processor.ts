import { threadId } from "node:worker_threads";
import type { SandboxedJob } from "bullmq";
import pino from "pino";
import { loadConfig } from "../config.ts";
import { isFileRejected } from "../errors.ts";
import { processFile } from "../pipeline.ts";
import { encodeRejection } from "../queue/failure.ts";
import type { IngestJob } from "../queue/queue.ts";
import { openPipeline, type PipelineRuntime } from "../runtime.ts";

let opening: Promise<PipelineRuntime> | null = null;

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
    return await processFile(runtime.pipeline, job.data.sha256, job.data.filename);
  } catch (error) {
    if (isFileRejected(error)) throw unrecoverable(encodeRejection(error.code, error.message));
    throw error;
  }
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
