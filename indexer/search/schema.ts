/**
 * The search index's own tables in the archive's file, one migration per
 * step. The index is a projection of the archive: a step that changes what
 * is indexed drops the old tables and clears `indexed_at`, so start-up
 * indexes every document again.
 */
export const SCHEMA: string[] = [
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
  // v2: Swedish columns (exact, stems, folded, compound parts) in a contentless
  // table; the chunk's text kept deflated for snippets; cases and people as rows.
  `
  DROP TABLE search_fts;
  DROP TABLE search_chunks;
  CREATE TABLE search_chunks (
    id           INTEGER PRIMARY KEY,
    document_id  TEXT NOT NULL,
    paragraph    INTEGER,
    page         INTEGER,
    title        TEXT,
    text         BLOB NOT NULL,
    type         TEXT NOT NULL,
    body         TEXT,
    body_folded  TEXT,
    date         TEXT,
    diarienummer TEXT NOT NULL
  );
  CREATE INDEX search_chunks_document ON search_chunks(document_id);
  CREATE INDEX search_chunks_date ON search_chunks(date);
  CREATE TABLE search_cases (
    base_key TEXT NOT NULL,
    chunk_id INTEGER NOT NULL,
    PRIMARY KEY (base_key, chunk_id)
  ) WITHOUT ROWID;
  CREATE INDEX search_cases_chunk ON search_cases(chunk_id);
  CREATE TABLE search_people (
    chunk_id    INTEGER NOT NULL,
    name        TEXT NOT NULL,
    name_folded TEXT NOT NULL,
    party       TEXT
  );
  CREATE INDEX search_people_chunk ON search_people(chunk_id);
  CREATE VIRTUAL TABLE search_fts USING fts5(
    title, exact, stems, folded, parts,
    content = '', contentless_delete = 1,
    tokenize = "unicode61 remove_diacritics 0",
    prefix = '3'
  );
  UPDATE documents SET indexed_at = NULL;
  `,
  // v3: no prefix index (it was 39% of the FTS5 table and served only prefixes of
  // exactly three letters); speaker names looked up through an index (talare:),
  // not LIKE over every person row. The FTS5 table is contentless, so every
  // document is indexed again.
  `
  DROP TABLE search_fts;
  DELETE FROM search_people;
  DELETE FROM search_cases;
  DELETE FROM search_chunks;
  CREATE VIRTUAL TABLE search_fts USING fts5(
    title, exact, stems, folded, parts,
    content = '', contentless_delete = 1,
    tokenize = "unicode61 remove_diacritics 0"
  );
  CREATE INDEX search_people_name ON search_people(name_folded, chunk_id);
  UPDATE documents SET indexed_at = NULL;
  `,
  // v4: the typo vocabulary as a table, numbered as words arrive, so every
  // connection (search threads, worker processes) can take in new words
  // cheaply; filled once from the FTS5 vocabulary.
  `
  CREATE TABLE search_words (id INTEGER PRIMARY KEY, word TEXT NOT NULL UNIQUE);
  CREATE VIRTUAL TABLE temp.search_words_from USING fts5vocab(main, search_fts, 'col');
  INSERT OR IGNORE INTO search_words (word)
    SELECT term FROM temp.search_words_from
    WHERE col IN ('title', 'exact') AND length(term) >= 5 AND term NOT GLOB '*[0-9]*'
    ORDER BY term;
  DROP TABLE temp.search_words_from;
  `,
  // v5: § titles in an FTS5 table of their own, for the title-first selection
  // of very common words: their doclists in search_fts cover nearly every §.
  `
  CREATE VIRTUAL TABLE search_titles USING fts5(
    title,
    content = '', contentless_delete = 1,
    tokenize = "unicode61 remove_diacritics 0"
  );
  INSERT INTO search_titles (rowid, title) SELECT id, title FROM search_chunks WHERE title IS NOT NULL AND title <> '';
  `,
];
