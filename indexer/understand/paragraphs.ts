/**
 * The numbered paragraphs (§) of a protokoll or utdrag: where each starts, its number, title
 * and own diarienummer. References ("enligt § 5", "21 kap. 7 §"), attendance notes ("§§ 1-4")
 * and the table of contents are not paragraphs.
 */

import { findCaseNumbers } from "./diarienummer.ts";
import type { Line } from "./normalize.ts";
import { parseToc, TOC_MARKER, type TocEntry } from "./toc.ts";

export interface ParagraphSlice {
  number: number;
  title: string | null;
  diarienummer: string[];
  /** Index of the heading line and one past the last line. */
  start: number;
  end: number;
  page: number;
}

const HEADING = /^(?:[-–•]\s*)?(?:paragraf\s+)?§\s?(\d{1,4})(?!\d|[,.]\d|\s*[-–]\s*\d)\.?(?:\s+(.*))?$/i;
const BAD_REST = /^(?:\p{Ll}|kap\b|st\b|[-–(]|och\b|samt\b)/u;
const DNR_LABEL = /^(?:dnr|diarienummer|diarienr|ärendenummer|ärende nr)\b[.:]?\s*/i;
const SECTION =
  /^(?:sammanfattning|beslut|ärendebeskrivning|ärendet|bakgrund|beslutsunderlag|yrkanden?|förslag till beslut|överläggning|beslutsgång|propositionsordning|handlingar|.{0,60}s (?:beslut|behandling|förslag)(?:\s.*)?|[A-ZÅÄÖ\- ]+BEHANDLING\b.*)$/iu;

interface Candidate {
  number: number;
  index: number;
  rest: string;
}

function candidates(lines: Line[]): Candidate[] {
  const out: Candidate[] = [];
  lines.forEach((line, index) => {
    if (!line.text.includes("§")) return;
    const m = HEADING.exec(line.text);
    if (!m) return;
    const rest = (m[2] ?? "").trim();
    if (rest && BAD_REST.test(rest) && !DNR_LABEL.test(rest)) return;
    out.push({ number: Number(m[1]), index, rest });
  });
  return out;
}

/**
 * Where a table of contents sits: from its marker (or its first row) to the first heading that
 * restarts the numbering; without a restart, to the first heading after the marker.
 */
function tocRange(lines: Line[], cands: Candidate[]): [number, number] | null {
  const marker = lines.findIndex((l) => TOC_MARKER.test(l.text));
  const after = cands.filter((c) => c.index > marker);
  for (let k = 1; k < after.length; k++) {
    const cur = after[k] as Candidate;
    if (cur.number > (after[k - 1] as Candidate).number) continue;
    const first = after[0] as Candidate;
    if (marker >= 0) return [marker, cur.index];
    const dense = k >= 3 && cur.number <= first.number && ((after[k - 1] as Candidate).index - first.index) / k <= 4;
    return dense ? [first.index - 1, cur.index] : null;
  }
  if (marker < 0) return null;
  return [marker, after[0]?.index ?? marker + 1];
}

/**
 * The longest run of increasing numbers, preferring steps of one, inside the
 * announced range. A range that admits no heading at all was misread (OCR's
 * "Paragrafer §12-§24" as "812 -824"), and then every heading is a candidate.
 */
function chooseHeadings(cands: Candidate[], range: { from: number; to: number } | null): Candidate[] {
  const inRange = range ? cands.filter((c) => c.number >= range.from && c.number <= range.to) : cands;
  const pool = inRange.length > 0 ? inRange : cands;
  const best: number[] = [];
  const prev: number[] = [];
  for (let i = 0; i < pool.length; i++) {
    const ci = pool[i] as Candidate;
    best[i] = 1;
    prev[i] = -1;
    for (let j = 0; j < i; j++) {
      const cj = pool[j] as Candidate;
      if (cj.number >= ci.number) continue;
      const score = (best[j] ?? 0) + 1;
      const before = prev[i] ?? -1;
      const closer = before >= 0 && ci.number - cj.number < ci.number - (pool[before] as Candidate).number;
      if (score > (best[i] ?? 0) || (score === best[i] && closer)) {
        best[i] = score;
        prev[i] = j;
      }
    }
  }
  let end = -1;
  for (let i = 0; i < pool.length; i++) if (end < 0 || (best[i] ?? 0) > (best[end] ?? 0)) end = i;
  const chosen: Candidate[] = [];
  for (let i = end; i >= 0; i = prev[i] ?? -1) chosen.unshift(pool[i] as Candidate);
  return chosen;
}

function isDnrLine(text: string): boolean {
  if (DNR_LABEL.test(text)) return findCaseNumbers(text).length > 0 || text.replace(DNR_LABEL, "").length < 3;
  const found = findCaseNumbers(text);
  return (
    found.length > 0 &&
    text.replace(/[\s,;]+/g, "").length <=
      found
        .map((f) => f.written)
        .join("")
        .replace(/\s+/g, "").length +
        4
  );
}

/** A title cut off at a word that cannot end it ("... del av Kvarnen 2:14 –", "... avseende"). */
const DANGLING = /(?:[-–,(]|\s(?:och|av|för|i|på|med|till|om|samt|inom|vid|över|under|mot|avseende|från|enligt))$/;

/** The next filled line after `i`, or "" at the paragraph's end. */
function nextFilled(lines: Line[], i: number, end: number): string {
  for (let j = i + 1; j < end; j++) if (lines[j]?.text) return lines[j]?.text ?? "";
  return "";
}

/**
 * Whether `text` carries on a title the layout wrapped: it is short and unfinished, nothing but
 * a diarienummer, a section heading or the end follows it, and either the title stops mid-phrase
 * or the line starts the way a continuation does ("2010–2012 avseende 2010", "antagande").
 */
function continuesTitle(title: string, text: string, following: string): boolean {
  if (text.length > 90 || /[.:!?]$/.test(text) || SECTION.test(text) || text.includes("§")) return false;
  // "... om en ny" / "simhall i Björkhagen", "... i" / "Tallhöjden", "... extremism" / "2012–2015".
  if (/^\p{Ll}/u.test(text) && text.length < 60 && !/[.:]$/.test(title)) return true;
  if (DANGLING.test(title) && text.length < 60) return true;
  if (/^(?:19|20)\d\d(?:\s?[–-]\s?(?:19|20)?\d\d)?$/.test(text)) return true;
  // An upper-case line carries on the title only where the diarienummer follows it at once.
  if (!DANGLING.test(title) && !/^[\p{Ll}\d(]/u.test(text)) return isDnrLine(following);
  return !following || isDnrLine(following) || SECTION.test(following);
}

/** Title and own diarienummer from the heading line and the few lines after it. */
interface HeadingInfo {
  title: string | null;
  dnr: string[];
}

function headingInfo(lines: Line[], c: Candidate, end: number): HeadingInfo {
  const dnr = findCaseNumbers(c.rest).map((f) => f.canonical);
  let title: string | null = c.rest ? stripTitle(c.rest) || null : null;
  const inTitle: string[] = [];
  let seen = 0;
  let gap = false;
  let done = false;
  for (let i = c.index + 1; i < end && seen < 6; i++) {
    const text = lines[i]?.text ?? "";
    if (!text) {
      gap = title !== null;
      continue;
    }
    seen++;
    if (isDnrLine(text)) {
      dnr.push(...findCaseNumbers(text).map((f) => f.canonical));
      if (title !== null) break;
      continue;
    }
    if (title === null) {
      if (SECTION.test(text) || /^(?:justerandes|utdragsbestyrkande)/i.test(text)) break;
      title = stripTitle(text);
      inTitle.push(...findCaseNumbers(text).map((f) => f.canonical));
      continue;
    }
    // A blank line ends a title, unless what follows could only continue it ("aftonskola").
    if (!done && !(gap && !/^\p{Ll}/u.test(text)) && continuesTitle(title, text, nextFilled(lines, i, end))) {
      title = `${title} ${text}`;
      continue;
    }
    // Past the title, a running header a layout put here may stand before the diarienummer; text may not.
    if (SECTION.test(text) || /[.!?:]$/.test(text) || text.length > 60) break;
    done = true;
  }
  return { title: title ? tidyTitle(title) : null, dnr: [...new Set(dnr.length > 0 ? dnr : inTitle)] };
}

/** The title part of a heading line: its diarienummer and label taken out, a closing dash kept. */
function stripTitle(text: string): string {
  let out = text.replace(DNR_LABEL, "");
  for (const c of findCaseNumbers(text)) out = out.replace(c.written, "");
  return out
    .replace(/\s+/g, " ")
    .replace(/^[\s,:–-]+|[\s,:]+$/g, "")
    .trim();
}

function tidyTitle(title: string): string {
  return title
    .replace(/\s+/g, " ")
    .replace(/[\s,:–-]+$/, "")
    .replace(/\(\s*\)$/, "")
    .trim();
}

/**
 * Every paragraph of a protokoll in order, using the header's announced range to tell
 * headings from references and the table of contents to recover lost titles.
 */
export function findParagraphs(lines: Line[], range: { from: number; to: number } | null): ParagraphSlice[] {
  const all = candidates(lines);
  const toc = tocRange(lines, all);
  const body = toc ? all.filter((c) => c.index < toc[0] || c.index >= toc[1]) : all;
  const tocEntries: TocEntry[] = toc ? parseToc(lines.slice(toc[0] + 1, toc[1]).map((l) => l.text)) : [];
  const byNumber = new Map(tocEntries.filter((e) => e.number !== null).map((e) => [e.number as number, e]));
  const chosen = chooseHeadings(body, range);
  const infos = chosen.map((c, k) => headingInfo(lines, c, chosen[k + 1]?.index ?? lines.length));
  const above = dnrAbove(lines, chosen, infos.filter((i) => i.dnr.length > 0).length, toc ? toc[0] : -1);
  return chosen.map((c, k) => {
    const next = chosen[k + 1];
    const end = next ? (above[k + 1] ?? next.index) : lines.length;
    const info = above[k + 1] === undefined ? (infos[k] as HeadingInfo) : headingInfo(lines, c, end);
    const own = above[k];
    if (own !== undefined && info.dnr.length === 0)
      info.dnr.push(...findCaseNumbers(lines[own]?.text ?? "").map((f) => f.canonical));
    const entry = byNumber.get(c.number);
    let title = info.title;
    const cut = title !== null && DANGLING.test(title);
    if (entry?.title && (!title || (cut && entry.title.startsWith(title)))) title = entry.title;
    return {
      number: c.number,
      title,
      diarienummer: info.dnr.length > 0 ? info.dnr : (entry?.diarienummer ?? []),
      start: c.index,
      end,
      page: lines[c.index]?.page ?? 1,
    };
  });
}

/**
 * Layouts that print "Diarienummer RS10/00041" above the "§ 3" heading: the line belongs to the
 * paragraph below it. Taken only where more headings have one right above than right below, so
 * a decision that ends with its own diarienummer keeps it.
 */
function dnrAbove(lines: Line[], chosen: Candidate[], below: number, tocStart: number): Array<number | undefined> {
  const found = chosen.map((c) => {
    for (let i = c.index - 1; i >= 0 && i >= c.index - 12; i--) {
      const text = lines[i]?.text ?? "";
      if (!text) continue;
      // The last row of a table of contents on the page before is not this paragraph's.
      const ownPage = lines[i]?.page === lines[c.index]?.page || tocStart < 0 || i < tocStart || c !== chosen[0];
      return isDnrLine(text) && ownPage ? i : undefined;
    }
    return undefined;
  });
  const count = found.filter((i) => i !== undefined).length;
  return count > 0 && count >= below ? found : chosen.map(() => undefined);
}
