import { deflateRawSync } from "node:zlib";
import type { Statement } from "better-sqlite3";
import type { StoredDocument } from "../archive/archive.ts";
import { type Db, migrate } from "../archive/database.ts";
import type { RecordType } from "../model.ts";
import { caseKey } from "../understand/diarienummer.ts";
import { chunksOf } from "./chunks.ts";
import { COLUMN_WEIGHTS, planMatch } from "./expression.ts";
import { countFacets, emptyFacets } from "./facets.ts";
import { filterSql, hasFilters, likeEscape, mergeFilters } from "./filters.ts";
import { type Candidate, type ChunkRow, type DocumentGroup, MORE, matcher, presentHits } from "./hits.ts";
import { parseQuery } from "./query.ts";
import { SCHEMA } from "./schema.ts";
import type { SearchIndex, SearchQuery, SearchResult } from "./search-index.ts";
import { fold, indexTerms, tokenize } from "./swedish.ts";
import { isTypoWord, TypoVocabulary } from "./vocabulary.ts";

export interface Fts5Options {
  /**
   * At most this many matching chunks are ranked: a query for a word in most
   * records takes the newest matches with the words in a § title and the
   * newest others (see collect) instead of scoring a million rows (seconds).
   * Default 500.
   */
  maxRanked?: number;
  /** A reader on a read-only connection (a search thread): it neither migrates nor indexes. */
  readOnly?: boolean;
}

/** A search's filters as SQL on the chunk `c`, and the chunk ids a date filter spans. */
interface Where {
  sql: string[];
  params: unknown[];
  window: [number, number] | null;
}

/** When a query has no words, documents of the case (or filter) come in this order: decisions first. */
export const TYPE_ORDER: Record<RecordType, number> = {
  protokoll: 0,
  protokollsutdrag: 1,
  tjansteutlatande: 2,
  bilaga: 3,
  kallelse: 4,
  ovrigt: 5,
};
/**
 * The embedded search engine: FTS5 in the archive's SQLite file, one row per
 * § (or page), with columns for exact words, stems, folded words and compound
 * parts so one bm25 ranks exact forms above inflections above the rest. Hits
 * are grouped by document (one hit per document, its other § in `more`).
 */
export class Fts5SearchIndex implements SearchIndex {
  private readonly vocabulary: TypoVocabulary;
  private readonly maxRanked: number;
  private readonly statements = new Map<string, Statement>();
  /** Distinct folded speaker names, for `talare:`; loaded on first use, kept up to date by index(). */
  private speakerNames: Set<string> | null = null;
  /** SQLite's count of other connections' commits when this one last looked (PRAGMA data_version). */
  private dataVersion = -1;

  constructor(
    private readonly db: Db,
    options: Fts5Options = {},
  ) {
    if (!options.readOnly) migrate(db, "search", SCHEMA);
    db.pragma("temp_store = MEMORY");
    db.exec(`CREATE TEMP TABLE IF NOT EXISTS search_hits (
      id INTEGER PRIMARY KEY, document_id TEXT NOT NULL, type TEXT, body TEXT, date TEXT, score REAL, tier INTEGER)`);
    db.exec("CREATE INDEX IF NOT EXISTS temp.search_hits_document ON search_hits(document_id)");
    this.vocabulary = new TypoVocabulary(db);
    this.maxRanked = options.maxRanked ?? 500;
  }

  async index(doc: StoredDocument): Promise<void> {
    const insert = this.sql(
      `INSERT INTO search_chunks (document_id, paragraph, page, title, text, type, body, body_folded, date, diarienummer)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertFts = this.sql(
      "INSERT INTO search_fts (rowid, title, exact, stems, folded, parts) VALUES (?, ?, ?, ?, ?, ?)",
    );
    const insertTitle = this.sql("INSERT INTO search_titles (rowid, title) VALUES (?, ?)");
    const insertCase = this.sql("INSERT OR IGNORE INTO search_cases (base_key, chunk_id) VALUES (?, ?)");
    const insertPerson = this.sql("INSERT INTO search_people (chunk_id, name, name_folded, party) VALUES (?, ?, ?, ?)");
    // One statement for all the document's words: a call per word cost as much as the rest of indexing.
    const insertWords = this.sql("INSERT OR IGNORE INTO search_words (word) SELECT value FROM json_each(?)");
    const { record } = doc;
    const date = record.meetingDate ?? record.documentDate;
    const chunks = chunksOf(doc).map((chunk) => ({
      chunk,
      terms: indexTerms(`${chunk.title ?? ""}\n${chunk.text}`),
      text: deflateRawSync(Buffer.from(chunk.text)),
    }));
    const words = new Set<string>();
    const speakers = new Set<string>();
    for (const { chunk } of chunks) {
      for (const word of tokenize(`${chunk.title ?? ""} ${chunk.text}`)) if (isTypoWord(word)) words.add(word);
      for (const p of chunk.people) speakers.add(fold(p.name));
    }
    this.db.transaction(() => {
      this.removeSync(doc.id);
      insertWords.run(JSON.stringify([...words]));
      for (const { chunk, terms, text } of chunks) {
        const id = insert.run(
          doc.id,
          chunk.paragraph,
          chunk.page,
          chunk.title,
          text,
          record.type,
          record.body,
          record.body ? fold(record.body) : null,
          date,
          JSON.stringify(chunk.diarienummer),
        ).lastInsertRowid;
        insertFts.run(id, chunk.title ?? "", chunk.text, terms.stems, terms.folded, terms.parts);
        if (chunk.title) insertTitle.run(id, chunk.title);
        for (const dnr of chunk.diarienummer) insertCase.run(caseKey(dnr).base, id);
        for (const p of chunk.people) insertPerson.run(id, p.name, fold(p.name), p.party);
      }
    })();
    this.vocabulary.refresh();
    for (const name of speakers) this.speakerNames?.add(name);
  }

  /**
   * Loads what the first searches would (typo vocabulary, Swedish dictionary,
   * prepared statements, compiled code) so no user waits for it: ~0.5 s at
   * 1,500 records, seconds at 100,000.
   */
  async warm(): Promise<void> {
    for (const q of ["arkivet", "beslut", "budgt", "bud*", '"nämnden beslutar"', "talare:andersson"]) {
      await this.search({ q, limit: 20, offset: 0 });
    }
  }

  /** After another connection's commit (a writer beside this search thread), takes in its new words. */
  private catchUp(): void {
    const version = this.sql("PRAGMA data_version").pluck().get() as number;
    if (version === this.dataVersion) return;
    this.dataVersion = version;
    this.vocabulary.refresh();
  }

  /** Statements are prepared once per SQL text: a search runs the same few each time. */
  private sql(text: string): Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      if (this.statements.size > 200) this.statements.clear();
      this.statements.set(text, statement);
    }
    return statement;
  }

  /** Folded speaker names holding the part typed after `talare:` (a few thousand names: a scan in memory). */
  private speakersLike(part: string): string[] {
    if (!this.speakerNames) {
      this.speakerNames = new Set(this.sql("SELECT DISTINCT name_folded FROM search_people").pluck().all() as string[]);
    }
    const names = [...this.speakerNames].filter((name) => name.includes(part));
    if (names.length > 0) return names;
    // Another connection may have indexed a speaker since: ask the table (an index scan, not a row scan).
    const found = this.sql("SELECT DISTINCT name_folded FROM search_people WHERE name_folded LIKE ? ESCAPE '\\'")
      .pluck()
      .all(likeEscape(part)) as string[];
    for (const name of found) this.speakerNames.add(name);
    return found;
  }

  async remove(documentId: string): Promise<void> {
    this.db.transaction(() => this.removeSync(documentId))();
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    this.catchUp();
    const parsed = parseQuery(query.q);
    const filters = mergeFilters(parsed.filters, query);
    const dnrs = [...parsed.diarienummer, ...(query.dnr ? [query.dnr] : [])].map((d) => caseKey(d).base);
    if (parsed.isEmpty && dnrs.length === 0 && !hasFilters(filters) && !query.body) {
      return { total: 0, hits: [], facets: emptyFacets(), complete: true };
    }
    const plan = planMatch(parsed.groups, parsed.excluded, this.vocabulary);
    const where: Where = {
      ...filterSql(filters, query.body, (part) => this.speakersLike(part)),
      window: this.rowWindow(filters.from, filters.to),
    };

    // Everything below runs synchronously on one connection: the temp table is this search's alone.
    this.sql("DELETE FROM temp.search_hits").run();
    // Every form of the words, then typo corrections (tier 2). Where every match could be
    // ranked, the matches of the words as typed move up to tier 0 with their own score, so
    // exact forms rank above inflections and compound parts however many a long text has.
    let complete = this.collect(plan.main, plan.excluded, dnrs, where, 1, plan.title);
    if (complete && plan.exact && plan.exact !== plan.main) this.promoteExact(plan.exact);
    if (plan.withTypos) complete = this.collect(plan.withTypos, plan.excluded, dnrs, where, 2, plan.title) && complete;
    let total = this.count();
    if (total === 0 && dnrs.length > 0 && plan.exact) {
      // The words are not in the case's documents: the case itself is what the official is after.
      complete = this.collect(null, plan.excluded, dnrs, where, 0);
      total = this.count();
    }
    const page = this.page(query.sort ?? "relevance", query.limit, query.offset);
    return {
      total,
      hits: presentHits(page, this.chunkRows(page), plan.highlight),
      facets: countFacets((sql) => this.sql(sql)),
      complete,
    };
  }

  async matchingWords(q: string, text: string): Promise<string[]> {
    const parsed = parseQuery(q);
    const isMatch = matcher(planMatch(parsed.groups, parsed.excluded, this.vocabulary).highlight);
    return isMatch ? [...new Set(tokenize(text))].filter(isMatch) : [];
  }

  /**
   * The chunk ids a date range spans. Chunks are numbered as they are
   * indexed, mostly in date order, so a word's matches in one year are found
   * by seeking into its doclist there instead of walking every newer match
   * (one year of a million §: 560 ms → a few ms). Records indexed out of date
   * order only widen the window; the date filter itself still decides.
   */
  private rowWindow(from: string | null, to: string | null): [number, number] | null {
    if (!from && !to) return null;
    const row = this.sql("SELECT min(id) AS lo, max(id) AS hi FROM search_chunks WHERE date >= ? AND date <= ?").get(
      from ?? "0000-00-00",
      to ?? "9999-99-99",
    ) as { lo: number | null; hi: number | null };
    return row.lo === null || row.hi === null ? [1, 0] : [row.lo, row.hi];
  }

  /** Moves the collected chunks that hold the words as typed to tier 0, scored on those words alone. */
  private promoteExact(exact: string): void {
    this.sql(
      `UPDATE temp.search_hits SET tier = 0, score = e.score
       FROM (SELECT rowid AS id, bm25(search_fts, ${COLUMN_WEIGHTS.join(", ")}) AS score FROM search_fts
             WHERE search_fts MATCH ? AND rowid IN (SELECT id FROM temp.search_hits)) AS e
       WHERE temp.search_hits.id = e.id`,
    ).run(exact);
  }

  /**
   * Puts matching chunks into temp.search_hits, at most maxRanked of them per
   * tier, with their bm25 score (lower is better). Returns false when cut.
   *
   * bm25 reads every row of every phrase to weigh it (its IDF), which for a
   * word in most records costs more than everything else together. So the
   * newest maxRanked + 1 matches are first taken without a score; only when
   * that is all of them are they ranked by bm25. When there are more, the
   * cheap signal decides: matches with every query word in the § title first
   * (the newest maxRanked of those, whatever their age), then the newest others.
   * With filters other than dates, the walk over the matches joins each to
   * its chunk, and a second walk would double that: one bm25 pass then.
   */
  private collect(
    match: string | null,
    excluded: string | null,
    dnrs: string[],
    where: Where,
    tier: number,
    title: string | null = null,
  ): boolean {
    // A date filter bounds the walk (its row window); other filters may pass few of many matches,
    // and a second walk would double the cost of joining each to its chunk: one bm25 pass then.
    if (match && dnrs.length === 0 && (where.sql.length === 0 || where.window)) {
      const unscored = this.insertHits(match, excluded, dnrs, where, tier, "-1");
      if (unscored <= this.maxRanked) {
        this.sql("DELETE FROM temp.search_hits WHERE tier = ?").run(tier);
        return this.insertHits(match, excluded, dnrs, where, tier, null) <= this.maxRanked;
      }
      if (title && this.insertHits(title, excluded, dnrs, where, tier, "-2", true, !excluded) > 0) {
        // Title matches came in beside the newest: the oldest others make room, so facets read maxRanked rows.
        this.sql(
          `DELETE FROM temp.search_hits WHERE id IN (
             SELECT id FROM temp.search_hits WHERE tier = ? AND score = -1 ORDER BY id
             LIMIT max(0, (SELECT count(*) FROM temp.search_hits WHERE tier = ?) - ?))`,
        ).run(tier, tier, this.maxRanked);
      }
      return false;
    }
    return this.insertHits(match, excluded, dnrs, where, tier, null) <= this.maxRanked;
  }

  /**
   * One INSERT … SELECT into temp.search_hits; returns how many rows it added.
   * `fixedScore` replaces bm25 (and lets a row found again take that score).
   * `titles` matches in search_titles, the § titles alone: a word in nearly
   * every § has a doclist of a million rows in search_fts, read in full to
   * find the few with the word in their title; its title doclist is short.
   */
  private insertHits(
    match: string | null,
    excluded: string | null,
    dnrs: string[],
    where: Where,
    tier: number,
    fixedScore: string | null,
    rescore = false,
    titles = false,
  ): number {
    const fts = titles ? "search_titles" : "search_fts";
    const conditions: string[] = [];
    const params: unknown[] = [];
    let from: string;
    let order = "";
    if (dnrs.length > 0) {
      // A case has a handful of chunks: start from them, then check the words on each.
      from = "search_cases k CROSS JOIN search_chunks c ON c.id = k.chunk_id";
      conditions.push(`k.base_key IN (${dnrs.map(() => "?").join(", ")})`);
      params.push(...dnrs);
    } else if (match) {
      // MATCH first (CROSS JOIN keeps the planner from starting at a filter), newest rowids first.
      from = `${fts} CROSS JOIN search_chunks c ON c.id = ${fts}.rowid`;
      order = `ORDER BY ${fts}.rowid DESC`;
      if (where.window) {
        conditions.push(`${fts}.rowid BETWEEN ? AND ?`);
        params.push(...where.window);
      }
    } else {
      from = "search_chunks c";
      order = "ORDER BY c.date DESC";
    }
    let score = `CASE c.type ${Object.entries(TYPE_ORDER)
      .map(([t, n]) => `WHEN '${t}' THEN ${n}`)
      .join(" ")} ELSE 9 END`;
    if (match) {
      if (dnrs.length > 0) from += ` CROSS JOIN ${fts} ON ${fts}.rowid = c.id`;
      conditions.push(`${fts} MATCH ?`);
      params.push(excluded ? `(${match}) NOT (${excluded})` : match);
      score = fixedScore ?? `bm25(search_fts, ${COLUMN_WEIGHTS.join(", ")})`;
    } else if (excluded) {
      conditions.push("c.id NOT IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ?)");
      params.push(excluded);
    }
    conditions.push(...where.sql);
    params.push(...where.params);
    const sql = `INSERT ${rescore ? "" : "OR IGNORE "}INTO temp.search_hits (id, document_id, type, body, date, score, tier)
      SELECT c.id, c.document_id, c.type, c.body, c.date, ${score}, ${tier}
      FROM ${from} WHERE ${conditions.length ? conditions.join(" AND ") : "true"} ${order} LIMIT ?
      ${rescore ? "ON CONFLICT (id) DO UPDATE SET score = excluded.score WHERE tier = excluded.tier" : ""}`;
    return this.sql(sql).run(...params, this.maxRanked + 1).changes;
  }

  private count(): number {
    return this.sql("SELECT count(DISTINCT document_id) FROM temp.search_hits").pluck().get() as number;
  }

  /** One page of documents in the asked order, each with its matching chunks best first. */
  private page(sort: NonNullable<SearchQuery["sort"]>, limit: number, offset: number): DocumentGroup[] {
    const order = {
      relevance: "tier, score, date IS NULL, date DESC, document_id",
      newest: "date IS NULL, date DESC, tier, score, document_id",
      oldest: "date IS NULL, date ASC, tier, score, document_id",
    }[sort];
    const docs = this.sql(
      `SELECT document_id AS id, min(tier) AS tier, min(score) AS score, max(date) AS date
         FROM temp.search_hits GROUP BY document_id ORDER BY ${order} LIMIT ? OFFSET ?`,
    ).all(limit, offset) as Omit<DocumentGroup, "chunks">[];
    if (docs.length === 0) return [];
    const chunks = this.sql(
      `SELECT id, document_id, type, body, date, score, tier FROM temp.search_hits
         WHERE document_id IN (SELECT value FROM json_each(?)) ORDER BY tier, score, id`,
    ).all(JSON.stringify(docs.map((d) => d.id))) as Candidate[];
    const groups = new Map(docs.map((d) => [d.id, { ...d, chunks: [] as Candidate[] }]));
    for (const c of chunks) groups.get(c.document_id)?.chunks.push(c);
    return [...groups.values()];
  }

  /** The stored rows of the chunks a page shows: each document's best and up to five more. */
  private chunkRows(page: DocumentGroup[]): Map<number, ChunkRow> {
    const ids = page.flatMap((g) => g.chunks.slice(0, MORE + 1).map((c) => c.id));
    if (ids.length === 0) return new Map();
    const rows = this.sql(
      "SELECT id, paragraph, page, title, text, diarienummer FROM search_chunks WHERE id IN (SELECT value FROM json_each(?))",
    ).all(JSON.stringify(ids)) as ChunkRow[];
    return new Map(rows.map((r) => [r.id, r]));
  }

  private removeSync(documentId: string): void {
    const ids = this.sql("SELECT id FROM search_chunks WHERE document_id = ?").pluck().all(documentId) as number[];
    if (ids.length === 0) return;
    const list = JSON.stringify(ids);
    this.sql("DELETE FROM search_fts WHERE rowid IN (SELECT value FROM json_each(?))").run(list);
    this.sql("DELETE FROM search_titles WHERE rowid IN (SELECT value FROM json_each(?))").run(list);
    this.sql("DELETE FROM search_cases WHERE chunk_id IN (SELECT value FROM json_each(?))").run(list);
    this.sql("DELETE FROM search_people WHERE chunk_id IN (SELECT value FROM json_each(?))").run(list);
    this.sql("DELETE FROM search_chunks WHERE document_id = ?").run(documentId);
  }
}
