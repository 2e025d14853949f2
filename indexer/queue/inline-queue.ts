import { EventEmitter } from "node:events";
import type { Logger } from "pino";
import { isFileRejected } from "../errors.ts";
import type { IngestJob, IngestQueue, JobKind, JobState, QueueOverview } from "./queue.ts";
import { JobNotRetryableError, jobIdFor } from "./queue.ts";
import type { SqliteJobStore } from "./sqlite-job-store.ts";

/** Runs one job; `signal` aborts when the queue closes (an OCR job stops between pages, its children killed). */
export type JobProcessor = (job: IngestJob, signal: AbortSignal) => Promise<string>;

interface Pending {
  id: string;
  job: IngestJob;
}

/**
 * The embedded queue: jobs run in this process, a few at a time, with their
 * states in the archive. Jobs a crash left unfinished run again at start.
 * OCR jobs (minutes for a long scan) have slots of their own beside
 * ingestion's, so a scan never holds up the files uploaded after it.
 */
export class InlineQueue implements IngestQueue {
  private readonly pending: Pending[] = [];
  private readonly jobs = new Map<string, IngestJob>();
  private readonly events = new EventEmitter();
  private active = 0;
  private readonly activeByKind: Record<JobKind, number> = { ingest: 0, ocr: 0 };
  private closed = false;
  private readonly stopping = new AbortController();

  constructor(
    private readonly store: SqliteJobStore,
    private readonly processor: JobProcessor,
    private readonly concurrency: number,
    private readonly logger: Logger,
    private readonly ocrConcurrency = 1,
  ) {
    this.events.setMaxListeners(0);
  }

  /** Re-enqueues what a previous process left waiting or active. */
  resume(): number {
    const unfinished = this.store.unfinished().filter((j) => !this.jobs.has(j.id));
    for (const j of unfinished) this.schedule(j.id, { sha256: j.sha256, filename: j.file, kind: j.kind });
    return unfinished.length;
  }

  async enqueue(job: IngestJob): Promise<JobState> {
    const id = jobIdFor(job.sha256, job.kind);
    const { created, state } = this.store.put(id, job.filename, job.sha256, job.kind);
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
      // Settled here, or by another process sharing the archive (the server beside `archive
      // ingest`): that shows only in the job store, so it is looked at every second too.
      await new Promise<void>((resolve) => {
        const settled = () => {
          clearInterval(poll);
          this.events.off(`settled:${id}`, settled);
          resolve();
        };
        const poll = setInterval(settled, 1000);
        this.events.once(`settled:${id}`, settled);
      });
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
    return this.enqueue({ sha256: source.sha256, filename: source.file, kind: source.kind });
  }

  /** Stops taking jobs and waits for the running ones to finish. */
  async close(): Promise<void> {
    this.closed = true;
    this.pending.length = 0;
    // Jobs that can stop midway (OCR) do; they stay unfinished and run again at the next start.
    this.stopping.abort();
    while (this.active > 0) await new Promise((resolve) => this.events.once("idle", resolve));
  }

  private schedule(id: string, job: IngestJob): void {
    this.jobs.set(id, job);
    this.pending.push({ id, job });
    this.pump();
  }

  private pump(): void {
    while (!this.closed) {
      const index = this.pending.findIndex((p) => this.activeByKind[kindOf(p.job)] < this.limit(kindOf(p.job)));
      if (index < 0) return;
      const next = this.pending.splice(index, 1)[0] as Pending;
      const kind = kindOf(next.job);
      this.active++;
      this.activeByKind[kind]++;
      void this.run(next).finally(() => {
        this.active--;
        this.activeByKind[kind]--;
        this.jobs.delete(next.id);
        this.events.emit(`settled:${next.id}`);
        if (this.active === 0) this.events.emit("idle");
        this.pump();
      });
    }
  }

  private limit(kind: JobKind): number {
    return kind === "ocr" ? this.ocrConcurrency : this.concurrency;
  }

  private async run({ id, job }: Pending): Promise<void> {
    this.store.update(id, "active");
    try {
      const documentId = await this.processor(job, this.stopping.signal);
      this.store.update(id, "completed", { documentId });
    } catch (error) {
      if (this.stopping.signal.aborted) return;
      const message = error instanceof Error ? error.message : String(error);
      if (!isFileRejected(error)) this.logger.error({ err: error, jobId: id }, "ingestion failed");
      this.store.update(id, "failed", { error: message, errorCode: isFileRejected(error) ? error.code : null });
    }
  }
}

function kindOf(job: IngestJob): JobKind {
  return job.kind ?? "ingest";
}
