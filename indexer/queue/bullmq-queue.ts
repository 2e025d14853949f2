import { type JobState as BullJobState, type Job, Queue, QueueEvents } from "bullmq";
import type { Logger } from "pino";
import { decodeFailure } from "./failure.ts";
import type { FailedJob, IngestJob, IngestQueue, JobState, JobStatus, QueueOverview } from "./queue.ts";
import { JOB_STATUSES, JobNotRetryableError, jobIdFor, QueueUnavailableError } from "./queue.ts";
import { errorLogger, redisOptions } from "./redis.ts";

/** The queue's name in Redis; producers and workers must agree on it. */
export const QUEUE_NAME = "ingest";

/**
 * Finished jobs stay long enough for an uploader (or a script) to read their
 * outcome from GET /api/jobs/:id, and no longer: a completed job is a few
 * hundred bytes in Redis; the document itself lives in the archive.
 */
const KEEP_COMPLETED = { age: 14 * 24 * 3600, count: 100_000 };
const KEEP_FAILED = { age: 90 * 24 * 3600, count: 100_000 };

/**
 * How often waitFor looks at its jobs itself, in case an event was missed (a
 * reconnect, a trimmed stream): every 2 s, less often for many jobs (10,000
 * awaited jobs: every 40 s), so the sweep stays a small load on Redis.
 */
const SWEEP_MS = 2000;
const SWEEP_MS_PER_JOB = 4;

export interface BullMqQueueOptions {
  url: string;
  /** Tries of a job that fails for a passing reason. */
  attempts: number;
  /** The first retry's delay; exponential after that. */
  backoffMs: number;
  logger: Logger;
}

interface Waiter {
  promise: Promise<JobState>;
  resolve: (state: JobState) => void;
  reject: (error: Error) => void;
}

/** BullMQ's states in the contract's four: a job waiting for its next try, or for its turn, is waiting. */
function statusOf(state: BullJobState | "unknown"): JobStatus | null {
  switch (state) {
    case "active":
    case "completed":
    case "failed":
      return state;
    case "unknown":
      return null;
    default:
      return "waiting";
  }
}

/**
 * The ingestion queue on BullMQ (Redis): any number of `npm run worker`
 * processes take its jobs. This side only adds jobs and reads their states;
 * the server and the CLI never process a job when REDIS_URL is set.
 */
export class BullMqQueue implements IngestQueue {
  private readonly queue: Queue<IngestJob, string>;
  private readonly logger: Logger;
  private events: QueueEvents | null = null;
  private readonly waiters = new Map<string, Waiter>();
  private sweeper: NodeJS.Timeout | null = null;
  private sweeping = false;
  private sweptAt = 0;

  constructor(private readonly options: BullMqQueueOptions) {
    this.logger = options.logger;
    this.queue = new Queue<IngestJob, string>(QUEUE_NAME, {
      connection: redisOptions(options.url, "producer"),
      defaultJobOptions: {
        attempts: options.attempts,
        backoff: { type: "exponential", delay: options.backoffMs },
        removeOnComplete: KEEP_COMPLETED,
        removeOnFail: KEEP_FAILED,
      },
    });
    this.queue.on("error", errorLogger(this.logger, "ingestion queue"));
  }

  /**
   * Adds the job unless one with its id exists: Redis adds a job id once, so
   * two uploads of the same file at the same moment make one job. A failed
   * job is tried again from the start, as the in-process queue does.
   */
  async enqueue(job: IngestJob): Promise<JobState> {
    try {
      return await this.add(job);
    } catch (error) {
      throw new QueueUnavailableError({ cause: error });
    }
  }

  private async add(job: IngestJob): Promise<JobState> {
    const kind = job.kind ?? "ingest";
    const id = jobIdFor(job.sha256, kind);
    let existing = await this.queue.getJob(id);
    if (existing && kind === "ocr" && (await existing.getState()) === "completed") {
      // A document that found no OCR engine is read again when one is there: a new job under the same id.
      await existing.remove().catch(() => undefined);
      existing = undefined;
    }
    if (!existing) {
      // The job's name is its kind: the worker's processor runs an OCR job as one.
      await this.queue.add(kind, { sha256: job.sha256, filename: job.filename, kind }, { jobId: id });
    } else if ((await existing.getState()) === "failed") {
      // Two enqueues racing here: one retry wins, the other finds the job no longer failed.
      await existing.retry("failed", { resetAttemptsMade: true, resetAttemptsStarted: true }).catch(() => undefined);
    }
    const state = await this.get(id);
    if (!state) throw new Error(`job ${id} vanished right after it was queued`);
    return state;
  }

  async get(id: string): Promise<JobState | null> {
    const job = await this.queue.getJob(id);
    if (!job) return null;
    const status = statusOf(await job.getState());
    return status ? stateOf(job, status) : null;
  }

  /**
   * Resolves when the job is completed or failed. Events say so at once; a
   * sweep every two seconds looks at each awaited job itself, so a missed
   * event (Redis restarted, the event stream trimmed) only delays the answer.
   * Redis being away only delays it too: the sweep tries again.
   */
  waitFor(id: string): Promise<JobState> {
    const known = this.waiters.get(id);
    if (known) return known.promise;
    let resolve!: (state: JobState) => void;
    let reject!: (error: Error) => void;
    const promise = new Promise<JobState>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    this.waiters.set(id, { promise, resolve, reject });
    this.listen();
    void this.check(id);
    return promise;
  }

  async overview(limit: number): Promise<QueueOverview> {
    const raw = await this.queue.getJobCounts();
    const counts = {
      ...(Object.fromEntries(JOB_STATUSES.map((s) => [s, 0])) as Record<JobStatus, number>),
      retrying: 0,
    };
    for (const [type, n] of Object.entries(raw)) {
      const status = statusOf(type as BullJobState);
      if (status) counts[status] += n;
    }
    counts.retrying = raw.delayed ?? 0;
    const failed = limit > 0 ? await this.queue.getFailed(0, limit - 1) : [];
    return { counts, failed: failed.filter((job): job is Job<IngestJob, string> => Boolean(job?.id)).map(failedJobOf) };
  }

  async retry(id: string): Promise<JobState | null> {
    const job = await this.queue.getJob(id);
    if (!job) return null;
    const status = statusOf(await job.getState());
    if (!status) return null;
    if (status !== "failed") throw new JobNotRetryableError(id, status);
    try {
      await job.retry("failed", { resetAttemptsMade: true, resetAttemptsStarted: true });
    } catch (error) {
      // Someone retried it a moment ago.
      const now = await this.get(id);
      if (now && now.status !== "failed") throw new JobNotRetryableError(id, now.status);
      throw error;
    }
    return this.get(id);
  }

  /** Takes over jobs the in-process queue left unfinished (the archive ran without REDIS_URL before). */
  async adopt(jobs: { id: string; file: string; sha256: string; kind?: IngestJob["kind"] }[]): Promise<void> {
    for (const job of jobs) await this.enqueue({ sha256: job.sha256, filename: job.file, kind: job.kind });
  }

  /** Workers connected to the queue now; null when Redis does not say (CLIENT LIST disabled). */
  async workerCount(): Promise<number | null> {
    return this.queue.getWorkersCount().catch(() => null);
  }

  async close(): Promise<void> {
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = null;
    await this.events?.close();
    await this.queue.close();
  }

  /** Starts the events listener and the sweep on the first wait. */
  private listen(): void {
    if (!this.events) {
      this.events = new QueueEvents(QUEUE_NAME, { connection: redisOptions(this.options.url, "worker") });
      this.events.on("error", errorLogger(this.logger, "ingestion queue events"));
      this.events.on("completed", ({ jobId }) => void this.check(jobId));
      this.events.on("failed", ({ jobId }) => void this.check(jobId));
    }
    this.sweeper ??= setInterval(() => void this.sweep(), SWEEP_MS);
  }

  private async sweep(): Promise<void> {
    if (this.sweeping || Date.now() - this.sweptAt < this.waiters.size * SWEEP_MS_PER_JOB) return;
    this.sweeping = true;
    try {
      const ids = [...this.waiters.keys()];
      for (let i = 0; i < ids.length; i += 200) await Promise.all(ids.slice(i, i + 200).map((id) => this.check(id)));
    } finally {
      this.sweeping = false;
      this.sweptAt = Date.now();
    }
  }

  /** Settles the job's waiter if it has finished. Cheap for a running job: one read of its hash. */
  private async check(id: string): Promise<void> {
    const waiter = this.waiters.get(id);
    if (!waiter) return;
    try {
      const job = await this.queue.getJob(id);
      if (!job) return this.settle(id, (w) => w.reject(new Error(`no job ${id}`)));
      if (!job.finishedOn) return;
      const status = statusOf(await job.getState());
      if (status === "completed" || status === "failed") this.settle(id, (w) => w.resolve(stateOf(job, status)));
    } catch (error) {
      this.logger.debug({ err: error, jobId: id }, "could not read a job's state; the sweep will look again");
    }
  }

  private settle(id: string, how: (waiter: Waiter) => void): void {
    const waiter = this.waiters.get(id);
    if (!waiter) return;
    this.waiters.delete(id);
    how(waiter);
    if (this.waiters.size === 0 && this.sweeper) {
      clearInterval(this.sweeper);
      this.sweeper = null;
    }
  }
}

function stateOf(job: Job<IngestJob, string>, status: JobStatus): JobState {
  const failure = status === "failed" ? decodeFailure(job.failedReason) : null;
  return {
    id: job.id as string,
    file: job.data.filename,
    status,
    documentId: status === "completed" ? (job.returnvalue ?? null) : null,
    error: failure?.error ?? null,
    errorCode: failure?.errorCode ?? null,
  };
}

function failedJobOf(job: Job<IngestJob, string>): FailedJob {
  const { error, errorCode } = decodeFailure(job.failedReason);
  return {
    id: job.id as string,
    file: job.data.filename,
    error,
    errorCode,
    failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
    attempts: job.attemptsMade,
  };
}
