import type { StoredDocument } from "../archive/archive.ts";
import type { Db } from "../archive/database.ts";
import type { SearchIndex } from "./search-index.ts";

/**
 * Empties the FTS5 index's tables and indexes the documents again, one by
 * one through the index itself (so the typo vocabulary and speaker names
 * learn them too). Searches meanwhile see the index fill up.
 */
export async function rebuildFts5(
  db: Db,
  index: SearchIndex,
  docs: Iterable<StoredDocument>,
  onIndexed: (id: string) => void,
): Promise<string[]> {
  db.transaction(() => {
    // search_fts is contentless: 'delete-all' is how such a table is emptied.
    db.prepare("INSERT INTO search_fts (search_fts) VALUES ('delete-all')").run();
    db.prepare("INSERT INTO search_titles (search_titles) VALUES ('delete-all')").run();
    db.exec("DELETE FROM search_people; DELETE FROM search_cases; DELETE FROM search_chunks;");
  })();
  const done: string[] = [];
  for (const doc of docs) {
    await index.index(doc);
    onIndexed(doc.id);
    done.push(doc.id);
  }
  return done;
}
