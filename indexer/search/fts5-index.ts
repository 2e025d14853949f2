import type { StoredDocument } from "../archive/archive.ts";
import { type Db, migrate } from "../archive/database.ts";
import type { RecordType } from "../model.ts";
import { canonicalize, caseKey } from "../understand/diarienummer.ts";
import { parseQuery } from "./query.ts";
import type { Facets, SearchHit, SearchIndex, SearchQuery, SearchResult } from "./search-index.ts";
import { MARK_END, MARK_START, markedSnippetToHtml, stripControls } from "./snippet.ts";

const SCHEMA = [
  `
  CREATE TABLE search_chunks (
    id          INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL,
    paragraph   INTEGER,
    title       TEXT,
    text        TEXT NOT NULL,
    type        TEXT NOT NULL,
    body        TEXT,
    date        TEXT,
    diarienummer TEXT NOT NULL,
    case_keys   TEXT NOT NULL,
    speakers    TEXT NOT NULL,
    parties     TEXT NOT NULL
  );
  CREATE INDEX search_chunks_document ON search_chunks(document_id);
  CREATE INDEX search_chunks_date ON search_chunks(date);
  CREATE VIRTUAL TABLE search_fts USING fts5(
    title, text, content='search_chunks', content_rowid='id',
    tokenize = "unicode61 remove_diacritics 0"
  );
  `,
];

interface Chunk {
  paragraph: number | null;
  title: string | null;
  text: string;
  diarienummer: string[];
  speakers: string[];
  parties: string[];
}

interface HitRow {
  document_id: string;
  paragraph: number | null;
  title: string | null;
  type: RecordType;
  body: string | null;
  date: string | null;
  diarienummer: string;
  snippet: string | null;
  text: string;
}

/**
 * The embedded search engine: FTS5 in the archive's SQLite file, one row per
 * § (or per page for records without paragraphs), so a hit names its §.
 */
export class Fts5SearchIndex implements SearchIndex {
  constructor(private readonly db: Db) {
    migrate(db, "search", SCHEMA);
  }

  async index(doc: StoredDocument): Promise<void> {
    const insert = this.db.prepare(
      `INSERT INTO search_chunks (document_id, paragraph, title, text, type, body, date, diarienummer, case_keys, speakers, parties)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertFts = this.db.prepare("INSERT INTO search_fts (rowid, title, text) VALUES (?, ?, ?)");
    const { record } = doc;
    const date = record.meetingDate ?? record.documentDate;
    this.db.transaction(() => {
      this.removeSync(doc.id);
      for (const chunk of chunksOf(doc)) {
        const keys = [...new Set(chunk.diarienummer.map((d) => caseKey(d).base))];
        const result = insert.run(
          doc.id,
          chunk.paragraph,
          chunk.title,
          chunk.text,
          record.type,
          record.body,
          date,
          JSON.stringify(chunk.diarienummer),
          JSON.stringify(keys),
          JSON.stringify(chunk.speakers),
          JSON.stringify(chunk.parties),
        );
        insertFts.run(result.lastInsertRowid, chunk.title ?? "", chunk.text);
      }
    })();
  }

  async remove(documentId: string): Promise<void> {
    this.db.transaction(() => this.removeSync(documentId))();
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    const parsed = parseQuery(query.q);
    const where: string[] = [];
    const params: unknown[] = [];
    const filter = (sql: string, value: unknown) => {
      where.push(sql);
      params.push(value);
    };
    if (parsed.match) filter("search_fts MATCH ?", parsed.match);
    const dnrs = [...parsed.diarienummer, ...(query.dnr ? [canonicalize(query.dnr) ?? query.dnr] : [])];
    for (const dnr of dnrs) filter("EXISTS (SELECT 1 FROM json_each(c.case_keys) WHERE value = ?)", caseKey(dnr).base);
    if (query.type) filter("c.type = ?", query.type);
    if (query.body) filter("c.body = ? COLLATE NOCASE", query.body);
    if (query.from) filter("c.date >= ?", query.from);
    if (query.to) filter("c.date <= ?", query.to);
    if (query.speaker)
      filter("EXISTS (SELECT 1 FROM json_each(c.speakers) WHERE value = ? COLLATE NOCASE)", query.speaker);
    if (query.party) filter("EXISTS (SELECT 1 FROM json_each(c.parties) WHERE value = ? COLLATE NOCASE)", query.party);
    if (parsed.isEmpty && dnrs.length === 0 && where.length === 0) {
      return { total: 0, hits: [], facets: { type: {}, body: {}, year: {} } };
    }

    const from = parsed.match ? "search_fts CROSS JOIN search_chunks c ON c.id = search_fts.rowid" : "search_chunks c";
    const whereSql = where.length ? `WHERE ${where.join(" AND ")}` : "";
    const order =
      query.sort === "newest" || (!parsed.match && query.sort !== "oldest")
        ? "c.date IS NULL, c.date DESC, c.id"
        : query.sort === "oldest"
          ? "c.date IS NULL, c.date ASC, c.id"
          : "bm25(search_fts, 4.0, 1.0), c.date DESC";
    const snippet = parsed.match ? `snippet(search_fts, 1, '${MARK_START}', '${MARK_END}', '…', 24)` : "NULL";

    const total = (this.db.prepare(`SELECT count(*) AS n FROM ${from} ${whereSql}`).get(...params) as { n: number }).n;
    const rows = this.db
      .prepare(
        `SELECT c.document_id, c.paragraph, c.title, c.type, c.body, c.date, c.diarienummer, ${snippet} AS snippet,
                substr(c.text, 1, 240) AS text
         FROM ${from} ${whereSql} ORDER BY ${order} LIMIT ? OFFSET ?`,
      )
      .all(...params, query.limit, query.offset) as HitRow[];
    return { total, hits: rows.map(toHit), facets: this.facets(from, whereSql, params) };
  }

  private facets(from: string, whereSql: string, params: unknown[]): Facets {
    const count = (expression: string) => {
      const rows = this.db
        .prepare(
          `SELECT ${expression} AS value, count(DISTINCT c.document_id) AS n FROM ${from} ${whereSql}
           GROUP BY value HAVING value IS NOT NULL ORDER BY n DESC, value LIMIT 50`,
        )
        .all(...params) as { value: string; n: number }[];
      return Object.fromEntries(rows.map((r) => [r.value, r.n]));
    };
    return { type: count("c.type"), body: count("c.body"), year: count("substr(c.date, 1, 4)") };
  }

  private removeSync(documentId: string): void {
    const rows = this.db.prepare("SELECT id, title, text FROM search_chunks WHERE document_id = ?").all(documentId) as {
      id: number;
      title: string | null;
      text: string;
    }[];
    const deleteFts = this.db.prepare(
      "INSERT INTO search_fts (search_fts, rowid, title, text) VALUES ('delete', ?, ?, ?)",
    );
    for (const row of rows) deleteFts.run(row.id, row.title ?? "", row.text);
    this.db.prepare("DELETE FROM search_chunks WHERE document_id = ?").run(documentId);
  }
}

function toHit(row: HitRow): SearchHit {
  const snippet = row.snippet ?? row.text;
  return {
    documentId: row.document_id,
    paragraph: row.paragraph,
    title: row.title,
    type: row.type,
    body: row.body,
    date: row.date,
    diarienummer: JSON.parse(row.diarienummer) as string[],
    snippet: markedSnippetToHtml(snippet),
  };
}

/** One chunk per §; records without paragraphs get one per page. */
function chunksOf(doc: StoredDocument): Chunk[] {
  const { record } = doc;
  if (record.paragraphs.length === 0) {
    return doc.pages.map((text) => ({
      paragraph: null,
      title: record.title,
      text: stripControls(text),
      diarienummer: record.diarienummer,
      speakers: [],
      parties: [],
    }));
  }
  const header = doc.pages[0] ?? "";
  const firstParagraphStart = header.search(/§\s*\d/);
  // A case named in a § is found through that §; the header keeps only cases no § names.
  const inParagraphs = new Set(record.paragraphs.flatMap((p) => p.diarienummer));
  const chunks: Chunk[] = [
    {
      paragraph: null,
      title: record.title,
      text: stripControls(firstParagraphStart > 0 ? header.slice(0, firstParagraphStart) : header),
      diarienummer: record.diarienummer.filter((d) => !inParagraphs.has(d)),
      speakers: [],
      parties: [],
    },
  ];
  for (const p of record.paragraphs) {
    const people = [...p.speakers, ...p.reservations, ...p.notes];
    chunks.push({
      paragraph: p.number,
      title: p.title,
      text: stripControls(p.text),
      diarienummer: p.diarienummer,
      speakers: [...new Set(people.map((s) => s.name))],
      parties: [...new Set(people.flatMap((s) => (s.party ? [s.party] : [])))],
    });
  }
  return chunks;
}
