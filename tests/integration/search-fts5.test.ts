import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "../../indexer/archive/database.ts";
import { Fts5SearchIndex } from "../../indexer/search/fts5-index.ts";
import { describeSearchBehaviour } from "../search/behaviour.ts";

describeSearchBehaviour("embedded FTS5", async () => {
  const dir = await mkdtemp(join(tmpdir(), "search-fts5-"));
  const db = openDatabase(join(dir, "archive.sqlite"));
  return {
    index: new Fts5SearchIndex(db),
    async close() {
      db.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});
