/**
 * A protokoll's table of contents (innehåll, ärendelista). Its rows are not paragraphs, but
 * they carry each paragraph's title and diarienummer, which the text layer sometimes loses
 * at the paragraph itself.
 */
import { findCaseNumbers } from "./diarienummer.ts";

export interface TocEntry {
  number: number | null;
  title: string;
  diarienummer: string[];
}

export const TOC_MARKER = /^(?:innehåll(?:sförteckning)?|ärendelista|ärendeförteckning|förteckning över ärenden)\b/i;
/** A page number (or range) closing a row: "7", "10 - 11". */
const PAGE_TAIL = /\s+\d{1,3}(?:\s*[-–]\s*\d{1,3})?$/;
const PAGE_ONLY = /^\d{1,3}(?:\s*[-–]\s*\d{1,3})?$/;
const ROW = /^§\s*(\d{1,4})?(?:\s+(.*))?$/;
const NUMBER_CELL = /^(\d{1,4})(?:\s+(.*))?$/;
const DNR_ONLY = /^(?:dnr\.?\s*)?[\p{L}]{0,6}[\s/-]?(?:19|20)\d\d[/:-]\d+(?:[ .]\d{1,3})?$/iu;

function addText(entry: { parts: string[]; complete: boolean }, text: string): void {
  const tail = PAGE_TAIL.test(text);
  const clean = text.replace(PAGE_TAIL, "").trim();
  if (clean) entry.parts.push(clean);
  if (tail) entry.complete = true;
}

/** Rows of a table of contents from its lines, whichever of the usual layouts it came in. */
export function parseToc(lines: string[]): TocEntry[] {
  type Draft = { number: number | null; parts: string[]; complete: boolean; dnr: string[] };
  const drafts: Draft[] = [];
  let pendingDnr: string[] = [];
  let current: Draft | null = null;
  const rows = lines.flatMap((l) => l.replace(/^[-–•]\s*(?=§)/, "").split(/\s+(?=§\s?\d)/));
  for (const line of rows) {
    if (!line) continue;
    const row = ROW.exec(line);
    if (row) {
      current = { number: row[1] ? Number(row[1]) : null, parts: [], complete: false, dnr: pendingDnr };
      pendingDnr = [];
      drafts.push(current);
      if (row[2]) addText(current, row[2]);
      continue;
    }
    if (DNR_ONLY.test(line)) {
      pendingDnr.push(...findCaseNumbers(line).map((c) => c.canonical));
      continue;
    }
    if (!current) continue;
    if (current.number !== null && PAGE_ONLY.test(line)) {
      current.complete = true;
      continue;
    }
    const cell = NUMBER_CELL.exec(line);
    if (cell && current.number === null) {
      current.number = Number(cell[1]);
      if (cell[2]) addText(current, cell[2]);
      continue;
    }
    if (!current.complete || /^[\p{Ll}"”“'(]/u.test(line)) addText(current, line);
  }
  return drafts.map((d) => ({
    number: d.number,
    title: d.parts
      .join(" ")
      .replace(/(\p{Ll})- (?!(?:och|eller|samt|respektive|till)\b)(\p{Ll})/gu, "$1$2")
      .trim(),
    diarienummer: d.dnr,
  }));
}
