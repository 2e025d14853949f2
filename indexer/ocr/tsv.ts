import { kindOf } from "../understand/attendance-table.ts";
import type { OcrResult } from "./ocr-engine.ts";

interface Word {
  text: string;
  left: number;
  right: number;
  height: number;
}

interface Line {
  words: Word[];
  block: string;
}

/**
 * Tesseract's TSV output → the page's text and its mean word confidence.
 * Columns: level, page_num, block_num, par_num, line_num, word_num, left,
 * top, width, height, conf, text; level 5 rows are words. Words keep their
 * lines and blocks keep a blank line between them, as pdftotext lays a page
 * out, so the understanding stage reads OCR text the way it reads a text layer.
 *
 * Tesseract reads a line across the whole page, so a header table of two
 * columns ("Beslutande" beside "Ersättare") comes out with each row's two
 * cells on one line. Where consecutive lines share a wide gap at one place
 * (a gutter) and the right side has a label of who attended, the left column
 * is written first and then the right one, the reading order pdftotext gives the same
 * table in a born-digital record. Tables of a label beside its value
 * (signatures, the anslag) keep their rows: there the row is the reading.
 */
export function parseTesseractTsv(tsv: string): OcrResult {
  const lines = new Map<string, Line>();
  let confidence = 0;
  let words = 0;
  for (const row of tsv.split("\n")) {
    const cols = row.split("\t");
    if (cols[0] !== "5" || cols.length < 12) continue;
    const text = (cols.slice(11).join("\t") ?? "").trim();
    const conf = Number(cols[10]);
    if (!text || !Number.isFinite(conf) || conf < 0) continue;
    const key = `${cols[1]}.${cols[2]}.${cols[3]}.${cols[4]}`;
    const line = lines.get(key) ?? { words: [], block: `${cols[1]}.${cols[2]}` };
    const left = Number(cols[6]);
    line.words.push({ text, left, right: left + Number(cols[8]), height: Number(cols[9]) });
    lines.set(key, line);
    confidence += conf;
    words++;
  }
  const out: string[] = [];
  let previousBlock: string | null = null;
  for (const run of columnRuns([...lines.values()])) {
    const block = run.lines[0]?.block ?? null;
    if (previousBlock !== null && block !== previousBlock) out.push("");
    if (run.gutter === null) {
      for (const [k, line] of run.lines.entries()) {
        if (k > 0 && line.block !== run.lines[k - 1]?.block) out.push("");
        out.push(text(line.words));
      }
    } else {
      const gutter = run.gutter;
      const left = run.lines.map((l) => l.words.filter((w) => w.left < gutter)).filter((w) => w.length > 0);
      const right = run.lines.map((l) => l.words.filter((w) => w.left >= gutter)).filter((w) => w.length > 0);
      out.push(...left.map(text), "", ...right.map(text));
    }
    previousBlock = run.lines.at(-1)?.block ?? null;
  }
  return { text: out.join("\n"), confidence: words ? Math.round((confidence / words) * 10) / 10 : 0, words };
}

/** Lines of two columns need at least this many rows split at the gutter. */
const MIN_SPLIT_ROWS = 2;

interface Run {
  lines: Line[];
  /** Where the right column starts (pixels), or null for ordinary lines. */
  gutter: number | null;
}

/**
 * Splits the page's lines into runs: ordinary lines, and two-column runs
 * whose rows share a gutter and that name who attended. A row belongs to a
 * run when it splits at the run's gutter, or lies wholly on one side of it;
 * a word across the gutter or a split elsewhere ends the run.
 */
function columnRuns(lines: Line[]): Run[] {
  const runs: Run[] = [];
  let plain: Line[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as Line;
    const gutter = splitAt(line);
    if (gutter === null) {
      plain.push(line);
      i++;
      continue;
    }
    const tolerance = 2 * lineHeight(line);
    const run: Line[] = [line];
    let splits = 1;
    let j = i + 1;
    for (; j < lines.length; j++) {
      const next = lines[j] as Line;
      const at = splitAt(next);
      if (at !== null) {
        if (Math.abs(at - gutter) > tolerance) break;
        splits++;
      } else if (next.words.some((w) => w.left < gutter - tolerance && w.right > gutter)) break;
      run.push(next);
    }
    if (splits >= MIN_SPLIT_ROWS && run.some((l) => namesAttendance(l, gutter - tolerance))) {
      if (plain.length) runs.push({ lines: plain, gutter: null });
      plain = [];
      // Words a little left of the gutter (a right cell's ragged start) still go right.
      runs.push({ lines: run, gutter: gutter - tolerance });
      i = j;
    } else {
      plain.push(line);
      i++;
    }
  }
  if (plain.length) runs.push({ lines: plain, gutter: null });
  return runs;
}

/** Where a line's right column starts: after a gap of more than four line heights, or null. */
function splitAt(line: Line): number | null {
  const height = lineHeight(line);
  for (let k = 1; k < line.words.length; k++) {
    const before = line.words[k - 1] as Word;
    const after = line.words[k] as Word;
    if (after.left - before.right > 4 * height) return after.left;
  }
  return null;
}

/**
 * Whether a row's right cell is a label of those present ("Ersättare",
 * "Övriga deltagare"): two columns of cells, each a label above its values.
 * A label only on the left is a table of labels beside their values, which
 * reads right row by row.
 */
function namesAttendance(line: Line, gutter: number): boolean {
  const cell = line.words.filter((w) => w.left >= gutter);
  const kind = cell.length > 0 && cell.length <= 4 ? kindOf(text(cell)) : "stop";
  return kind === "members" || kind === "substitutes" || kind === "serving" || kind === "others";
}

function lineHeight(line: Line): number {
  const heights = line.words.map((w) => w.height).sort((a, b) => a - b);
  return heights[Math.floor(heights.length / 2)] ?? 0;
}

function text(words: Word[]): string {
  return words.map((w) => w.text).join(" ");
}
