import type { LinkRel, RecordData } from "./model.ts";
import { caseKey } from "./understand/diarienummer.ts";

/**
 * How documents find each other. Each document publishes *anchors* (keys it
 * can be found by) and *targets* (keys of what it points to). A target is
 * resolved against anchors when either side arrives, so the order of ingest
 * does not matter. Keys are dates and labels ("bilaga 8.1 of the meeting of
 * 2020-02-20"); body and case numbers then tell apart two municipalities'
 * records of the same day. Pure: the store does the lookups.
 */
export interface Anchor {
  key: string;
  body: string | null;
  /** Base keys of the cases the document names. */
  cases: string[];
}

export interface LinkTarget {
  rel: LinkRel;
  fromParagraph: number | null;
  toParagraph: number | null;
  label: string | null;
  key: string;
  body: string | null;
  /** Base keys of the cases the pointing side names (its § where it has one). */
  cases: string[];
}

const protocolKey = (meetingDate: string) => `protokoll@${meetingDate}`;
const reportKey = (documentDate: string) => `tjansteutlatande@${documentDate}`;
const reportCaseKey = (dnr: string) => `tjansteutlatande@dnr:${caseKey(dnr).base}`;
const protocolBilagaKey = (meetingDate: string, label: string) => `bilaga@${meetingDate}#${label}`;
const reportBilagaKey = (documentDate: string, label: string) => `bilaga@tju:${documentDate}#${label}`;
const bases = (dnrs: (string | null)[]) => [...new Set(dnrs.flatMap((d) => (d ? [caseKey(d).base] : [])))];

export function anchorsOf(record: RecordData): Anchor[] {
  const keys: string[] = [];
  // Only the protokoll itself: a bilaga belongs to the minutes, not to an extract of them.
  if (record.type === "protokoll" && record.meetingDate) keys.push(protocolKey(record.meetingDate));
  if (record.type === "tjansteutlatande") {
    if (record.documentDate) keys.push(reportKey(record.documentDate));
    for (const dnr of record.diarienummer) keys.push(reportCaseKey(dnr));
  }
  const owner = record.belongsTo;
  if (record.type === "bilaga" && owner?.label) {
    if (owner.meetingDate) keys.push(protocolBilagaKey(owner.meetingDate, owner.label));
    if (owner.documentDate) keys.push(reportBilagaKey(owner.documentDate, owner.label));
  }
  const cases = bases([...record.diarienummer, owner?.diarienummer ?? null]);
  return keys.map((key) => ({ key, body: record.body, cases }));
}

export function targetsOf(record: RecordData): LinkTarget[] {
  const targets: LinkTarget[] = [];
  const add = (t: LinkTarget) => {
    if (!targets.some((o) => o.key === t.key && o.rel === t.rel && o.fromParagraph === t.fromParagraph))
      targets.push(t);
  };
  const documentCases = bases(record.diarienummer);
  if (record.meetingDate) {
    const meetingDate = record.meetingDate;
    for (const p of record.paragraphs) {
      for (const a of p.attachments) {
        const key = protocolBilagaKey(meetingDate, a.label);
        add({
          rel: "attachment",
          fromParagraph: p.number,
          toParagraph: null,
          label: a.label,
          key,
          body: record.body,
          cases: [],
        });
      }
    }
  }
  if (record.type === "tjansteutlatande" && record.documentDate) {
    for (const a of record.attachments) {
      const key = reportBilagaKey(record.documentDate, a.label);
      add({
        rel: "attachment",
        fromParagraph: null,
        toParagraph: null,
        label: a.label,
        key,
        body: null,
        cases: documentCases,
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
    const cases = owner.meetingDate ? [] : bases([owner.diarienummer]);
    if (key)
      add({
        rel: "attached-to",
        fromParagraph: null,
        toParagraph: owner.paragraph,
        label: owner.label,
        key,
        body: owner.body,
        cases,
      });
  }
  // A bilaga names what it belongs to in words that read like a reference to itself.
  const own = new Set(anchorsOf(record).map((a) => a.key));
  for (const r of record.references) {
    if (r.targetType === "tjansteutlatande" && r.date && !own.has(reportBilagaKey(r.date, r.label))) {
      const paragraph = record.paragraphs.find((p) => p.number === r.paragraph);
      const cases = bases(paragraph ? [...paragraph.diarienummer, r.diarienummer] : [r.diarienummer]);
      add({
        rel: "references",
        fromParagraph: r.paragraph,
        toParagraph: null,
        label: r.label,
        key: reportBilagaKey(r.date, r.label),
        body: null,
        cases,
      });
    }
  }
  return targets;
}

/**
 * Whether an anchor can be what a target means: the same body where both
 * name one, and a case in common where both name cases.
 */
export function compatible(
  anchor: Pick<Anchor, "body" | "cases">,
  target: Pick<LinkTarget, "body" | "cases">,
): boolean {
  if (!sameBody(anchor.body, target.body)) return false;
  if (anchor.cases.length === 0 || target.cases.length === 0) return true;
  return target.cases.some((c) => anchor.cases.includes(c));
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
