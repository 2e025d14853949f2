export const JOB_STATUSES = ["waiting", "active", "completed", "failed"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/**
 * What a job does: `ingest` reads, understands, stores and indexes a file;
 * `ocr` reads a stored document's scanned pages with OCR and stores and
 * indexes it again (see ../ocr-job.ts).
 */
export const JOB_KINDS = ["ingest", "ocr"] as const;
export type JobKind = (typeof JOB_KINDS)[number];

/** One file's way into the archive. Its original is already stored. */
export interface IngestJob {
  sha256: string;
  filename: string;
  /** Default `ingest`. */
  kind?: JobKind;
}

export interface JobState {
  id: string;
  file: string;
  status: JobStatus;
  documentId: string | null;
  error: string | null;
  /** The rejection code (`damaged`, `timeout`, ...) when the file was refused; null for other failures. */
  errorCode: string | null;
}

/** A job that failed for good, for the admins' overview. */
export interface FailedJob {
  id: string;
  file: string;
  error: string;
  /** The rejection code when the file was refused; null for other failures. */
  errorCode: string | null;
  /** ISO time of the last failure. */
  failedAt: string | null;
  /** Tries made, the last included. */
  attempts: number;
}

export interface QueueOverview {
  /** Jobs by state. `waiting` includes `retrying`: jobs that failed for a passing reason and wait for their next try. */
  counts: Record<JobStatus, number> & { retrying: number };
  /** The most recent failures first. */
  failed: FailedJob[];
}

/** Job ids derive from content and kind, so the same file enqueued twice is one job of each kind. */
export function jobIdFor(sha256: string, kind: JobKind = "ingest"): string {
  return `${kind}-${sha256.slice(0, 32)}`;
}

/**
 * The ingestion queue port: in-process by default, BullMQ on Redis when
 * scaled out. Callers see the same behaviour either way.
 */
export interface IngestQueue {
  enqueue(job: IngestJob): Promise<JobState>;
  get(id: string): Promise<JobState | null>;
  /** Resolves once the job is completed or failed. */
  waitFor(id: string): Promise<JobState>;
  /** Counts by state and the latest failures (at most `limit`), for admins. */
  overview(limit: number): Promise<QueueOverview>;
  /**
   * Runs a failed job again from its first try. Null when there is no such
   * job; a JobNotRetryableError when it has not failed.
   */
  retry(id: string): Promise<JobState | null>;
  /**
   * Processes taking jobs, where they run apart from this one (BullMQ
   * workers); null when the queue cannot tell. Absent for in-process queues.
   */
  workerCount?(): Promise<number | null>;
  close(): Promise<void>;
}

/** Only a failed job can be retried: a waiting or running one is on its way, a completed one is done. */
export class JobNotRetryableError extends Error {
  constructor(
    readonly jobId: string,
    readonly status: JobStatus,
  ) {
    super(`job ${jobId} is ${status}; only a failed job can be retried`);
    this.name = "JobNotRetryableError";
  }
}

/**
 * The queue could not be reached (Redis is away). The file's original is
 * already stored, so sending it again later is safe.
 */
export class QueueUnavailableError extends Error {
  constructor(options?: { cause?: unknown }) {
    super("the ingestion queue is not reachable right now; try again in a moment", options);
    this.name = "QueueUnavailableError";
  }
}
