import type { Logger } from "pino";
import type { Archive, StoredDocument } from "../archive/archive.ts";
import type { Db } from "../archive/database.ts";
import type { Config } from "../config.ts";
import { Fts5SearchIndex } from "./fts5-index.ts";
import { rebuildFts5 } from "./fts5-rebuild.ts";
import { MeiliSearchIndex } from "./meili-index.ts";
import type { SearchIndex } from "./search-index.ts";
import { ThreadedSearchIndex } from "./search-threads.ts";

/** The configured engine behind the search port, and what only an operator asks of it. */
export interface SearchEngine {
  name: "fts5" | "meilisearch";
  /**
   * Empties the index and indexes the documents again (`archive reindex`);
   * `onSent` as each is handed to the engine. Resolves with the ids now
   * searchable.
   */
  rebuild(docs: Iterable<StoredDocument>, onSent: (id: string) => void): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * Meilisearch when MEILI_URL is set, else the embedded FTS5 index in the
 * archive's file (its searches in `threads` worker threads when above 0).
 */
export async function openSearchEngine(
  config: Config,
  db: Db,
  archive: Archive,
  logger: Logger,
  threads: number,
): Promise<{ search: SearchIndex; engine: SearchEngine }> {
  if (config.meiliUrl) {
    const meili = await MeiliSearchIndex.open({ host: config.meiliUrl, apiKey: config.meiliMasterKey });
    const chunks = await meili.chunkCount();
    logger.debug({ index: meili.uid, chunks }, "searching with Meilisearch");
    if (chunks === 0 && archive.list(1, 0).total > 0) {
      logger.warn(
        { index: meili.uid },
        "the Meilisearch index is empty but the archive is not: run `npm run --silent archive -- reindex`",
      );
    }
    const engine: SearchEngine = {
      name: "meilisearch",
      rebuild: (docs, onSent) => meili.rebuild(docs, onSent),
      close: async () => {},
    };
    return { search: meili, engine };
  }
  const threaded = threads > 0 ? new ThreadedSearchIndex(db, { threads }) : null;
  const search = threaded ?? new Fts5SearchIndex(db);
  threaded?.warm().then(
    () => logger.debug({ threads }, "search threads ready"),
    (error: unknown) => logger.error({ err: error }, "a search thread failed to start"),
  );
  const engine: SearchEngine = {
    name: "fts5",
    rebuild: (docs, onSent) => rebuildFts5(db, search, docs, onSent),
    close: async () => {
      await threaded?.close();
    },
  };
  return { search, engine };
}
