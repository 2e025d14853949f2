/**
 * The meeting view's addresses and how it groups a meeting's records. Pure,
 * so it can be unit-tested in node. URLs use the Swedish words officials see:
 * /sammantrade?organ=Kommunstyrelsen&datum=2020-02-20.
 */

export const MEETINGS_PAGE_SIZE = 20;

/** Record types that belong to a meeting of a body. */
export const MEETING_TYPES: ReadonlySet<string> = new Set(["protokoll", "protokollsutdrag", "kallelse", "bilaga"]);

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A date as YYYY-MM-DD that the calendar has: 2020-02-30 is none, as the API also says. */
function isCalendarDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

export interface MeetingParams {
  body: string;
  /** ISO date, or "" to list the body's meetings. */
  date: string;
  offset: number;
  /** A date was given but is no ISO date. */
  badDate: boolean;
}

export function parseMeetingParams(params: URLSearchParams): MeetingParams {
  const date = (params.get("datum") ?? "").trim();
  const offset = Number.parseInt(params.get("offset") ?? "", 10);
  return {
    body: (params.get("organ") ?? "").trim(),
    date: isCalendarDate(date) ? date : "",
    offset: Number.isFinite(offset) && offset > 0 ? offset : 0,
    badDate: date !== "" && !isCalendarDate(date),
  };
}

/** One meeting: a body's records of one day. */
export function meetingHref(body: string, date: string): string {
  return `/sammantrade?${new URLSearchParams({ organ: body, datum: date }).toString()}`;
}

/** The list of meetings: one body's, or every body's. */
export function meetingsHref(body = "", offset = 0): string {
  const params = new URLSearchParams();
  if (body) params.set("organ", body);
  if (offset > 0) params.set("offset", String(offset));
  const query = params.toString();
  return query ? `/sammantrade?${query}` : "/sammantrade";
}

/** The meeting a record belongs to, when it names both body and meeting date. */
export function meetingOf(doc: { type: string; body: string | null; meetingDate: string | null }): string | null {
  if (!MEETING_TYPES.has(doc.type) || !doc.body || !doc.meetingDate || !isCalendarDate(doc.meetingDate)) return null;
  return meetingHref(doc.body, doc.meetingDate);
}

export interface GroupableDocument {
  id: string;
  type: string;
  paragraph: number | null;
}

export interface MeetingGroups<D extends GroupableDocument> {
  kallelser: D[];
  protokoll: D[];
  utdrag: D[];
  bilagor: D[];
  other: D[];
  /** Bilagor by the § they belong to, for the protokoll's table. */
  bilagorByParagraph: Map<number, D[]>;
}

/** Splits a meeting's records (already in the server's order) into the view's sections. */
export function groupMeeting<D extends GroupableDocument>(documents: readonly D[]): MeetingGroups<D> {
  const groups: MeetingGroups<D> = {
    kallelser: [],
    protokoll: [],
    utdrag: [],
    bilagor: [],
    other: [],
    bilagorByParagraph: new Map(),
  };
  for (const doc of documents) {
    if (doc.type === "kallelse") groups.kallelser.push(doc);
    else if (doc.type === "protokoll") groups.protokoll.push(doc);
    else if (doc.type === "protokollsutdrag") groups.utdrag.push(doc);
    else if (doc.type === "bilaga") {
      groups.bilagor.push(doc);
      if (doc.paragraph !== null) {
        const list = groups.bilagorByParagraph.get(doc.paragraph) ?? [];
        list.push(doc);
        groups.bilagorByParagraph.set(doc.paragraph, list);
      }
    } else groups.other.push(doc);
  }
  return groups;
}

export function meetingCountText(total: number): string {
  return `${total.toLocaleString("sv-SE")} ${total === 1 ? "sammanträde" : "sammanträden"}`;
}

/** "Bilaga 8.1", or the record's title when it has no label. */
export function bilagaLabel(doc: { label: string | null; title: string | null; filename: string | null }): string {
  if (doc.label) return `Bilaga ${doc.label}`;
  return doc.title ?? doc.filename ?? "Bilaga";
}
