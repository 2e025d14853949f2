import type { Worker } from "node:worker_threads";
import type { StoredDocument } from "../archive/archive.ts";
import type { Db } from "../archive/database.ts";
import { typeScriptWorker } from "../threads.ts";
import { type Fts5Options, Fts5SearchIndex } from "./fts5-index.ts";
import type { SearchIndex, SearchQuery, SearchResult } from "./search-index.ts";

export interface SearchThreadData {
  file: string;
  maxRanked: number | undefined;
}

export type SearchRequest =
  | { kind: "search"; id: number; query: SearchQuery }
  | { kind: "warm"; id: number }
  | { kind: "words"; id: number; q: string; text: string };

export type ThreadReply =
  | { id: number; ok: true; result: SearchResult | string[] | null }
  | { id: number; ok: false; message: string };

interface Thread {
  worker: Worker;
  pending: Map<number, { resolve: (result: SearchResult | string[] | null) => void; reject: (error: Error) => void }>;
}

const WORKER_URL = new URL("./search-worker.ts", import.meta.url);

/**
 * The FTS5 index with its searches spread over worker threads, each reading
 * the archive file through a read-only connection of its own (WAL lets them
 * read while the writer writes). The main thread stays free for HTTP and
 * ingestion, and every core serves searches. Indexing stays on the writer
 * (the main connection); each thread takes in the new typo words after
 * another connection's commit, so a word is forgiven a typo as soon as it is
 * searchable, whichever process indexed it.
 */
export class ThreadedSearchIndex implements SearchIndex {
  private readonly writer: Fts5SearchIndex;
  private readonly threads: Thread[] = [];
  private nextId = 1;
  private closed = false;

  constructor(
    db: Db,
    private readonly options: Fts5Options & { threads: number },
  ) {
    this.writer = new Fts5SearchIndex(db, options);
    for (let i = 0; i < Math.max(1, options.threads); i++) this.threads.push(this.spawn(db.name));
  }

  /** Loads each thread's vocabularies in the background; resolves when all are ready. */
  async warm(): Promise<void> {
    await Promise.all(this.threads.map((t) => this.call(t, (id) => ({ kind: "warm", id }))));
  }

  index(doc: StoredDocument): Promise<void> {
    return this.writer.index(doc);
  }

  remove(documentId: string): Promise<void> {
    return this.writer.remove(documentId);
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    return (await this.call(this.leastBusy(), (id) => ({ kind: "search", id, query }))) as SearchResult;
  }

  async matchingWords(q: string, text: string): Promise<string[]> {
    // In a thread: the typo vocabulary lives there, and the words of a long text take a while.
    return (await this.call(this.leastBusy(), (id) => ({ kind: "words", id, q, text }))) as string[];
  }

  private leastBusy(): Thread {
    if (this.closed) throw new Error("the search index is closed");
    return this.threads.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.threads.map((t) => t.worker.terminate()));
  }

  private call(thread: Thread, request: (id: number) => SearchRequest): Promise<SearchResult | string[] | null> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      thread.pending.set(id, { resolve, reject });
      // An idle thread does not keep the process alive; one with work in hand does.
      thread.worker.ref();
      thread.worker.postMessage(request(id));
    });
  }

  private spawn(file: string): Thread {
    const worker = typeScriptWorker(WORKER_URL, {
      workerData: { file, maxRanked: this.options.maxRanked } satisfies SearchThreadData,
      stdout: false,
      stderr: true,
    });
    const thread: Thread = { worker, pending: new Map() };
    worker.on("message", (reply: ThreadReply) => {
      const waiting = thread.pending.get(reply.id);
      if (!waiting) return;
      thread.pending.delete(reply.id);
      if (thread.pending.size === 0) worker.unref();
      if (reply.ok) waiting.resolve(reply.result);
      else waiting.reject(new Error(reply.message));
    });
    const fail = (error: Error) => {
      for (const waiting of thread.pending.values()) waiting.reject(error);
      thread.pending.clear();
    };
    worker.on("error", fail);
    worker.on("exit", (code) => {
      fail(new Error(`a search thread exited (code ${code})`));
      if (this.closed) return;
      // A lost thread is replaced; its searches failed with the error above.
      const i = this.threads.indexOf(thread);
      if (i >= 0) this.threads[i] = this.spawn(file);
    });
    worker.unref();
    return thread;
  }
}
