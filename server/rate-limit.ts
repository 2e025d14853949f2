import type { RequestHandler } from "express";
import { callerOf, clientAddress } from "./auth.ts";
import { AppError } from "./errors.ts";

interface Bucket {
  tokens: number;
  at: number;
}

/** Buckets kept before idle, full ones are dropped: bounds memory under many addresses. */
const PRUNE_ABOVE = 10_000;

/**
 * A token bucket per client: `perMinute` requests a minute on average, and
 * up to `perMinute` at once after a quiet minute, so a person working fast
 * never meets it while a script hammering the server does.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;

  constructor(
    readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {
    this.perMs = perMinute / 60_000;
  }

  /** Takes one request from the key's bucket: 0 when allowed, else the seconds until one is. */
  take(key: string): number {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.perMinute, at: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.at) * this.perMs);
    bucket.at = now;
    if (bucket.tokens < 1) {
      this.buckets.set(key, bucket);
      return Math.max(1, Math.ceil((1 - bucket.tokens) / this.perMs / 1000));
    }
    bucket.tokens -= 1;
    this.buckets.set(key, bucket);
    if (this.buckets.size > PRUNE_ABOVE) this.prune(now);
    return 0;
  }

  private prune(now: number): void {
    for (const [key, b] of this.buckets) {
      if (b.tokens + (now - b.at) * this.perMs >= this.perMinute) this.buckets.delete(key);
    }
  }
}

/**
 * Limits a route per client (a token's id, else the client's address) with
 * 429 and Retry-After; `perMinute` 0 turns the limit off.
 */
export function rateLimit(perMinute: number, what: string): RequestHandler {
  if (perMinute <= 0) return (_req, _res, next) => next();
  const limiter = new RateLimiter(perMinute);
  return (req, res, next) => {
    const caller = res.locals.caller ? callerOf(res) : null;
    const key = caller?.tokenId ?? clientAddress(req);
    const wait = limiter.take(key);
    if (wait === 0) return next();
    res.setHeader("Retry-After", String(wait));
    next(
      new AppError(
        429,
        "rate_limited",
        `too many ${what} requests: at most ${perMinute} a minute; try again in ${wait} s`,
      ),
    );
  };
}
