import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../indexer/archive/database.ts";
import { Fts5SearchIndex } from "../../indexer/search/fts5-index.ts";
import { ThreadedSearchIndex } from "../../indexer/search/search-threads.ts";
import { describeSearchBehaviour } from "../search/behaviour.ts";
import { buildDocument } from "../search/corpus.ts";

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

// The server's arrangement: the writer on the main connection, searches in
// two threads on read-only connections that learn new words from the writer.
describeSearchBehaviour("embedded FTS5 in search threads", async () => {
  const dir = await mkdtemp(join(tmpdir(), "search-fts5-threads-"));
  const db = openDatabase(join(dir, "archive.sqlite"));
  const index = new ThreadedSearchIndex(db, { threads: 2 });
  await index.warm();
  return {
    index,
    async close() {
      await index.close();
      db.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});

describe("embedded FTS5 beyond the shared behaviour", () => {
  const open = async () => {
    const dir = await mkdtemp(join(tmpdir(), "search-fts5-"));
    const db = openDatabase(join(dir, "archive.sqlite"));
    const close = async () => {
      db.close();
      await rm(dir, { recursive: true, force: true });
    };
    return { db, close };
  };
  const query = (q: string) => ({ q, limit: 20, offset: 0 });

  it("puts title matches first when a word has more matches than it ranks", async () => {
    const { db, close } = await open();
    const index = new Fts5SearchIndex(db, { maxRanked: 3 });
    const doc = (id: string, title: string, date: string) =>
      buildDocument({ id, date, paragraphs: [{ number: 1, title, text: "Nämnden beslutar om snöröjning i år." }] });
    await index.index(doc("old-title", "Snöröjning vintern", "2010-01-01"));
    for (let i = 0; i < 6; i++) await index.index(doc(`body${i}`, "Övriga frågor", `2020-01-0${i + 1}`));
    const result = await index.search(query("snöröjning"));
    expect(result.complete).toBe(false);
    expect(result.hits[0]?.documentId).toBe("old-title");
    expect(result.total).toBeLessThanOrEqual(4);
    expect((await index.search(query("snöröjning vintern"))).hits.map((h) => h.documentId)).toEqual(["old-title"]);
    await close();
  });

  it("finds a speaker another connection indexed", async () => {
    const { db, close } = await open();
    const reader = new Fts5SearchIndex(db);
    const writer = new Fts5SearchIndex(db);
    const speaker = (name: string) => [{ name, party: "S", role: null }];
    const doc = (id: string, name: string) =>
      buildDocument({ id, paragraphs: [{ number: 1, title: "Motion", text: "Yrkande.", speakers: speaker(name) }] });
    await reader.index(doc("first", "Anna Åberg"));
    expect((await reader.search(query("talare:aberg"))).hits.map((h) => h.documentId)).toEqual(["first"]);
    await writer.index(doc("second", "Bo Öst"));
    expect((await reader.search(query('talare:"bo ost"'))).hits.map((h) => h.documentId)).toEqual(["second"]);
    await close();
  });

  it("forgives a typo in a word that another process indexed after the search threads started", async () => {
    const dir = await mkdtemp(join(tmpdir(), "search-fts5-"));
    const file = join(dir, "archive.sqlite");
    const db = openDatabase(file);
    const threaded = new ThreadedSearchIndex(db, { threads: 1 });
    await threaded.index(buildDocument({ id: "before", paragraphs: [{ number: 1, title: "Budget", text: "Text." }] }));
    await threaded.warm();
    // Another connection, as a worker process or a CLI ingest beside the server would have.
    const other = openDatabase(file);
    await new Fts5SearchIndex(other).index(
      buildDocument({ id: "later", paragraphs: [{ number: 2, title: "Snöröjningsplanen", text: "Text." }] }),
    );
    const found = await threaded.search(query("snöröjningsplamen"));
    expect(found.hits.map((h) => h.documentId)).toEqual(["later"]);
    other.close();
    await threaded.close();
    db.close();
    await rm(dir, { recursive: true, force: true });
  });
});
