/**
 * The upload view's state machine, one item per file. Pure: the view feeds it
 * events (sending started, progress, the server's answer, a job's state) and
 * renders what it returns; timers and requests live in the controller. The
 * Swedish an official reads (statuses, reasons) is in upload-texts.ts.
 *
 *   queued → uploading → waiting → active → completed
 *                     ↘ exists (the same file was archived before)
 *   any step → failed (retry puts a failure that may pass next time back in the queue)
 */

import { lostJob, readFailure, rejection, requestFailure } from "./upload-texts.ts";

export type Phase = "queued" | "uploading" | "waiting" | "active" | "completed" | "exists" | "failed";

export interface Failure {
  /** Swedish: what went wrong and what to do. */
  reason: string;
  /** The server's own one-line message (English, technical), shown as a detail. */
  detail: string | null;
  code: string | null;
  /** Whether sending the file again may succeed (network, server, token), unlike a refused file. */
  retryable: boolean;
  /** The request lacked a valid API token. */
  needsToken: boolean;
}

export interface UploadItem {
  key: number;
  name: string;
  size: number;
  phase: Phase;
  /** Bytes sent so far. */
  loaded: number;
  jobId: string | null;
  documentId: string | null;
  failure: Failure | null;
  /** Job polls so far, and when the next may run (ms since epoch). */
  polls: number;
  nextPollAt: number;
}

export type UploadEvent =
  | { type: "start" }
  | { type: "progress"; loaded: number; total: number }
  | {
      type: "answer";
      answer: {
        status: "waiting" | "active" | "completed" | "failed" | "exists";
        id: string | null;
        jobId: string | null;
        error: { code: string; message: string } | null;
      };
      now: number;
    }
  | { type: "requestFailed"; status: number; code: string; message: string }
  | {
      type: "job";
      job: {
        status: "waiting" | "active" | "completed" | "failed";
        documentId: string | null;
        error: string | null;
        errorCode: string | null;
      };
      now: number;
    }
  | { type: "pollFailed"; status: number; now: number }
  | { type: "retry" };

/** Files sent at once: enough to keep the line busy, few enough that each shows its own progress. */
export const UPLOAD_CONCURRENCY = 3;
/** Job states asked for at once, so a batch of hundreds does not flood the server. */
export const POLL_CONCURRENCY = 4;

export function createItems(files: readonly { name: string; size: number }[], firstKey: number): UploadItem[] {
  return files.map((f, i) => ({
    key: firstKey + i,
    name: f.name,
    size: f.size,
    phase: "queued",
    loaded: 0,
    jobId: null,
    documentId: null,
    failure: null,
    polls: 0,
    nextPollAt: 0,
  }));
}

/** Waits between job polls: quick at first (most files are read in seconds), then calmer. */
export function pollDelay(polls: number): number {
  if (polls < 10) return 1000;
  if (polls < 40) return 2500;
  return 5000;
}

export function reduce(item: UploadItem, event: UploadEvent): UploadItem {
  switch (event.type) {
    case "start":
      return item.phase === "queued" ? { ...item, phase: "uploading", loaded: 0, failure: null } : item;
    case "progress":
      if (item.phase !== "uploading") return item;
      return { ...item, loaded: Math.min(event.loaded, event.total || item.size), size: event.total || item.size };
    case "answer": {
      const { answer } = event;
      if (answer.status === "failed") {
        return {
          ...item,
          phase: "failed",
          failure: rejection(answer.error?.code ?? null, answer.error?.message ?? null),
        };
      }
      const base = { ...item, loaded: item.size, documentId: answer.id, jobId: answer.jobId };
      if (answer.status === "exists") return { ...base, phase: "exists" };
      if (answer.status === "completed") return { ...base, phase: "completed" };
      if (!answer.jobId) return { ...base, phase: "failed", failure: lostJob() };
      return { ...base, phase: answer.status, polls: 0, nextPollAt: event.now + pollDelay(0) };
    }
    case "requestFailed":
      return { ...item, phase: "failed", loaded: 0, failure: requestFailure(event.status, event.code, event.message) };
    case "job": {
      if (item.phase !== "waiting" && item.phase !== "active") return item;
      const polls = item.polls + 1;
      const { job } = event;
      if (job.status === "completed")
        return { ...item, phase: "completed", documentId: job.documentId ?? item.documentId, polls };
      if (job.status === "failed") {
        return { ...item, phase: "failed", polls, failure: readFailure(job.errorCode, job.error) };
      }
      return { ...item, phase: job.status, polls, nextPollAt: event.now + pollDelay(polls) };
    }
    case "pollFailed": {
      if (item.phase !== "waiting" && item.phase !== "active") return item;
      // The job is gone (e.g. the server restarted on another archive): asking again cannot help.
      if (event.status === 404) return { ...item, phase: "failed", failure: lostJob() };
      const polls = item.polls + 1;
      return { ...item, polls, nextPollAt: event.now + Math.max(pollDelay(polls), 3000) };
    }
    case "retry":
      if (item.phase !== "failed" || !item.failure?.retryable) return item;
      return { ...item, phase: "queued", loaded: 0, failure: null, jobId: null, documentId: null, polls: 0 };
  }
}

/** Which queued files to send now, in the order they were added. */
export function toStart(items: readonly UploadItem[], concurrency = UPLOAD_CONCURRENCY): number[] {
  const sending = items.filter((i) => i.phase === "uploading").length;
  return items
    .filter((i) => i.phase === "queued")
    .slice(0, Math.max(0, concurrency - sending))
    .map((i) => i.key);
}

/** Which jobs to ask about now: due ones, the longest waiting first, a few at a time. */
export function duePolls(
  items: readonly UploadItem[],
  now: number,
  inFlight: ReadonlySet<number>,
  max = POLL_CONCURRENCY,
): number[] {
  return items
    .filter(
      (i) => (i.phase === "waiting" || i.phase === "active") && i.jobId && !inFlight.has(i.key) && i.nextPollAt <= now,
    )
    .sort((a, b) => a.nextPollAt - b.nextPollAt || a.key - b.key)
    .slice(0, Math.max(0, max - inFlight.size))
    .map((i) => i.key);
}

/** When the next poll is due, or null when no job waits for one (jobs being asked about are not waiting). */
export function nextPollAt(items: readonly UploadItem[], inFlight: ReadonlySet<number> = new Set()): number | null {
  let next: number | null = null;
  for (const i of items) {
    const pending = (i.phase === "waiting" || i.phase === "active") && i.jobId && !inFlight.has(i.key);
    if (pending && (next === null || i.nextPollAt < next)) {
      next = i.nextPollAt;
    }
  }
  return next;
}

export function isFinished(item: UploadItem): boolean {
  return item.phase === "completed" || item.phase === "exists" || item.phase === "failed";
}

export interface Tally {
  total: number;
  /** Searchable now: read in, or in the archive already. */
  done: number;
  failed: number;
  pending: number;
}

export function tally(items: readonly UploadItem[]): Tally {
  const done = items.filter((i) => i.phase === "completed" || i.phase === "exists").length;
  const failed = items.filter((i) => i.phase === "failed").length;
  return { total: items.length, done, failed, pending: items.length - done - failed };
}
