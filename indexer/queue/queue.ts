export const JOB_STATUSES = ["waiting", "active", "completed", "failed"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** One file's way into the archive. Its original is already stored. */
export interface IngestJob {
  sha256: string;
  filename: string;
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

/** Job ids derive from content, so the same file enqueued twice is one job. */
export function jobIdFor(sha256: string): string {
  return `ingest-${sha256.slice(0, 32)}`;
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
  close(): Promise<void>;
}
