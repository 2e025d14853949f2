/**
 * A search thread: a read-only connection to the archive file and its own
 * Fts5SearchIndex reader. Messages: search and words (answered with their
 * id), warm (load vocabularies now).
 */
import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";
import { Fts5SearchIndex } from "./fts5-index.ts";
import type { SearchRequest, SearchThreadData, ThreadReply } from "./search-threads.ts";

const { file, maxRanked } = workerData as SearchThreadData;
const db = new Database(file, { readonly: true, fileMustExist: true });
db.pragma("busy_timeout = 5000");
const index = new Fts5SearchIndex(db, { readOnly: true, ...(maxRanked ? { maxRanked } : {}) });
const port = parentPort;
if (!port) throw new Error("search-worker.ts runs as a worker thread");

port.on("message", (message: SearchRequest) => {
  const work =
    message.kind === "warm"
      ? index.warm().then(() => null)
      : message.kind === "words"
        ? index.matchingWords(message.q, message.text)
        : index.search(message.query);
  work.then(
    (result) => port.postMessage({ id: message.id, ok: true, result } satisfies ThreadReply),
    (error: unknown) =>
      port.postMessage({
        id: message.id,
        ok: false,
        message: error instanceof Error ? error.message : String(error),
      } satisfies ThreadReply),
  );
});
