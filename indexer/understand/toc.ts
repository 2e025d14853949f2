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

/**
 * Whether the diarienummer column precedes each row: the column headings say so ("§ / Ärende /
 * Dnr" puts it after), else a diarienummer above the first row or none closing the table does.
 */
function dnrBeforeRow(rows: string[]): boolean {
  const firstRow = rows.findIndex((r) => ROW.test(r) && /\d/.test(r));
  const head = ` ${rows
    .slice(0, firstRow < 0 ? rows.length : firstRow)
    .join(" ")
    .toLowerCase()} `;
  const dnrHead = head.search(/\s(?:dnr|diarienummer|diarienr)\s/);
  const titleHead = head.search(/\s(?:ärende|rubrik|ämne)\s/);
  if (dnrHead >= 0 && titleHead >= 0) return dnrHead < titleHead;
  const filled = rows.map((r) => r.trim()).filter(Boolean);
  const firstDnr = filled.findIndex((r) => DNR_ONLY.test(r));
  if (firstDnr >= 0 && (firstRow < 0 || firstDnr < filled.findIndex((r) => ROW.test(r) && /\d/.test(r)))) return true;
  // A page number right after a diarienummer closes the row it belongs to; a row right after it opens its own.
  let closing = 0;
  let opening = 0;
  filled.forEach((r, i) => {
    if (!DNR_ONLY.test(r)) return;
    if (PAGE_ONLY.test(filled[i + 1] ?? "")) closing++;
    else if (ROW.test(filled[i + 1] ?? "")) opening++;
  });
  if (closing !== opening) return opening > closing;
  return !DNR_ONLY.test(filled.filter((r) => !PAGE_ONLY.test(r)).at(-1) ?? "");
}

/** Rows of a table of contents from its lines, whichever of the usual layouts it came in. */
export function parseToc(lines: string[]): TocEntry[] {
  type Draft = { number: number | null; parts: string[]; complete: boolean; dnr: string[] };
  const drafts: Draft[] = [];
  let pendingDnr: string[] = [];
  let current: Draft | null = null;
  const rows = lines.flatMap((l) => l.replace(/^[-–•]\s*(?=§)/, "").split(/\s+(?=§\s?\d)/));
  // A column of diarienummer stands before its row in some layouts ("KS 2020/42" / "§ 8 Title") and after it in others.
  const dnrFirst = dnrBeforeRow(rows);
  // Columns flattened one after the other ("§ 38", "§ 39", ... then the titles): no row owns a diarienummer.
  const columns = rows.some((r, i) =>
    [r, rows[i + 1], rows[i + 2]].every((x) => /^§\s?\d{1,4}$/.test(x?.trim() ?? "")),
  );
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
      if (columns) continue;
      const found = findCaseNumbers(line).map((c) => c.canonical);
      if (dnrFirst || !current) pendingDnr.push(...found);
      else current.dnr.push(...found);
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
