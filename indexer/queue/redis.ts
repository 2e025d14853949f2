import type { RedisOptions } from "bullmq";
import { Redis } from "ioredis";
import type { Logger } from "pino";

/**
 * Connection options for BullMQ, after its going-to-production guide. A
 * worker (and anything that blocks on Redis, like QueueEvents) retries every
 * command for as long as Redis is away (`maxRetriesPerRequest: null`), so a
 * Redis restart pauses it instead of failing jobs. A producer fails at once
 * while Redis is unreachable (`enableOfflineQueue: false`): an upload gets an
 * error it can show instead of hanging.
 */
export function redisOptions(url: string, role: "producer" | "worker"): RedisOptions {
  return role === "worker" ? { url, maxRetriesPerRequest: null } : { url, enableOfflineQueue: false };
}

/**
 * BullMQ loses jobs if Redis may evict keys when memory runs short; only
 * `maxmemory-policy noeviction` is safe. Logs a warning otherwise. Reads
 * INFO rather than CONFIG GET, which managed Redis services often disable.
 */
export async function warnUnlessNoEviction(url: string, logger: Logger): Promise<void> {
  const redis = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    connectTimeout: 5000,
    retryStrategy: () => null,
  });
  redis.on("error", () => {});
  try {
    await redis.connect();
    const info = await redis.info("memory");
    const policy = /^maxmemory_policy:(\S+)/m.exec(info)?.[1] ?? "unknown";
    if (policy !== "noeviction") {
      logger.warn(
        { maxmemoryPolicy: policy },
        `Redis's maxmemory-policy is ${policy}: set it to noeviction, or Redis may drop queued jobs when memory runs short`,
      );
    }
  } catch (error) {
    logger.warn({ err: error }, "could not read Redis's maxmemory-policy");
  } finally {
    redis.disconnect();
  }
}

/** A URL safe to log: without its password. */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(invalid URL)";
  }
}

/**
 * An `error` listener for a BullMQ object (required: an EventEmitter without
 * one crashes the process). While Redis is away ioredis reports every
 * reconnect attempt; the same message is logged once a minute, not each second.
 */
export function errorLogger(logger: Logger, what: string, level: "warn" | "error" = "warn"): (error: Error) => void {
  let last = "";
  let loggedAt = 0;
  return (error) => {
    const now = Date.now();
    if (error.message === last && now - loggedAt < 60_000) return;
    last = error.message;
    loggedAt = now;
    logger[level]({ err: error }, `${what}: ${error.message}`);
  };
}
