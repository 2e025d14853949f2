import pino from "pino";
import { ConfigError, loadConfig } from "../config.ts";
import { documentsAwaitingOcr } from "../ocr-job.ts";
import { BullMqQueue } from "../queue/bullmq-queue.ts";
import { redactedUrl, warnUnlessNoEviction } from "../queue/redis.ts";
import { openPipeline } from "../runtime.ts";
import { startIngestWorker } from "./worker.ts";

export interface RunWorkerOptions {
  /** The sandboxed processor module (default: the real one); tests pass one that takes its time. */
  processor?: URL;
}

/**
 * `npm run worker`: takes ingestion jobs from the BullMQ queue until SIGTERM
 * or SIGINT. The first signal lets the jobs in hand finish, then the process
 * exits 0; a second one stops at once and hands the jobs back (another worker
 * takes them when their locks expire).
 */
export async function runWorker(options: RunWorkerOptions = {}): Promise<void> {
  const config = loadConfig();
  const { redisUrl } = config;
  if (!redisUrl) throw new ConfigError(["REDIS_URL: the worker takes its jobs from Redis; set REDIS_URL"]);
  const logger = pino({ level: config.logLevel }, pino.destination(2));

  // Opened once here before any job thread opens the archive: migrations run
  // in one place, and documents a crash left stored but unindexed are indexed.
  // Documents whose scanned pages wait for OCR (an engine installed since, a crash) are queued.
  const archive = await openPipeline(config, { logger });
  try {
    const awaiting = await documentsAwaitingOcr(archive.pipeline);
    if (awaiting.length) {
      const queue = new BullMqQueue({
        url: redisUrl,
        attempts: config.jobs.attempts,
        backoffMs: config.jobs.backoffMs,
        logger,
      });
      try {
        for (const doc of awaiting) await queue.enqueue({ sha256: doc.sha256, filename: doc.filename, kind: "ocr" });
      } finally {
        await queue.close();
      }
    }
  } catch (error) {
    logger.warn({ err: error }, "could not queue the documents waiting for OCR; the next start tries again");
  } finally {
    await archive.close();
  }
  void warnUnlessNoEviction(redisUrl, logger);

  const worker = startIngestWorker({ config: { ...config, redisUrl }, logger, processor: options.processor });
  logger.info({ redis: redactedUrl(redisUrl), dataDir: config.dataDir }, "worker started");

  // Jobs this process holds; with none, nothing is lost by leaving while Redis is away.
  let inHand = 0;
  worker.on("active", () => inHand++);
  const released = () => {
    inHand = Math.max(0, inHand - 1);
  };
  worker.on("completed", released);
  worker.on("failed", released);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      // Redis or the jobs' locks take the jobs back; waiting on a closing connection could hang.
      logger.warn({ signal, jobs: inHand }, "stopping now: the jobs in hand go back to the queue");
      void worker.close(true).catch(() => undefined);
      process.exit(0);
    }
    stopping = true;
    logger.info({ signal, jobs: inHand }, "stopping: finishing the jobs in hand");
    // close() waits on Redis; while Redis is away it waits for ever. With no job in hand, nothing is lost by leaving.
    const idle = setInterval(() => {
      if (inHand > 0) return;
      logger.warn("no job in hand, but the queue's connection does not close (is Redis away?): stopping anyway");
      process.exit(0);
    }, 10_000);
    worker.close().then(
      () => {
        clearInterval(idle);
        logger.info("worker stopped");
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, "worker did not stop cleanly");
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  process.on("unhandledRejection", (reason) => logger.error({ err: reason }, "unhandled rejection"));
}
