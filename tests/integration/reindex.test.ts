/**
 * `archive reindex` on the embedded index: the search tables are a
 * projection of the archive, so after they are lost the command brings back
 * exactly the same search results.
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../indexer/archive/database.ts";
import { Fts5SearchIndex } from "../../indexer/search/fts5-index.ts";
import type { SearchResult } from "../../indexer/search/search-index.ts";
import { runCli } from "../helpers/cli.ts";
import { PROTOCOL_LINES } from "../helpers/files.ts";

let dir: string;
let env: Record<string, string>;
const QUERIES = ["klotter", "budgetuppföljning", "dnr:ks-2020/42", "talare:berg", "beslut", "trygghet OR parkering"];

/** Every query's result on a fresh connection to the archive's file. */
async function searchAll(): Promise<Record<string, SearchResult>> {
  const db = openDatabase(join(dir, "data", "archive.sqlite"));
  try {
    const index = new Fts5SearchIndex(db);
    const out: Record<string, SearchResult> = {};
    for (const q of QUERIES) out[q] = await index.search({ q, limit: 20, offset: 0 });
    return out;
  } finally {
    db.close();
  }
}

function sql(statements: string): void {
  const db = openDatabase(join(dir, "data", "archive.sqlite"));
  try {
    db.exec(statements);
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "archive-reindex-"));
  // The embedded index whatever the machine's environment says.
  env = { ARCHIVE_DATA_DIR: join(dir, "data"), MEILI_URL: "", REDIS_URL: "" };
  await mkdir(join(dir, "in"));
  await writeFile(join(dir, "in", "protokoll.txt"), PROTOCOL_LINES.join("\n"));
  await writeFile(
    join(dir, "in", "tjansteutlatande.txt"),
    [
      "Tjänsteutlåtande",
      "Kommunstyrelsen",
      "Datum 2020-02-06",
      "Diarienummer KS 2020/42.142",
      "Uppföljning av trygghetsprogrammet",
      "Förslag till beslut: programmet för trygghet följs upp årligen.",
    ].join("\n"),
  );
  await writeFile(
    join(dir, "in", "kallelse.txt"),
    ["Kallelse", "Tekniska nämnden", "Sammanträdesdatum 2021-04-12", "Ärenden: Parkeringsnorm för Norra Ängby"].join(
      "\n",
    ),
  );
  const ingest = await runCli(["ingest", "--json", join(dir, "in")], env);
  expect(ingest.code, ingest.stderr).toBe(0);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("archive reindex", () => {
  it("rebuilds the embedded index from the archive: the same results as before the tables were lost", async () => {
    const before = await searchAll();
    expect(before.klotter?.hits.length).toBeGreaterThan(0);
    expect(before["dnr:ks-2020/42"]?.total).toBe(2);

    sql(`INSERT INTO search_fts (search_fts) VALUES ('delete-all');
         DELETE FROM search_chunks; DELETE FROM search_cases; DELETE FROM search_people;
         UPDATE documents SET indexed_at = NULL;`);
    const lost = await searchAll();
    for (const q of QUERIES) expect(lost[q]?.total, q).toBe(0);

    const r = await runCli(["reindex"], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^reindexed 3 documents into the embedded FTS5 index in \d+\.\d s\n$/);

    expect(await searchAll()).toEqual(before);
    const db = openDatabase(join(dir, "data", "archive.sqlite"));
    try {
      expect(db.prepare("SELECT count(*) FROM documents WHERE indexed_at IS NULL").pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });

  it("drops what the index holds that the archive does not", async () => {
    sql(`INSERT INTO search_chunks (document_id, paragraph, page, title, text, type, body, body_folded, date, diarienummer)
         VALUES ('gone', 1, NULL, 'Klotter', x'', 'protokoll', NULL, NULL, '2020-01-01', '[]')`);
    const r = await runCli(["reindex"], env);
    expect(r.code, r.stderr).toBe(0);
    const db = openDatabase(join(dir, "data", "archive.sqlite"));
    try {
      expect(db.prepare("SELECT count(*) FROM search_chunks WHERE document_id = 'gone'").pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });

  it("takes no arguments", async () => {
    const r = await runCli(["reindex", "extra"], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("reindex takes no arguments");
  });
});
