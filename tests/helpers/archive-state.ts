import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import Database from "better-sqlite3";

/** One stored document as rows, in a form two archives can be compared by (no timestamps, no row ids). */
export interface DocumentState {
  id: string;
  sha256: string;
  indexed: boolean;
  /** The documents row's own columns that come from the file. */
  row: string;
  pages: string[];
  cases: string[];
  people: string[];
  anchors: string[];
  /** Outgoing link rows; `to` is the resolved document or null. */
  links: { to: string | null; rest: string }[];
  /** Search rows: one per § or page, each with how many case, person, FTS5 and title rows it has. */
  chunks: string[];
}

export interface ArchiveState {
  documents: Map<string, DocumentState>;
  jobs: { id: string; sha256: string; status: string; documentId: string | null }[];
  /** Problems the rows show by themselves, whatever the reference: orphans, dangling links, counts that disagree. */
  problems: string[];
}

/**
 * Reads an archive's database as it lies on disk, with a plain connection:
 * nothing of the program runs, so what a crash left is seen before any
 * start-up recovery. SQLite's own WAL recovery does run (any open does).
 */
export function readArchiveState(dataDir: string): ArchiveState {
  const file = join(dataDir, "archive.sqlite");
  const state: ArchiveState = { documents: new Map(), jobs: [], problems: [] };
  if (!existsSync(file)) return state;
  const db = new Database(file, { fileMustExist: true });
  try {
    const tables = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
    const integrity = db.pragma("integrity_check", { simple: true });
    if (integrity !== "ok") state.problems.push(`integrity_check: ${String(integrity)}`);
    const foreign = db.pragma("foreign_key_check") as unknown[];
    if (foreign.length > 0) state.problems.push(`foreign_key_check: ${JSON.stringify(foreign)}`);
    // A migration is one transaction: either no archive tables yet, or all of them.
    if (!tables.has("documents")) return state;
    for (const fts of ["search_fts", "search_titles"]) {
      if (!tables.has(fts)) continue;
      try {
        db.prepare(`INSERT INTO ${fts} (${fts}) VALUES ('integrity-check')`).run();
      } catch (error) {
        state.problems.push(`${fts} integrity-check: ${(error as Error).message}`);
      }
    }
    readDocuments(db, state, tables.has("search_chunks"));
    state.jobs = db
      .prepare("SELECT id, sha256, status, document_id AS documentId FROM jobs ORDER BY id")
      .all() as ArchiveState["jobs"];
    checkRows(db, state, tables.has("search_chunks"));
  } finally {
    db.close();
  }
  return state;
}

function readDocuments(db: Database.Database, state: ArchiveState, searchTables: boolean): void {
  const docs = db
    .prepare(
      `SELECT id, sha256, filename, format, size, pages, type, title, body, body_key, meeting_date, document_date,
              record, sensitive_kinds, indexed_at FROM documents ORDER BY id`,
    )
    .all() as ({ id: string; sha256: string; indexed_at: string | null } & Record<string, unknown>)[];
  const sorted = (sql: string, id: string) =>
    (db.prepare(sql).raw().all(id) as unknown[][]).map((r) => JSON.stringify(r)).sort();
  for (const d of docs) {
    const { indexed_at, ...row } = d;
    const links = (
      db
        .prepare(
          `SELECT to_id AS "to", json_array(from_paragraph, rel, to_paragraph, label, target_key, target_body, target_cases) AS rest
           FROM links WHERE from_id = ?`,
        )
        .all(d.id) as { to: string | null; rest: string }[]
    ).sort((a, b) => a.rest.localeCompare(b.rest) || String(a.to).localeCompare(String(b.to)));
    state.documents.set(d.id, {
      id: d.id,
      sha256: d.sha256,
      indexed: indexed_at !== null,
      row: JSON.stringify(row),
      pages: db.prepare("SELECT text FROM pages WHERE document_id = ? ORDER BY number").pluck().all(d.id) as string[],
      cases: sorted(
        "SELECT paragraph, canonical, full_key, base_key, written FROM case_numbers WHERE document_id = ?",
        d.id,
      ),
      people: sorted("SELECT paragraph, kind, name, party, role FROM people WHERE document_id = ?", d.id),
      anchors: sorted("SELECT key, body, cases FROM anchors WHERE document_id = ?", d.id),
      links,
      chunks: searchTables
        ? sorted(
            `SELECT c.paragraph, c.page, c.title, c.type, c.body, c.date, c.diarienummer,
                    (SELECT count(*) FROM search_cases s WHERE s.chunk_id = c.id),
                    (SELECT count(*) FROM search_people p WHERE p.chunk_id = c.id),
                    (SELECT count(*) FROM search_fts f WHERE f.rowid = c.id),
                    (SELECT count(*) FROM search_titles t WHERE t.rowid = c.id)
             FROM search_chunks c WHERE c.document_id = ?`,
            d.id,
          )
        : [],
    });
  }
}

/** What must hold in any archive, crashed or not. */
function checkRows(db: Database.Database, state: ArchiveState, searchTables: boolean): void {
  const count = (sql: string) => db.prepare(sql).pluck().get() as number;
  const problem = (what: string, n: number) => {
    if (n !== 0) state.problems.push(`${what}: ${n}`);
  };
  problem(
    "documents without pages",
    count("SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM pages p WHERE p.document_id = d.id)"),
  );
  problem(
    "documents whose page count disagrees with their pages",
    count(
      "SELECT count(*) FROM documents d WHERE d.pages != (SELECT count(*) FROM pages p WHERE p.document_id = d.id)",
    ),
  );
  problem(
    "links to a missing document",
    count("SELECT count(*) FROM links WHERE to_id IS NOT NULL AND to_id NOT IN (SELECT id FROM documents)"),
  );
  problem(
    "duplicate case rows",
    count(
      "SELECT count(*) FROM (SELECT 1 FROM case_numbers GROUP BY document_id, paragraph, canonical HAVING count(*) > 1)",
    ),
  );
  problem(
    "duplicate anchors",
    count("SELECT count(*) FROM (SELECT 1 FROM anchors GROUP BY document_id, key, body, cases HAVING count(*) > 1)"),
  );
  problem(
    "jobs completed without their document",
    count("SELECT count(*) FROM jobs WHERE status = 'completed' AND document_id NOT IN (SELECT id FROM documents)"),
  );
  // None of the batch's files is refused: a failure here is one a crash caused.
  for (const job of db.prepare("SELECT file, error FROM jobs WHERE status = 'failed'").all() as {
    file: string;
    error: string | null;
  }[]) {
    state.problems.push(`job failed: ${job.file}: ${job.error}`);
  }
  if (!searchTables) return;
  problem(
    "search rows of no document",
    count("SELECT count(*) FROM search_chunks WHERE document_id NOT IN (SELECT id FROM documents)"),
  );
  problem(
    "case search rows of no search row",
    count("SELECT count(*) FROM search_cases WHERE chunk_id NOT IN (SELECT id FROM search_chunks)"),
  );
  problem(
    "person search rows of no search row",
    count("SELECT count(*) FROM search_people WHERE chunk_id NOT IN (SELECT id FROM search_chunks)"),
  );
  problem(
    "indexed documents without search rows",
    count(
      "SELECT count(*) FROM documents d WHERE indexed_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM search_chunks c WHERE c.document_id = d.id)",
    ),
  );
  problem(
    "search rows without their FTS5 row",
    count("SELECT count(*) FROM search_chunks c WHERE NOT EXISTS (SELECT 1 FROM search_fts f WHERE f.rowid = c.id)"),
  );
  // The FTS5 tables are contentless: their rows are counted against the chunk rows they index.
  const chunks = count("SELECT count(*) FROM search_chunks");
  const fts = count("SELECT count(*) FROM search_fts");
  if (fts !== chunks) state.problems.push(`search_fts has ${fts} rows for ${chunks} search rows`);
  const titled = count("SELECT count(*) FROM search_chunks WHERE title IS NOT NULL AND title <> ''");
  const titles = count("SELECT count(*) FROM search_titles");
  if (titles !== titled) state.problems.push(`search_titles has ${titles} rows for ${titled} titled search rows`);
}

export interface OriginalsState {
  /** sha256 → true when the file's bytes hash to its name. */
  files: Map<string, boolean>;
  /** Temporary names a write in progress left (`<sha256>.<uuid>.tmp`): never read as originals. */
  temporary: string[];
  /** Anything else under originals/. */
  strays: string[];
}

export async function readOriginals(dataDir: string): Promise<OriginalsState> {
  const state: OriginalsState = { files: new Map(), temporary: [], strays: [] };
  const root = join(dataDir, "originals");
  if (!existsSync(root)) return state;
  for (const prefix of await readdir(root)) {
    for (const name of await readdir(join(root, prefix))) {
      const path = join(root, prefix, name);
      if (/^[0-9a-f]{64}\.[0-9a-f-]{36}\.tmp$/.test(name)) state.temporary.push(path);
      else if (/^[0-9a-f]{64}$/.test(name) && name.startsWith(prefix)) {
        state.files.set(
          name,
          createHash("sha256")
            .update(await readFile(path))
            .digest("hex") === name,
        );
      } else state.strays.push(path);
    }
  }
  return state;
}
