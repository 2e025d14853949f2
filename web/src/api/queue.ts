/** The ingestion queue, for admins: jobs by state, the failures, and running a failed job again. */

import { arr, getJson, num, obj, postJson, query, str } from "./http.ts";

export interface QueueCounts {
  /** Includes `retrying`. */
  waiting: number;
  active: number;
  completed: number;
  failed: number;
  /** Waiting jobs that failed for a passing reason and wait for their next try. */
  retrying: number;
}

export interface FailedJob {
  id: string;
  file: string;
  /** The server's one-line reason, in English. */
  error: string | null;
  /** The stable rejection code (`damaged`, `timeout`, ...); null for other failures. */
  errorCode: string | null;
  /** ISO time of the last failure. */
  failedAt: string | null;
  attempts: number | null;
}

export interface QueueOverview {
  counts: QueueCounts;
  /** The most recent failures first. */
  failed: FailedJob[];
}

/** `GET /api/queue`: an admin's (the session cookie says who is asking). */
export async function getQueue(limit = 50, signal?: AbortSignal): Promise<QueueOverview> {
  const o = obj(await getJson(`/api/queue?${query({ limit })}`, signal));
  const c = obj(o.counts);
  const count = (value: unknown): number => num(value) ?? 0;
  return {
    counts: {
      waiting: count(c.waiting),
      active: count(c.active),
      completed: count(c.completed),
      failed: count(c.failed),
      retrying: count(c.retrying),
    },
    failed: arr(o.failed).flatMap((value) => {
      const job = obj(value);
      const id = str(job.id);
      if (!id) return [];
      return [
        {
          id,
          file: str(job.file) ?? id,
          error: str(job.error),
          errorCode: str(job.errorCode),
          failedAt: str(job.failedAt),
          attempts: num(job.attempts),
        },
      ];
    }),
  };
}

/** `POST /api/queue/jobs/:id/retry`: runs a failed job again from its first try. */
export async function retryJob(id: string): Promise<{ status: string | null }> {
  const o = obj(await postJson(`/api/queue/jobs/${encodeURIComponent(id)}/retry`));
  return { status: str(o.status) };
}
