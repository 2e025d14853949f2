/**
 * The archive's SQLite schema. One file holds documents, their pages, case
 * numbers, people, links, search chunks and jobs; `user_version` says which
 * migration last ran, so an older archive is upgraded in place at open.
 */
export const MIGRATIONS: string[] = [
  `
  CREATE TABLE documents (
    id            TEXT PRIMARY KEY,
    sha256        TEXT NOT NULL UNIQUE,
    filename      TEXT NOT NULL,
    format        TEXT NOT NULL,
    size          INTEGER NOT NULL,
    pages         INTEGER NOT NULL,
    type          TEXT NOT NULL,
    title         TEXT,
    body          TEXT,
    meeting_date  TEXT,
    document_date TEXT,
    date          TEXT GENERATED ALWAYS AS (coalesce(meeting_date, document_date)) VIRTUAL,
    record        TEXT NOT NULL,
    ingested_at   TEXT NOT NULL,
    indexed_at    TEXT
  );
  CREATE INDEX documents_date ON documents(date);
  CREATE INDEX documents_unindexed ON documents(id) WHERE indexed_at IS NULL;

  CREATE TABLE pages (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    number      INTEGER NOT NULL,
    text        TEXT NOT NULL,
    PRIMARY KEY (document_id, number)
  ) WITHOUT ROWID;

  CREATE TABLE case_numbers (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    paragraph   INTEGER,
    canonical   TEXT NOT NULL,
    full_key    TEXT NOT NULL,
    base_key    TEXT NOT NULL,
    written     TEXT NOT NULL
  );
  CREATE INDEX case_numbers_base ON case_numbers(base_key);
  CREATE INDEX case_numbers_document ON case_numbers(document_id);

  CREATE TABLE people (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    paragraph   INTEGER,
    kind        TEXT NOT NULL,
    name        TEXT NOT NULL,
    party       TEXT,
    role        TEXT
  );
  CREATE INDEX people_document ON people(document_id);
  CREATE INDEX people_name ON people(name COLLATE NOCASE);

  CREATE TABLE links (
    id             INTEGER PRIMARY KEY,
    from_id        TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    from_paragraph INTEGER,
    rel            TEXT NOT NULL,
    to_id          TEXT REFERENCES documents(id) ON DELETE SET NULL,
    to_paragraph   INTEGER,
    label          TEXT,
    target_key     TEXT NOT NULL,
    target_body    TEXT
  );
  CREATE INDEX links_target ON links(target_key) WHERE to_id IS NULL;

  CREATE TABLE anchors (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    key         TEXT NOT NULL,
    body        TEXT
  );
  CREATE INDEX anchors_key ON anchors(key);
  CREATE INDEX links_from ON links(from_id);
  CREATE INDEX links_to ON links(to_id);

  CREATE TABLE jobs (
    id          TEXT PRIMARY KEY,
    file        TEXT NOT NULL,
    sha256      TEXT NOT NULL,
    status      TEXT NOT NULL,
    document_id TEXT,
    error       TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
  );
  `,
  // Case numbers beside link keys, so records of two municipalities on one day are told apart.
  `
  ALTER TABLE anchors ADD COLUMN cases TEXT NOT NULL DEFAULT '[]';
  ALTER TABLE links ADD COLUMN target_cases TEXT NOT NULL DEFAULT '[]';
  `,
  // Meetings: a body's records of one day, found by the body's normalized name and the date.
  `
  ALTER TABLE documents ADD COLUMN body_key TEXT;
  UPDATE documents SET body_key = normalize_body(body) WHERE body IS NOT NULL;
  CREATE INDEX documents_meeting ON documents(body_key, meeting_date) WHERE meeting_date IS NOT NULL;
  CREATE INDEX documents_meetings_newest ON documents(meeting_date DESC, body_key)
    WHERE meeting_date IS NOT NULL AND body_key IS NOT NULL;
  `,
  // Why a job failed, as the stable rejection code, so the web UI can explain it in Swedish.
  `
  ALTER TABLE jobs ADD COLUMN error_code TEXT;
  `,
  // The kinds of sensitive content a document holds (JSON), for search hits' tags; NULL until
  // computed, so documents stored before this get theirs from their pages when first asked.
  `
  ALTER TABLE documents ADD COLUMN sensitive_kinds TEXT;
  `,
  // Who was handed which originals (exports of a case, single downloads), for public-records requests.
  `
  CREATE TABLE audit_log (
    id     INTEGER PRIMARY KEY,
    at     TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('export', 'download')),
    actor  TEXT NOT NULL,
    detail TEXT NOT NULL
  );
  `,
  // Who may do what: API tokens (stored only as SHA-256 hashes of their secrets) with a role,
  // web sessions signed in with one, and an audit log that also records token and sign-in events.
  `
  CREATE TABLE api_tokens (
    id           TEXT PRIMARY KEY,
    name         TEXT NOT NULL,
    role         TEXT NOT NULL CHECK (role IN ('reader', 'editor', 'admin')),
    secret_hash  TEXT NOT NULL UNIQUE,
    created_at   TEXT NOT NULL,
    revoked_at   TEXT,
    last_used_at TEXT
  );

  CREATE TABLE sessions (
    id_hash         TEXT PRIMARY KEY,
    token_id        TEXT REFERENCES api_tokens(id) ON DELETE CASCADE,
    env_token_hash  TEXT,
    created_at      TEXT NOT NULL,
    expires_at      TEXT NOT NULL,
    CHECK ((token_id IS NULL) <> (env_token_hash IS NULL))
  );
  CREATE INDEX sessions_expiry ON sessions(expires_at);

  CREATE TABLE audit_log_v2 (
    id     INTEGER PRIMARY KEY,
    at     TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN (
      'export', 'download', 'token-create', 'token-revoke', 'sign-in', 'sign-in-refused', 'sign-out'
    )),
    actor  TEXT NOT NULL,
    detail TEXT NOT NULL
  );
  INSERT INTO audit_log_v2 (id, at, action, actor, detail) SELECT id, at, action, actor, detail FROM audit_log;
  DROP TABLE audit_log;
  ALTER TABLE audit_log_v2 RENAME TO audit_log;
  `,
  // OCR of scanned pages: where each document's stands (JSON beside the status: pages read, their
  // confidence, why partial), and a job's kind, since OCR runs as jobs of its own. PDFs stored
  // before this are 'unchecked' until start-up looks at their pages for scans.
  `
  ALTER TABLE documents ADD COLUMN ocr_status TEXT NOT NULL DEFAULT 'none';
  ALTER TABLE documents ADD COLUMN ocr TEXT;
  UPDATE documents SET ocr_status = 'unchecked' WHERE format = 'pdf';
  CREATE INDEX documents_ocr_waiting ON documents(ocr_status) WHERE ocr_status IN ('pending', 'needed', 'unchecked');
  ALTER TABLE jobs ADD COLUMN kind TEXT NOT NULL DEFAULT 'ingest';
  `,
];
