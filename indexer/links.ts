import type { LinkRel, RecordData } from "./model.ts";
import { caseKey } from "./understand/diarienummer.ts";

/**
 * How documents find each other. Each document publishes *anchors* (keys it
 * can be found by) and *targets* (keys of what it points to). A target is
 * resolved against anchors when either side arrives, so the order of ingest
 * does not matter. Pure: the store does the lookups.
 */
export interface Anchor {
  key: string;
  body: string | null;
}

export interface LinkTarget {
  rel: LinkRel;
  fromParagraph: number | null;
  toParagraph: number | null;
  label: string | null;
  key: string;
  body: string | null;
}

const protocolKey = (meetingDate: string) => `protokoll@${meetingDate}`;
const reportKey = (documentDate: string) => `tjansteutlatande@${documentDate}`;
const reportCaseKey = (dnr: string) => `tjansteutlatande@dnr:${caseKey(dnr).base}`;
const protocolBilagaKey = (meetingDate: string, label: string) => `bilaga@${meetingDate}#${label}`;
const reportBilagaKey = (documentDate: string, label: string) => `bilaga@tju:${documentDate}#${label}`;

export function anchorsOf(record: RecordData): Anchor[] {
  const body = record.body;
  const keys: string[] = [];
  if ((record.type === "protokoll" || record.type === "protokollsutdrag") && record.meetingDate) {
    keys.push(protocolKey(record.meetingDate));
  }
  if (record.type === "tjansteutlatande") {
    if (record.documentDate) keys.push(reportKey(record.documentDate));
    for (const dnr of record.diarienummer) keys.push(reportCaseKey(dnr));
  }
  const owner = record.belongsTo;
  if (record.type === "bilaga" && owner?.label) {
    if (owner.meetingDate) keys.push(protocolBilagaKey(owner.meetingDate, owner.label));
    if (owner.documentDate) keys.push(reportBilagaKey(owner.documentDate, owner.label));
  }
  return keys.map((key) => ({ key, body }));
}

export function targetsOf(record: RecordData): LinkTarget[] {
  const targets: LinkTarget[] = [];
  const add = (t: LinkTarget) => {
    if (!targets.some((o) => o.key === t.key && o.rel === t.rel && o.fromParagraph === t.fromParagraph))
      targets.push(t);
  };
  if (record.meetingDate) {
    const meetingDate = record.meetingDate;
    for (const p of record.paragraphs) {
      for (const a of p.attachments) {
        add({
          rel: "attachment",
          fromParagraph: p.number,
          toParagraph: null,
          label: a.label,
          key: protocolBilagaKey(meetingDate, a.label),
          body: record.body,
        });
      }
    }
  }
  if (record.type === "tjansteutlatande" && record.documentDate) {
    for (const a of record.attachments) {
      add({
        rel: "attachment",
        fromParagraph: null,
        toParagraph: null,
        label: a.label,
        key: reportBilagaKey(record.documentDate, a.label),
        body: record.body,
      });
    }
  }
  const owner = record.belongsTo;
  if (record.type === "bilaga" && owner) {
    const key = owner.meetingDate
      ? protocolKey(owner.meetingDate)
      : owner.documentDate
        ? reportKey(owner.documentDate)
        : owner.diarienummer
          ? reportCaseKey(owner.diarienummer)
          : null;
    if (key)
      add({
        rel: "attached-to",
        fromParagraph: null,
        toParagraph: owner.paragraph,
        label: owner.label,
        key,
        body: owner.body,
      });
  }
  // A bilaga names what it belongs to in words that read like a reference to itself.
  const own = new Set(anchorsOf(record).map((a) => a.key));
  for (const r of record.references) {
    if (r.targetType === "tjansteutlatande" && r.date && !own.has(reportBilagaKey(r.date, r.label))) {
      add({
        rel: "references",
        fromParagraph: r.paragraph,
        toParagraph: null,
        label: r.label,
        key: reportBilagaKey(r.date, r.label),
        body: null,
      });
    }
  }
  return targets;
}

/**
 * Whether two ways of writing a body can name the same one: "Kommunstyrelsens"
 * (genitive) and "kommunstyrelsen" do. Compares the first word's stem, which
 * tells bodies of one municipality apart without a list of them.
 */
export function sameBody(a: string | null, b: string | null): boolean {
  if (!a || !b) return true;
  const stem = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^a-zåäöé]/g, "")
      .slice(0, 8);
  return stem(a) === stem(b);
}
