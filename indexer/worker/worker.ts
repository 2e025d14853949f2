import { hostname } from "node:os";
import { Worker } from "bullmq";
import type { Logger } from "pino";
import type { Config } from "../config.ts";
import { QUEUE_NAME } from "../queue/bullmq-queue.ts";
import { decodeFailure } from "../queue/failure.ts";
import type { IngestJob } from "../queue/queue.ts";
import { errorLogger, redisOptions } from "../queue/redis.ts";

/** The sandboxed processor: ./processor.ts behind a loader shim. */
export const SANDBOX_URL = new URL("./sandbox.mjs", import.meta.url);

export interface IngestWorkerOptions {
  config: Config & { redisUrl: string };
  logger: Logger;
  /** The sandboxed processor module; tests pass one that takes its time. */
  processor?: URL;
}

/**
 * A BullMQ worker over the ingestion queue. Jobs run in worker threads
 * (BullMQ's sandboxed processors, `useWorkerThreads`), so this thread's event
 * loop only keeps the books: it renews job locks, answers stall checks and
 * takes the next job however long a record takes to read and understand.
 *
 * A worker that dies mid-job stops renewing its lock; once the lock expires
 * (lockMs), the next stall check of any worker (every stalledCheckMs) puts the
 * job back in the queue for another. A job that stalls twice fails, so a file
 * that kills its worker cannot take the fleet down one worker at a time.
 */
export function startIngestWorker({ config, logger, processor }: IngestWorkerOptions): Worker<IngestJob, string> {
  const worker = new Worker<IngestJob, string>(QUEUE_NAME, processor ?? SANDBOX_URL, {
    connection: redisOptions(config.redisUrl, "worker"),
    name: `${hostname()}:${process.pid}`,
    concurrency: config.jobs.workerConcurrency,
    useWorkerThreads: true,
    lockDuration: config.jobs.lockMs,
    stalledInterval: config.jobs.stalledCheckMs,
    maxStalledCount: 1,
  });

  worker.on("ready", () =>
    logger.info({ concurrency: config.jobs.workerConcurrency, worker: worker.opts.name }, "worker ready"),
  );
  worker.on("active", (job) =>
    logger.info({ jobId: job.id, file: job.data.filename, attempt: job.attemptsMade + 1 }, "job started"),
  );
  worker.on("completed", (job, documentId) =>
    logger.info(
      {
        jobId: job.id,
        documentId,
        ms: job.finishedOn && job.processedOn ? job.finishedOn - job.processedOn : undefined,
      },
      "job completed",
    ),
  );
  worker.on("failed", (job, error) => {
    if (!job) return logger.error({ err: error }, "a job failed and could not be read back");
    const { error: reason, errorCode } = decodeFailure(error.message);
    const final = error.name === "UnrecoverableError" || job.attemptsMade >= (job.opts.attempts ?? 1);
    const fields = { jobId: job.id, file: job.data.filename, attempt: job.attemptsMade, reason, errorCode };
    if (errorCode) logger.info(fields, "file refused");
    else if (final) logger.error({ ...fields, err: error }, "job failed after its last try");
    else logger.warn(fields, "job failed; it will be tried again");
  });
  worker.on("stalled", (jobId) =>
    logger.warn({ jobId }, "a job's worker stopped renewing its lock; the job goes back to the queue"),
  );
  worker.on("lockRenewalFailed", (jobIds) =>
    logger.warn({ jobIds }, "could not renew job locks; another worker may take these jobs over"),
  );
  worker.on("error", errorLogger(logger, "worker", "error"));
  return worker;
}
