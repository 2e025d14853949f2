import type { Statement } from "better-sqlite3";
import { anchorsOf, compatible, targetsOf } from "../links.ts";
import type { Link, LinkRel, OcrState, OcrStatus, Person, RecordData, RecordType, SensitiveKind } from "../model.ts";
import { canonicalize, caseKey } from "../understand/diarienummer.ts";
import { findSensitive, sensitiveKinds } from "../understand/sensitive.ts";
import type {
  Archive,
  CaseEntry,
  DocumentSummary,
  Meeting,
  MeetingSummary,
  NewDocument,
  OcrCandidate,
  Page,
  StoredDocument,
} from "./archive.ts";
import type { Db } from "./database.ts";
import { SqliteMeetings } from "./sqlite-meetings.ts";

interface DocumentRow {
  id: string;
  sha256: string;
  filename: string;
  format: StoredDocument["format"];
  size: number;
  type: RecordType;
  title: string | null;
  body: string | null;
  date: string | null;
  record: string;
  ingested_at: string;
  ocr_status: OcrStatus;
  ocr: string | null;
}

interface LinkRow {
  rel: LinkRel;
  other: string | null;
  paragraph: number | null;
  label: string | null;
}

/**
 * Incoming links seen from the other side. An extract naming a bilaga does not
 * make the bilaga belong to the extract: it belongs to the protokoll.
 */
const REVERSED: Partial<Record<LinkRel, LinkRel>> = { "attached-to": "attachment", attachment: "attached-to" };

/** The embedded archive store: one SQLite file, every write one transaction. */
export class SqliteArchive implements Archive {
  private readonly statements: Record<string, Statement>;
  private readonly meetingStore: SqliteMeetings;

  constructor(private readonly db: Db) {
    this.meetingStore = new SqliteMeetings(db);
    this.statements = {
      bySha: db.prepare("SELECT id FROM documents WHERE sha256 = ?"),
      insertDocument: db.prepare(
        `INSERT INTO documents (id, sha256, filename, format, size, pages, type, title, body, body_key, meeting_date, document_date, record, ingested_at, sensitive_kinds, ocr_status, ocr)
         VALUES (@id, @sha256, @filename, @format, @size, @pages, @type, @title, @body, normalize_body(@body), @meetingDate, @documentDate, @record, @ingestedAt, @sensitiveKinds, @ocrStatus, @ocr)`,
      ),
      insertPage: db.prepare("INSERT INTO pages (document_id, number, text) VALUES (?, ?, ?)"),
      insertCase: db.prepare(
        "INSERT INTO case_numbers (document_id, paragraph, canonical, full_key, base_key, written) VALUES (?, ?, ?, ?, ?, ?)",
      ),
      insertPerson: db.prepare(
        "INSERT INTO people (document_id, paragraph, kind, name, party, role) VALUES (?, ?, ?, ?, ?, ?)",
      ),
      insertAnchor: db.prepare("INSERT INTO anchors (document_id, key, body, cases) VALUES (?, ?, ?, ?)"),
      insertLink: db.prepare(
        `INSERT INTO links (from_id, from_paragraph, rel, to_id, to_paragraph, label, target_key, target_body, target_cases)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      anchorsByKey: db.prepare("SELECT document_id AS id, body, cases FROM anchors WHERE key = ? AND document_id != ?"),
      unresolvedByKey: db.prepare(
        "SELECT id, target_body AS body, target_cases AS cases FROM links WHERE to_id IS NULL AND target_key = ? AND from_id != ?",
      ),
      resolveLink: db.prepare("UPDATE links SET to_id = ? WHERE id = ?"),
      get: db.prepare("SELECT * FROM documents WHERE id = ?"),
      pages: db.prepare("SELECT text FROM pages WHERE document_id = ? ORDER BY number"),
      count: db.prepare("SELECT count(*) AS n FROM documents"),
      list: db.prepare(
        "SELECT id, filename, type, title, body, date, record FROM documents ORDER BY date DESC, id LIMIT ? OFFSET ?",
      ),
      outgoing: db.prepare(
        "SELECT rel, to_id AS other, coalesce(to_paragraph, from_paragraph) AS paragraph, label FROM links WHERE from_id = ? ORDER BY id",
      ),
      incoming: db.prepare(
        `SELECT l.rel, l.from_id AS other, coalesce(l.to_paragraph, l.from_paragraph) AS paragraph, l.label
         FROM links l JOIN documents d ON d.id = l.from_id
         WHERE l.to_id = ? AND d.type != 'protokollsutdrag' ORDER BY l.id`,
      ),
      caseEntries: db.prepare(
        `SELECT d.id, d.type, d.title, d.body, d.date, c.paragraph
         FROM case_numbers c JOIN documents d ON d.id = c.document_id
         WHERE c.base_key = ?
         GROUP BY d.id, c.paragraph
         ORDER BY d.date IS NULL, d.date, d.id, c.paragraph`,
      ),
      unindexed: db.prepare("SELECT id FROM documents WHERE indexed_at IS NULL"),
      markIndexed: db.prepare("UPDATE documents SET indexed_at = ? WHERE id = ?"),
      allIds: db.prepare("SELECT id FROM documents ORDER BY id"),
      sensitiveKinds: db.prepare("SELECT sensitive_kinds AS kinds FROM documents WHERE id = ?"),
      ingestedAt: db.prepare("SELECT ingested_at AS at FROM documents WHERE id = ?"),
      deleteDocument: db.prepare("DELETE FROM documents WHERE id = ?"),
      setOcr: db.prepare("UPDATE documents SET ocr_status = ?, ocr = ? WHERE id = ?"),
      setSensitiveKinds: db.prepare("UPDATE documents SET sensitive_kinds = ? WHERE id = ?"),
    };
  }

  findBySha256(sha256: string): DocumentSummary | null {
    const row = this.stmt("bySha").get(sha256) as { id: string } | undefined;
    return row ? this.summary(row.id) : null;
  }

  save(doc: NewDocument): void {
    this.db.transaction(() => this.insert(doc))();
  }

  replace(doc: NewDocument): void {
    this.db.transaction(() => {
      const row = this.stmt("ingestedAt").get(doc.id) as { at: string } | undefined;
      // Links from other documents to this one are set to null by the delete and resolved again by insert.
      this.stmt("deleteDocument").run(doc.id);
      this.insert(doc, row?.at);
    })();
  }

  setOcr(id: string, state: OcrState): void {
    this.stmt("setOcr").run(state.status, JSON.stringify(state), id);
  }

  ocrCandidates(statuses: OcrStatus[]): OcrCandidate[] {
    if (statuses.length === 0) return [];
    return this.db
      .prepare(
        `SELECT id, sha256, filename, ocr_status AS status FROM documents
         WHERE ocr_status IN (${statuses.map(() => "?").join(", ")}) ORDER BY ingested_at, id`,
      )
      .all(...statuses) as OcrCandidate[];
  }

  get(id: string): StoredDocument | null {
    const row = this.stmt("get").get(id) as DocumentRow | undefined;
    if (!row) return null;
    const pages = (this.stmt("pages").all(id) as { text: string }[]).map((p) => p.text);
    const record = JSON.parse(row.record) as RecordData;
    // Stored before flags existed: computed from the pages, which is what ingest does.
    record.sensitive ??= findSensitive(pages);
    return {
      id: row.id,
      sha256: row.sha256,
      filename: row.filename,
      format: row.format,
      size: row.size,
      record,
      pages,
      ingestedAt: row.ingested_at,
      ocr: row.ocr
        ? (JSON.parse(row.ocr) as OcrState)
        : { status: row.ocr_status, pages: [], needed: [], reason: null },
    };
  }

  list(limit: number, offset: number): Page<DocumentSummary> {
    const total = (this.stmt("count").get() as { n: number }).n;
    const rows = this.stmt("list").all(limit, offset) as (DocumentRow & { record: string })[];
    return { total, items: rows.map(toSummary) };
  }

  links(id: string): Link[] {
    const links: Link[] = [];
    const seen = new Set<string>();
    const push = (rel: LinkRel, row: LinkRow) => {
      const key = `${rel}|${row.other}|${row.paragraph}|${row.label}`;
      if (seen.has(key)) return;
      seen.add(key);
      links.push({ rel, documentId: row.other, paragraph: row.paragraph, label: row.label });
    };
    for (const row of this.stmt("outgoing").all(id) as LinkRow[]) push(row.rel, row);
    for (const row of this.stmt("incoming").all(id) as LinkRow[]) {
      const rel = REVERSED[row.rel];
      if (rel) push(rel, row);
    }
    return links;
  }

  findCase(query: string): { diarienummer: string; documents: CaseEntry[] } | null {
    // Asked for a case, a bare "2015/271" is one: numbers without a prefix are read as if labelled.
    const canonical = canonicalize(query) ?? canonicalize(`Dnr ${query}`);
    if (!canonical) return null;
    const rows = this.stmt("caseEntries").all(caseKey(canonical).base) as CaseEntry[];
    // A document naming the case in a paragraph is listed by paragraph, not also as a whole.
    const withParagraph = new Set(rows.filter((r) => r.paragraph !== null).map((r) => r.id));
    return { diarienummer: canonical, documents: rows.filter((r) => r.paragraph !== null || !withParagraph.has(r.id)) };
  }

  meeting(body: string, date: string): Meeting | null {
    return this.meetingStore.meeting(body, date);
  }

  meetings(body: string | null, limit: number, offset: number): Page<MeetingSummary> {
    return this.meetingStore.meetings(body, limit, offset);
  }

  unindexed(): string[] {
    return (this.stmt("unindexed").all() as { id: string }[]).map((r) => r.id);
  }

  markIndexed(id: string): void {
    this.stmt("markIndexed").run(new Date().toISOString(), id);
  }

  sensitiveKinds(ids: string[]): Map<string, SensitiveKind[]> {
    const kinds = new Map<string, SensitiveKind[]>();
    for (const id of new Set(ids)) {
      const row = this.stmt("sensitiveKinds").get(id) as { kinds: string | null } | undefined;
      if (!row) continue;
      if (row.kinds !== null) {
        kinds.set(id, JSON.parse(row.kinds) as SensitiveKind[]);
        continue;
      }
      const doc = this.get(id);
      const found = doc ? sensitiveKinds(doc.record.sensitive ?? []) : [];
      this.stmt("setSensitiveKinds").run(JSON.stringify(found), id);
      kinds.set(id, found);
    }
    return kinds;
  }

  *allIds(): Iterable<string> {
    for (const row of this.stmt("allIds").iterate() as Iterable<{ id: string }>) yield row.id;
  }

  close(): void {
    this.db.close();
  }

  private stmt(name: string): Statement {
    const statement = this.statements[name];
    if (!statement) throw new Error(`no statement ${name}`);
    return statement;
  }

  private summary(id: string): DocumentSummary | null {
    const row = this.stmt("get").get(id) as DocumentRow | undefined;
    return row ? toSummary(row) : null;
  }

  private insert(doc: NewDocument, ingestedAt = new Date().toISOString()): void {
    const { record } = doc;
    this.stmt("insertDocument").run({
      id: doc.id,
      sha256: doc.sha256,
      filename: doc.filename,
      format: doc.format,
      size: doc.size,
      pages: doc.text.pages.length,
      type: record.type,
      title: record.title,
      body: record.body,
      meetingDate: record.meetingDate,
      documentDate: record.documentDate,
      record: JSON.stringify(record),
      ingestedAt,
      ocrStatus: doc.ocr?.status ?? "none",
      ocr: doc.ocr ? JSON.stringify(doc.ocr) : null,
      sensitiveKinds: JSON.stringify(sensitiveKinds(record.sensitive ?? findSensitive(doc.text.pages))),
    });
    for (const [i, text] of doc.text.pages.entries()) this.stmt("insertPage").run(doc.id, i + 1, text);
    this.insertCaseNumbers(doc.id, record);
    this.insertPeople(doc.id, record);
    this.insertLinks(doc.id, record);
  }

  private insertCaseNumbers(id: string, record: RecordData): void {
    const written = new Map(record.caseNumbers.map((c) => [c.canonical, c.written]));
    const add = (paragraph: number | null, canonical: string) => {
      const key = caseKey(canonical);
      this.stmt("insertCase").run(id, paragraph, canonical, key.full, key.base, written.get(canonical) ?? canonical);
    };
    for (const dnr of record.diarienummer) add(null, dnr);
    for (const p of record.paragraphs) for (const dnr of p.diarienummer) add(p.number, dnr);
  }

  private insertPeople(id: string, record: RecordData): void {
    const add = (paragraph: number | null, kind: string, people: Person[]) => {
      for (const p of people) this.stmt("insertPerson").run(id, paragraph, kind, p.name, p.party, p.role);
    };
    add(null, "attendee", record.attendees);
    for (const p of record.paragraphs) {
      add(p.number, "speaker", p.speakers);
      add(p.number, "reservation", p.reservations);
      add(p.number, "note", p.notes);
    }
  }

  /** Stores this document's anchors and targets, resolving both directions. */
  private insertLinks(id: string, record: RecordData): void {
    const parse = (row: { body: string | null; cases: string }) => ({
      body: row.body,
      cases: JSON.parse(row.cases) as string[],
    });
    for (const anchor of anchorsOf(record)) {
      this.stmt("insertAnchor").run(id, anchor.key, anchor.body, JSON.stringify(anchor.cases));
      const waiting = this.stmt("unresolvedByKey").all(anchor.key, id) as {
        id: number;
        body: string | null;
        cases: string;
      }[];
      for (const link of waiting) if (compatible(anchor, parse(link))) this.stmt("resolveLink").run(id, link.id);
    }
    for (const t of targetsOf(record)) {
      const candidates = this.stmt("anchorsByKey").all(t.key, id) as {
        id: string;
        body: string | null;
        cases: string;
      }[];
      const match = candidates.find((c) => compatible(parse(c), t)) ?? null;
      this.stmt("insertLink").run(
        id,
        t.fromParagraph,
        t.rel,
        match?.id ?? null,
        t.toParagraph,
        t.label,
        t.key,
        t.body,
        JSON.stringify(t.cases),
      );
    }
  }
}

function toSummary(
  row: Pick<DocumentRow, "id" | "filename" | "type" | "title" | "body" | "date" | "record">,
): DocumentSummary {
  const record = JSON.parse(row.record) as RecordData;
  return {
    id: row.id,
    filename: row.filename,
    type: row.type,
    title: row.title,
    body: row.body,
    date: row.date,
    diarienummer: record.diarienummer,
  };
}
