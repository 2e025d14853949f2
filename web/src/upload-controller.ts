/**
 * Runs the uploads: sends queued files a few at a time, polls their jobs, and
 * tells listeners what changed. One instance for the page, outside any view,
 * so an official can look something up while a batch is being read and come
 * back to the same list.
 */

import { ApiError } from "./api/http.ts";
import { getJob, type Upload, uploadFile } from "./api/uploads.ts";
import {
  createItems,
  duePolls,
  isFinished,
  nextPollAt,
  reduce,
  toStart,
  type UploadEvent,
  type UploadItem,
} from "./upload-queue.ts";

export interface Change {
  before: UploadItem | null;
  after: UploadItem | null;
}

type Listener = (changes: Change[]) => void;

export class UploadController {
  private list: UploadItem[] = [];
  private nextKey = 1;
  private readonly files = new Map<number, File>();
  private readonly sending = new Map<number, Upload>();
  private readonly polling = new Set<number>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly listeners = new Set<Listener>();

  constructor() {
    window.addEventListener("beforeunload", (event) => {
      // Leaving now would stop the files still being sent.
      if (this.list.some((i) => i.phase === "queued" || i.phase === "uploading")) event.preventDefault();
    });
  }

  get items(): readonly UploadItem[] {
    return this.list;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  add(files: readonly File[]): void {
    const items = createItems(files, this.nextKey);
    this.nextKey += items.length;
    items.forEach((item, i) => {
      this.files.set(item.key, files[i] as File);
    });
    this.list = [...this.list, ...items];
    this.emit(items.map((after) => ({ before: null, after })));
    this.pump();
  }

  retry(key: number): void {
    this.apply(key, { type: "retry" });
    this.pump();
  }

  retryAll(): void {
    for (const item of this.list)
      if (item.phase === "failed" && item.failure?.retryable) this.apply(item.key, { type: "retry" });
    this.pump();
  }

  /** Forgets finished files; files still on their way stay. */
  clearFinished(): void {
    const removed = this.list.filter(isFinished);
    this.list = this.list.filter((i) => !isFinished(i));
    for (const item of removed) this.files.delete(item.key);
    this.emit(removed.map((before) => ({ before, after: null })));
  }

  private emit(changes: Change[]): void {
    if (changes.length === 0) return;
    for (const listener of this.listeners) listener(changes);
  }

  private apply(key: number, event: UploadEvent): void {
    const index = this.list.findIndex((i) => i.key === key);
    const before = this.list[index];
    if (!before) return;
    const after = reduce(before, event);
    if (after === before) return;
    this.list = this.list.map((i, n) => (n === index ? after : i));
    if (isFinished(after) && !after.failure?.retryable) this.files.delete(key);
    this.emit([{ before, after }]);
  }

  private pump(): void {
    for (const key of toStart(this.list)) this.send(key);
    this.schedulePoll();
  }

  private send(key: number): void {
    const file = this.files.get(key);
    if (!file) return;
    this.apply(key, { type: "start" });
    const upload = uploadFile(file, {
      onProgress: (loaded, total) => this.apply(key, { type: "progress", loaded, total }),
    });
    this.sending.set(key, upload);
    upload.done
      .then(
        (answer) => this.apply(key, { type: "answer", answer, now: Date.now() }),
        (error: unknown) => {
          const status = error instanceof ApiError ? error.status : 0;
          const code = error instanceof ApiError ? error.code : "network";
          this.apply(key, {
            type: "requestFailed",
            status,
            code,
            message: error instanceof Error ? error.message : "",
          });
        },
      )
      .finally(() => {
        this.sending.delete(key);
        this.pump();
      });
  }

  private schedulePoll(): void {
    clearTimeout(this.timer);
    const due = nextPollAt(this.list, this.polling);
    if (due === null) return;
    this.timer = setTimeout(() => this.poll(), Math.max(0, due - Date.now()));
  }

  private poll(): void {
    for (const key of duePolls(this.list, Date.now(), this.polling)) {
      const item = this.list.find((i) => i.key === key);
      if (!item?.jobId) continue;
      this.polling.add(key);
      getJob(item.jobId)
        .then(
          (job) => this.apply(key, { type: "job", job, now: Date.now() }),
          (error: unknown) =>
            this.apply(key, {
              type: "pollFailed",
              status: error instanceof ApiError ? error.status : 0,
              now: Date.now(),
            }),
        )
        .finally(() => {
          this.polling.delete(key);
          this.schedulePoll();
        });
    }
    this.schedulePoll();
  }
}

let instance: UploadController | null = null;

export function uploads(): UploadController {
  instance ??= new UploadController();
  return instance;
}
