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

/** The longest run of increasing numbers, preferring steps of one, inside the announced range. */
function chooseHeadings(cands: Candidate[], range: { from: number; to: number } | null): Candidate[] {
  const pool = range ? cands.filter((c) => c.number >= range.from && c.number <= range.to) : cands;
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
      const closer =
        prev[i] !== undefined &&
        prev[i]! >= 0 &&
        ci.number - cj.number < ci.number - (pool[prev[i]!] as Candidate).number;
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

function stripDnr(text: string): string {
  let out = text.replace(DNR_LABEL, "");
  for (const c of findCaseNumbers(text)) out = out.replace(c.written, "");
  return out
    .replace(/\s+/g, " ")
    .replace(/^[\s,:–-]+|[\s,:–-]+$/g, "")
    .trim();
}

/** Title and own diarienummer from the heading line and the few lines after it. */
function headingInfo(lines: Line[], c: Candidate, end: number): { title: string | null; dnr: string[] } {
  const dnr = findCaseNumbers(c.rest).map((f) => f.canonical);
  let title: string | null = stripDnr(c.rest) || null;
  const inTitle: string[] = [];
  let seen = 0;
  for (let i = c.index + 1; i < end && seen < 6; i++) {
    const text = lines[i]?.text ?? "";
    if (!text) continue;
    seen++;
    if (isDnrLine(text)) {
      dnr.push(...findCaseNumbers(text).map((f) => f.canonical));
      continue;
    }
    if (title !== null && /^\p{Ll}/u.test(text) && text.length < 80 && seen <= 3) {
      title = `${title} ${stripDnr(text)}`;
      continue;
    }
    if (title !== null || SECTION.test(text) || /^(?:justerandes|utdragsbestyrkande)/i.test(text)) break;
    title = stripDnr(text);
    inTitle.push(...findCaseNumbers(text).map((f) => f.canonical));
    for (let j = i + 1; j < end && /^[\p{Ll}(]/u.test(lines[j]?.text ?? ""); j++) {
      title = `${title} ${lines[j]?.text ?? ""}`;
      i = j;
    }
  }
  return { title: title || null, dnr: [...new Set(dnr.length > 0 ? dnr : inTitle)] };
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
  return chosen.map((c, k) => {
    const end = chosen[k + 1]?.index ?? lines.length;
    const info = headingInfo(lines, c, end);
    const entry = byNumber.get(c.number);
    let title = info.title;
    const cut =
      title !== null && /(?:[-,]|\s(?:och|av|för|i|på|med|till|om|samt|inom|vid|över|under|mot))$/.test(title);
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
