import type { Statement } from "better-sqlite3";
import type { RecordData, RecordType } from "../model.ts";
import { caseKey } from "../understand/diarienummer.ts";
import type { Meeting, MeetingDocument, MeetingSummary, Page } from "./archive.ts";
import type { Db } from "./database.ts";

/** The order a meeting produces its records in, and the order the overview lists them. */
const TYPE_ORDER: RecordType[] = ["kallelse", "protokoll", "protokollsutdrag", "bilaga", "tjansteutlatande", "ovrigt"];

interface Row {
  id: string;
  type: RecordType;
  title: string | null;
  filename: string;
  body: string | null;
  record: string;
}

interface SummaryRow {
  date: string;
  body: string;
  n: number;
  types: string;
}

const GROUPED = `SELECT meeting_date AS date, count(*) AS n, group_concat(DISTINCT type) AS types,
    coalesce(max(CASE WHEN type = 'protokoll' THEN body END), max(body)) AS body
  FROM documents`;

/**
 * Meetings over the documents table: a body's records of one day, found
 * through the (body_key, meeting_date) index. `normalize_body` is the SQL
 * function openDatabase registers, so lookups fold a body as inserts do.
 */
export class SqliteMeetings {
  private readonly byBodyAndDate: Statement;
  private readonly bodyless: Statement;
  private readonly linked: Statement;
  private readonly listAll: Statement;
  private readonly countAll: Statement;
  private readonly listBody: Statement;
  private readonly countBody: Statement;

  constructor(db: Db) {
    const columns = "id, type, title, filename, body, record";
    this.byBodyAndDate = db.prepare(
      `SELECT ${columns} FROM documents WHERE body_key = normalize_body(?) AND meeting_date = ?`,
    );
    this.bodyless = db.prepare(
      `SELECT ${columns} FROM documents WHERE date = ? AND meeting_date = ? AND body IS NULL LIMIT 200`,
    );
    this.linked = db.prepare(
      `SELECT to_id AS id FROM links WHERE from_id = ? AND to_id IS NOT NULL
       UNION SELECT from_id AS id FROM links WHERE to_id = ?`,
    );
    const where = "WHERE meeting_date IS NOT NULL AND body_key IS NOT NULL";
    // Grouped in the order of the newest-first index, so a page reads only its own meetings' rows.
    const order = "GROUP BY meeting_date, body_key ORDER BY meeting_date DESC, body_key LIMIT ? OFFSET ?";
    this.listAll = db.prepare(`${GROUPED} ${where} ${order}`);
    this.countAll = db.prepare(
      `SELECT count(*) AS n FROM (SELECT DISTINCT meeting_date, body_key FROM documents ${where})`,
    );
    this.listBody = db.prepare(`${GROUPED} ${where} AND body_key = normalize_body(?) ${order}`);
    this.countBody = db.prepare(
      `SELECT count(DISTINCT meeting_date) AS n FROM documents ${where} AND body_key = normalize_body(?)`,
    );
  }

  meeting(body: string, date: string): Meeting | null {
    const rows = this.byBodyAndDate.all(body, date) as Row[];
    if (rows.length === 0) return null;
    const documents = rows.map(toMeetingDocument);
    documents.push(...this.bodylessMembers(documents, date));
    documents.sort(byMeetingOrder);
    return { body: displayBody(documents), date, documents };
  }

  meetings(body: string | null, limit: number, offset: number): Page<MeetingSummary> {
    const total = (body === null ? this.countAll.get() : this.countBody.get(body)) as { n: number };
    const rows = (
      body === null ? this.listAll.all(limit, offset) : this.listBody.all(body, limit, offset)
    ) as SummaryRow[];
    return {
      total: total.n,
      items: rows.map((r) => ({
        body: r.body,
        date: r.date,
        documentCount: r.n,
        types: TYPE_ORDER.filter((t) => r.types.split(",").includes(t)),
      })),
    };
  }

  /**
   * Records of that day that name no body but still belong to the meeting: a
   * bilaga linked with one of its records, or an utdrag whose every § is a §
   * of the meeting's protokoll with a diarienummer in common.
   */
  private bodylessMembers(members: MeetingDocument[], date: string): MeetingDocument[] {
    const candidates = (this.bodyless.all(date, date) as Row[]).map(toMeetingDocument);
    if (candidates.length === 0) return [];
    const linked = new Set<string>();
    for (const m of members) for (const row of this.linked.all(m.id, m.id) as { id: string }[]) linked.add(row.id);
    const protocolParagraphs = new Map<number, Set<string>>();
    for (const m of members) {
      if (m.type !== "protokoll") continue;
      for (const p of m.paragraphs) protocolParagraphs.set(p.number, new Set(p.diarienummer.map(baseKey)));
    }
    const fromProtocol = (doc: MeetingDocument) =>
      doc.paragraphs.length > 0 &&
      doc.paragraphs.every((p) => p.diarienummer.some((d) => protocolParagraphs.get(p.number)?.has(baseKey(d))));
    return candidates.filter((c) => linked.has(c.id) || fromProtocol(c));
  }
}

function baseKey(dnr: string): string {
  return caseKey(dnr).base;
}

function toMeetingDocument(row: Row): MeetingDocument {
  const record = JSON.parse(row.record) as RecordData;
  return {
    id: row.id,
    type: row.type,
    title: row.title,
    filename: row.filename,
    body: row.body,
    paragraphs: record.paragraphs.map((p) => ({ number: p.number, title: p.title, diarienummer: p.diarienummer })),
    label: record.belongsTo?.label ?? null,
    paragraph: record.belongsTo?.paragraph ?? null,
  };
}

/** The protokoll's spelling of the body, else the most common one. */
function displayBody(documents: MeetingDocument[]): string {
  const protocol = documents.find((d) => d.type === "protokoll" && d.body);
  if (protocol?.body) return protocol.body;
  const counts = new Map<string, number>();
  for (const d of documents) if (d.body) counts.set(d.body, (counts.get(d.body) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], "sv"))[0]?.[0] ?? "";
}

/** Kallelse, protokoll, utdrag by §, bilagor by label (8.1 before 8.2 before 10.1), then the rest. */
function byMeetingOrder(a: MeetingDocument, b: MeetingDocument): number {
  const type = TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type);
  if (type !== 0) return type;
  const first = (d: MeetingDocument) => d.paragraphs[0]?.number ?? d.paragraph ?? Number.MAX_SAFE_INTEGER;
  if (first(a) !== first(b)) return first(a) - first(b);
  const label = compareLabels(a.label, b.label);
  if (label !== 0) return label;
  return (a.title ?? a.filename).localeCompare(b.title ?? b.filename, "sv") || a.id.localeCompare(b.id);
}

function compareLabels(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a.localeCompare(b, "sv", { numeric: true });
}
