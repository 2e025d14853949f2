/**
 * Facts a record states in its header: which meeting it belongs to, the date it carries,
 * the paragraph range a protokoll announces, and a title to show.
 */
import type { RecordType } from "../model.ts";
import { findDates, parseDate } from "./dates.ts";
import { findCaseNumbers } from "./diarienummer.ts";

const MEETING_LABEL =
  /^(?:sammanträdesdatum|sammanträdesdag|mötesdatum|sammanträde|datum för sammanträdet|tid för sammanträdet|dag och tid|datum och tid|tid och plats|tid|när)\b[:\s]*/i;
const DATE_LABEL = /^(?:datum|daterad|upprättad)\b[:\s]*/i;
const KIND_LINE =
  /\b(?:protokoll|sammanträdesprotokoll|protokollsutdrag|kallelse|föredragningslista|dagordning|utdrag)\b/i;
const SKIP_DATE_LINE = /anslag|justering|justerad|nedtagande|uppsättande|expedier|bevis/i;

/** "2010-01-2", "2006-02-0": a date the text layer cut short at the line end. */
const CUT_SHORT = /((?:19|20)\d\d-[01]\d-)([0-3]?)\s*$/;

/**
 * A date as written, unless it was cut short: then the full date elsewhere in the record (a page
 * header, the anslag, the file name) that begins with what is left wins.
 */
function completed(text: string, known: string[]): string | null {
  const cut = CUT_SHORT.exec(text);
  if (cut) {
    const prefix = `${cut[1]}${cut[2]}`;
    const full = known.find((d) => d.startsWith(prefix) && d.length === 10);
    if (full) return full;
  }
  return parseDate(text);
}

/** What may stand before a date on the line under its label: "tisdag den 15 januari 2008". */
const WEEKDAY_LEAD = /^(?:(?:mån|tis|ons|tors|fre|lör|sön)dag(?:en)?\s*,?\s*)?(?:den\s*)?$/i;

/** A date on a labelled line or within the next two lines (tables turned into lines put it below). */
function dateAfterLabel(lines: string[], label: RegExp, known: string[] = []): string | null {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const m = label.exec(line);
    if (!m) continue;
    const own = completed(line.slice(m[0].length), known);
    if (own) return own;
    for (let j = i + 1; j <= i + 2 && j < lines.length; j++) {
      const next = lines[j] ?? "";
      const d = findDates(next)[0];
      if (d && WEEKDAY_LEAD.test(next.slice(0, d.index))) return completed(next, known);
      if (CUT_SHORT.test(next) && /^\d{4}-\d\d-\d?\s*$/.test(next.trim())) return completed(next, known);
    }
  }
  return null;
}

/**
 * The meeting date: the "Sammanträdesdatum" label, then the kind line ("SAMMANTRÄDESPROTOKOLL
 * 2016-01-26", or the date on the line below it), then the first date outside justering and anslag lines.
 */
export function detectMeetingDate(header: string[], known: string[] = []): string | null {
  const labelled = dateAfterLabel(header, MEETING_LABEL, known);
  if (labelled) return labelled;
  for (let i = 0; i < Math.min(header.length, 12); i++) {
    const line = header[i] ?? "";
    if (!KIND_LINE.test(line) || SKIP_DATE_LINE.test(line)) continue;
    const own = parseDate(line);
    if (own) return own;
    const next = header[i + 1] ?? "";
    const d = findDates(next)[0];
    if (d && d.index <= 2) return d.iso;
  }
  const dated =
    dateAfterLabel(header, DATE_LABEL) ?? dateAfterLabel(header, /^(?:plats och tid|tid och plats|tid)\b[:\s]*/i);
  if (dated) return dated;
  for (const line of header.slice(0, 15)) {
    if (SKIP_DATE_LINE.test(line)) continue;
    const d = parseDate(line);
    if (d) return d;
  }
  return null;
}

/** The date a kallelse was sent ("Datum 2019-12-27" beside "Tid 2020-01-08 kl. 08.00"), or null. */
export function detectNoticeDate(header: string[], known: string[] = []): string | null {
  return dateAfterLabel(header, /^(?:datum|utskicksdatum|daterad)(?!\s+(?:och|för))\b[:\s]*/i, known);
}

/** The date a tjänsteutlåtande or other document carries on itself. */
export function detectDocumentDate(header: string[], known: string[] = []): string | null {
  return (
    dateAfterLabel(header, DATE_LABEL, known) ??
    header
      .slice(0, 15)
      .map(parseDate)
      .find((d) => d) ??
    null
  );
}

const RANGE_LABEL = /paragraf(?:er)?(?!\p{L})[:\s]*/iu;
const RANGE = /^§*\s*(\d{1,4})(?:\s*(?:[-–—]|till|t\.o\.m\.?)\s*§*\s*(\d{1,4}))?/;

/** "Paragrafer 46–60", "Paragrafer §84 -§98", "Paragrafer\n146-162", "Paragraf § 8", "§§ 1-15" on a labelled line. */
export function detectRange(lines: string[]): { from: number; to: number } | null {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (/paragrafen\b/i.test(line)) continue;
    const m = RANGE_LABEL.exec(line);
    if (!m) continue;
    const candidates = [line.slice((m.index ?? 0) + m[0].length), lines[i + 1] ?? "", lines[i + 2] ?? ""];
    for (const c of candidates) {
      const r = RANGE.exec(c.trim());
      if (!r) continue;
      const from = Number(r[1]);
      const to = r[2] !== undefined ? Number(r[2]) : from;
      if (to >= from && to - from < 400) return { from, to };
    }
  }
  return null;
}

/** A label of a staff report's header block, alone or with its value on the same line. */
const LABEL =
  /^(?:tjänste(?:utlåtande|skrivelse|yttrande)|datum|dnr|diarienummer|diarienr|handläggare|referens|ert datum|er beteckning|vår beteckning|vår referens|ärendet ska behandlas av|beslutsinstans|sida|till|kopia|rev|version|sekretess|förvaltning)(?![\p{L}\d])/iu;
/** The names a header block gives: a body, a förvaltning, the municipality or region (no "för", "om" in them). */
const NAME_OF_BODY =
  /^(?!.*\s(?:för|av|om|vid|med|på|inom|till|mot|från|efter)\s)[\p{Lu}][\p{L}\s-]*(?:nämnd(?:en)?|styrelsen?|fullmäktige|beredningen|utskott(?:et)?|förvaltning(?:en)?|kontor(?:et)?|kommun)$|^region \p{Lu}/iu;
/** "Ulla Karlsson, samhällsbyggnadschef": the handläggare. */
const NAME_AND_TITLE = /^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?(?: \p{Lu}\p{Ll}+){1,3}, (?:\p{Ll}|\p{Lu}{2,}-)[\p{L} -]*$/u;
/** The first heading of a staff report's text: the matter's title stands right above it. */
const TITLE_END =
  /^(?:förslag till beslut|sammanfattning|beslutsförslag|ärendet|ärendebeskrivning|bakgrund|beskrivning av ärendet)(?:\s*:.*)?$/i;

/** A line of a header block: a label, a date, a case number, a name, a body, the municipality. */
function isMetadata(line: string): boolean {
  if (LABEL.test(line) || NAME_OF_BODY.test(line) || NAME_AND_TITLE.test(line)) return true;
  const rest = findCaseNumbers(line)
    .reduce((s, c) => s.replace(c.written, " "), line)
    .replace(/(?:19|20)\d\d-\d\d-\d\d|\d{1,2} \p{L}+ (?:19|20)\d\d/gu, " ");
  // No words left, or a numbered row ("1. Förslaget antas."), a phone number.
  return !/\p{L}{3}/u.test(rest) || /^\d+[.)]\s|^[\d\s-]+$/.test(line);
}

/** "RESERVATION" as a heading reads "Reservation"; a heading in mixed case stays as written. */
function asHeading(line: string): string {
  const text = line.replace(/\s+/g, " ").replace(/[:.]$/, "").trim();
  if (/\p{Ll}/u.test(text) || !/\p{Lu}{2}/u.test(text)) return text;
  return text.charAt(0) + text.slice(1).toLowerCase();
}

/**
 * The matter a tjänsteutlåtande is about: an "Ärende:" line, else the heading right above its first
 * section ("Förslag till beslut"), else the first line after its header block that is no label or value.
 */
export function matterTitle(lines: string[]): string | null {
  const head = lines.slice(0, 60).map((l) => l.trim());
  for (const line of head) {
    if (TITLE_END.test(line)) break;
    const labelled = /^(?:ärende|angående|ämne|rubrik)[:\s]+(.+)$/i.exec(line);
    if (labelled?.[1]) return asHeading(labelled[1]);
  }
  const end = head.findIndex((l) => TITLE_END.test(l));
  let i = end - 1;
  while (i >= 0 && !head[i]) i--;
  const above = head[i] ?? "";
  if (end > 0 && above && !isMetadata(above)) {
    // A heading the layout wrapped: its second line goes on in lower case.
    const before = head[i - 1] ?? "";
    const wrapped = /^\p{Ll}/u.test(above) && before && !isMetadata(before);
    return asHeading(wrapped ? `${before} ${above}` : above);
  }
  const kind = head.findIndex((l) => /tjänste(?:utlåtande|skrivelse|yttrande)/i.test(l));
  for (const line of head.slice(kind + 1, end >= 0 ? end : undefined)) {
    if (!line || isMetadata(line) || line.length < 4) continue;
    if (/^\p{Lu}/u.test(line) && !/:$/.test(line)) return asHeading(line);
  }
  return null;
}

const ATTACHMENT_LABEL = /^bilaga\s+\d{1,3}(?:[.:]\d{1,3})*(?:\s?[a-z](?!\p{L}))?/iu;

/**
 * A bilaga's own heading, after its "Bilaga 8.1" label ("Protokollsanteckning", "Uppföljning 2019"):
 * never the "till ... protokoll" line that names what it belongs to, nor a running page header.
 * The label itself when the bilaga has no heading.
 */
export function attachmentTitle(lines: string[]): string | null {
  const head = lines.slice(0, 20).map((l) => l.trim());
  const start = head.findIndex((l) => ATTACHMENT_LABEL.test(l));
  if (start < 0) return null;
  const label = ATTACHMENT_LABEL.exec(head[start] ?? "")?.[0].replace(/\s+/g, " ") ?? null;
  for (const raw of head.slice(start, start + 12)) {
    const found = ATTACHMENT_LABEL.exec(raw);
    const line = (found ? raw.slice(found[0].length).replace(/^\s*[:.,–—-]\s*/, "") : raw).trim();
    if (!line || /^till\b/i.test(line) || NAME_OF_BODY.test(line)) continue;
    if (/^(?:ärende|angående|dnr|diarienummer|datum)\b/i.test(line)) break;
    if (isMetadata(line)) continue;
    // Prose right under the label: the bilaga has no heading of its own.
    if (!/^\p{Lu}/u.test(line) || line.length > 120 || /[.!?]$/.test(line)) break;
    return asHeading(line);
  }
  return label;
}

/** The first line that is not a running header ("Ängsvik kommun"): what a record of no known kind calls itself. */
function firstHeading(lines: string[]): string | null {
  const filled = lines.map((l) => l.trim()).filter(Boolean);
  return filled.find((l) => !NAME_OF_BODY.test(l)) ?? filled[0] ?? null;
}

/**
 * A title for lists and search hits, as an official would write it: kind, body and date for meetings
 * (and the § of an utdrag: "Protokollsutdrag Kommunstyrelsen 2013-01-03, § 3, 5"); the matter for a
 * staff report; its own heading for a bilaga.
 */
export function buildTitle(
  type: RecordType,
  body: string | null,
  date: string | null,
  lines: string[],
  paragraphs: number[] = [],
): string | null {
  const parts = (kind: string) => [kind, body, date].filter((p): p is string => Boolean(p)).join(" ");
  switch (type) {
    case "protokoll":
      return parts("Protokoll");
    case "protokollsutdrag":
      return paragraphs.length > 0
        ? `${parts("Protokollsutdrag")}, § ${paragraphs.join(", ")}`
        : parts("Protokollsutdrag");
    case "kallelse":
      return parts("Kallelse");
    case "tjansteutlatande":
      return matterTitle(lines) ?? parts("Tjänsteutlåtande");
    case "bilaga":
      return attachmentTitle(lines) ?? firstHeading(lines);
    default:
      return firstHeading(lines);
  }
}
