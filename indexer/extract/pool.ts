import type { Worker } from "node:worker_threads";
import { FileRejectedError, type RejectionCode } from "../errors.ts";
import type { RecordData } from "../model.ts";
import { typeScriptWorker } from "../threads.ts";

/** What a worker does: read a file's text per page, or understand pages as a record. */
export type WorkerRequest =
  | { id: number; kind: "extract"; format: "pdf" | "docx" | "text"; bytes: ArrayBuffer }
  | { id: number; kind: "understand"; pages: string[]; filename: string };

export type WorkerReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; code: RejectionCode | null; message: string };

export interface PoolOptions {
  /** Parallel parses; each holds one worker thread. */
  size: number;
  /** A parse that takes longer is stopped and the file refused. */
  timeoutMs: number;
  /** Heap limit of one worker; a file that needs more is refused. */
  maxMemoryMb: number;
}

interface Task {
  request: WorkerRequest;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

const WORKER_URL = new URL("./worker.ts", import.meta.url);

/**
 * Worker threads that read files (PDF, DOCX, text) and understand their pages
 * off the main thread, with a time and memory limit each: no file can hold
 * the server's event loop, however large or odd. A worker that times out or
 * runs out of memory is terminated and replaced, so one hostile file cannot
 * stall the others.
 */
export class ExtractionPool {
  private readonly idle: Worker[] = [];
  private readonly waiting: Task[] = [];
  private running = 0;
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: PoolOptions) {}

  extract(format: "pdf" | "docx" | "text", bytes: Uint8Array): Promise<string[]> {
    // Copy: the buffer is transferred to the worker and the caller keeps its bytes.
    const copy = new Uint8Array(bytes).buffer;
    return this.run({ id: this.nextId++, kind: "extract", format, bytes: copy }) as Promise<string[]>;
  }

  /** The understanding stage (understand/index.ts) under the same limits as reading. */
  understand(input: { pages: string[]; filename: string }): Promise<RecordData> {
    return this.run({ id: this.nextId++, kind: "understand", ...input }) as Promise<RecordData>;
  }

  private run(request: WorkerRequest): Promise<unknown> {
    if (this.closed) return Promise.reject(new Error("extraction pool is closed"));
    return new Promise((resolve, reject) => {
      this.waiting.push({ request, resolve, reject });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const workers = this.idle.splice(0);
    await Promise.all(workers.map((w) => w.terminate()));
  }

  private pump(): void {
    while (this.waiting.length > 0 && (this.idle.length > 0 || this.running < this.options.size)) {
      const task = this.waiting.shift() as Task;
      const worker = this.idle.pop() ?? this.spawn();
      this.running++;
      this.runOn(worker, task);
    }
  }

  private spawn(): Worker {
    return typeScriptWorker(WORKER_URL, {
      resourceLimits: { maxOldGenerationSizeMb: this.options.maxMemoryMb },
      stdout: false,
      stderr: true,
    });
  }

  private runOn(worker: Worker, task: Task): void {
    worker.ref();
    let settled = false;
    const finish = (outcome: () => void, reusable: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off("message", onMessage);
      worker.off("error", onError);
      worker.off("exit", onExit);
      this.running--;
      if (reusable && !this.closed) {
        worker.unref();
        this.idle.push(worker);
      } else {
        void worker.terminate();
      }
      outcome();
      this.pump();
    };
    const onMessage = (reply: WorkerReply) => {
      if (reply.id !== task.request.id) return;
      if (reply.ok) finish(() => task.resolve(reply.value), true);
      else if (reply.code)
        finish(() => task.reject(new FileRejectedError(reply.code as RejectionCode, reply.message)), true);
      else
        finish(
          () => task.reject(new FileRejectedError("damaged", `the file could not be read: ${reply.message}`)),
          true,
        );
    };
    const onError = (error: Error & { code?: string }) => {
      const rejection =
        error.code === "ERR_WORKER_OUT_OF_MEMORY"
          ? new FileRejectedError(
              "too_complex",
              `reading the file needs more than ${this.options.maxMemoryMb} MB of memory`,
            )
          : new FileRejectedError("damaged", `the file could not be read: ${error.message}`);
      finish(() => task.reject(rejection), false);
    };
    const onExit = () => finish(() => task.reject(new Error("extraction worker exited unexpectedly")), false);
    const timer = setTimeout(() => {
      const seconds = Math.round(this.options.timeoutMs / 1000);
      const doing = task.request.kind === "extract" ? "reading the file" : "understanding the record";
      finish(() => task.reject(new FileRejectedError("timeout", `${doing} took longer than ${seconds} s`)), false);
    }, this.options.timeoutMs);
    worker.on("message", onMessage);
    worker.on("error", onError);
    worker.on("exit", onExit);
    worker.postMessage(task.request, task.request.kind === "extract" ? [task.request.bytes] : []);
  }
}
