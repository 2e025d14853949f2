/**
 * Facts a record states in its header: which meeting it belongs to, the date it carries,
 * the paragraph range a protokoll announces, and a title to show.
 */
import type { RecordType } from "../model.ts";
import { findDates, parseDate } from "./dates.ts";

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

const TITLE_SKIP =
  /^(?:tjänste(?:utlåtande|skrivelse|yttrande)|datum|dnr|diarienummer|diarienr|handläggare|referens|ert datum|vår referens|sida|till|kopia|rev|version|sekretess|förvaltning|.*förvaltning(?:en)?$|.*kommun$|.*\b(?:nämnden|styrelsen|fullmäktige|beredningen|utskottet)$|\d)/i;
const TITLE_END = /^(?:förslag till beslut|sammanfattning|beslutsförslag|ärendet|bakgrund|beskrivning av ärendet)\b/i;

/** The matter a tjänsteutlåtande is about: the first line after its metadata that is not itself a label. */
export function matterTitle(lines: string[]): string | null {
  for (const line of lines.slice(0, 30)) {
    if (TITLE_END.test(line)) break;
    const labelled = /^(?:ärende|angående|ämne|rubrik)[:\s]+(.+)$/i.exec(line);
    if (labelled) return labelled[1]?.trim() ?? null;
    if (TITLE_SKIP.test(line) || parseDate(line) === line.trim() || line.length < 4) continue;
    if (/^\p{Lu}/u.test(line) && !/:$/.test(line)) return line;
  }
  return null;
}

/** A title for lists and search hits: kind, body and date for meetings; the matter for a staff report. */
export function buildTitle(type: RecordType, body: string | null, date: string | null, lines: string[]): string | null {
  const parts = (kind: string) => [kind, body, date].filter((p): p is string => Boolean(p)).join(" ");
  switch (type) {
    case "protokoll":
      return parts("Protokoll");
    case "protokollsutdrag":
      return parts("Protokollsutdrag");
    case "kallelse":
      return parts("Kallelse");
    case "tjansteutlatande":
      return matterTitle(lines) ?? parts("Tjänsteutlåtande");
    default:
      return lines.find((l) => l.trim().length > 0)?.trim() ?? null;
  }
}
