import { EventEmitter } from "node:events";
import type { Logger } from "pino";
import { isFileRejected } from "../errors.ts";
import type { IngestJob, IngestQueue, JobState, QueueOverview } from "./queue.ts";
import { JobNotRetryableError, jobIdFor } from "./queue.ts";
import type { SqliteJobStore } from "./sqlite-job-store.ts";

export type JobProcessor = (job: IngestJob) => Promise<string>;

interface Pending {
  id: string;
  job: IngestJob;
}

/**
 * The embedded queue: jobs run in this process, a few at a time, with their
 * states in the archive. Jobs a crash left unfinished run again at start.
 */
export class InlineQueue implements IngestQueue {
  private readonly pending: Pending[] = [];
  private readonly jobs = new Map<string, IngestJob>();
  private readonly events = new EventEmitter();
  private active = 0;
  private closed = false;

  constructor(
    private readonly store: SqliteJobStore,
    private readonly processor: JobProcessor,
    private readonly concurrency: number,
    private readonly logger: Logger,
  ) {
    this.events.setMaxListeners(0);
  }

  /** Re-enqueues what a previous process left waiting or active. */
  resume(): number {
    const unfinished = this.store.unfinished().filter((j) => !this.jobs.has(j.id));
    for (const j of unfinished) this.schedule(j.id, { sha256: j.sha256, filename: j.file });
    return unfinished.length;
  }

  async enqueue(job: IngestJob): Promise<JobState> {
    const id = jobIdFor(job.sha256);
    const { created, state } = this.store.put(id, job.filename, job.sha256);
    if (created) this.schedule(id, job);
    return state;
  }

  async get(id: string): Promise<JobState | null> {
    return this.store.get(id);
  }

  async waitFor(id: string): Promise<JobState> {
    for (;;) {
      const state = await this.get(id);
      if (!state) throw new Error(`no job ${id}`);
      if (state.status === "completed" || state.status === "failed") return state;
      await new Promise((resolve) => this.events.once(`settled:${id}`, resolve));
    }
  }

  async overview(limit: number): Promise<QueueOverview> {
    return { counts: { ...this.store.counts(), retrying: 0 }, failed: this.store.failed(limit) };
  }

  async retry(id: string): Promise<JobState | null> {
    const state = this.store.get(id);
    const source = this.store.source(id);
    if (!state || !source) return null;
    if (state.status !== "failed") throw new JobNotRetryableError(id, state.status);
    return this.enqueue({ sha256: source.sha256, filename: source.file });
  }

  /** Stops taking jobs and waits for the running ones to finish. */
  async close(): Promise<void> {
    this.closed = true;
    this.pending.length = 0;
    while (this.active > 0) await new Promise((resolve) => this.events.once("idle", resolve));
  }

  private schedule(id: string, job: IngestJob): void {
    this.jobs.set(id, job);
    this.pending.push({ id, job });
    this.pump();
  }

  private pump(): void {
    while (!this.closed && this.active < this.concurrency && this.pending.length > 0) {
      const next = this.pending.shift() as Pending;
      this.active++;
      void this.run(next).finally(() => {
        this.active--;
        this.jobs.delete(next.id);
        this.events.emit(`settled:${next.id}`);
        if (this.active === 0) this.events.emit("idle");
        this.pump();
      });
    }
  }

  private async run({ id, job }: Pending): Promise<void> {
    this.store.update(id, "active");
    try {
      const documentId = await this.processor(job);
      this.store.update(id, "completed", { documentId });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (!isFileRejected(error)) this.logger.error({ err: error, jobId: id }, "ingestion failed");
      this.store.update(id, "failed", { error: message, errorCode: isFileRejected(error) ? error.code : null });
    }
  }
}
