/**
 * Helpers for `npm run eval:ocr -- --real DIR`: the real protocols in
 * ../shared/real-records are plain text (their PDFs' text layers), so each is
 * laid out again as a plain single-column PDF here, then read born-digital
 * and as a scan; and the two page texts are compared character by character
 * and word by word. Nothing of the records is written anywhere but the
 * temporary folder the eval makes.
 */

import PDFDocument from "pdfkit";

const LEFT = 60;
const WIDTH = 595.28 - 2 * LEFT;

/** Characters Helvetica's WinAnsi encoding lacks, as a typist would write them. */
const OUTSIDE_WINANSI: Record<string, string> = { "−": "-", "˗": "-", "‐": "-", "‑": "-", "\uf0b7": "•" };

/**
 * The text as an A4 PDF in 10.5 pt Helvetica, line by line, long lines
 * wrapped, pages broken where they fill; stops after `maxPages` pages (the
 * page after them may hold a little more text, which the eval leaves out).
 */
export function renderTextPdf(text: string, maxPages: number): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: 60, bottom: 70, left: LEFT, right: LEFT },
    info: { Producer: "namndarkiv eval:ocr", CreationDate: new Date("2020-01-01T12:00:00Z") },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  let pages = 1;
  doc.on("pageAdded", () => pages++);
  doc.font("Helvetica").fontSize(10.5);
  const clean = text
    .normalize("NFC")
    .replace(/[^\n\x20-\xff–—‘’‚“”„†‡•…‰‹›€™ŠšŽžŒœŸƒˆ˜]/g, (c) => OUTSIDE_WINANSI[c] ?? "");
  for (const line of clean.split("\n")) {
    if (pages > maxPages) break;
    if (line.trim() === "") doc.moveDown(0.5);
    else doc.text(line.trim(), LEFT, doc.y, { width: WIDTH });
  }
  doc.end();
  return done;
}

/** Whitespace collapsed, Unicode composed: what both readings are compared on. */
export function normalizeText(text: string): string {
  return text.normalize("NFC").replace(/\s+/g, " ").trim();
}

/** Levenshtein distance between two sequences of integers, in two rows of memory. */
function distance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = new Uint32Array(b.length + 1);
  let curr = new Uint32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    curr[0] = i;
    const ai = a[i - 1];
    for (let j = 1; j <= b.length; j++) {
      const sub = (prev[j - 1] as number) + (ai === b[j - 1] ? 0 : 1);
      const del = (prev[j] as number) + 1;
      const ins = (curr[j - 1] as number) + 1;
      curr[j] = Math.min(sub, del, ins);
    }
    [prev, curr] = [curr, prev];
  }
  return prev[b.length] as number;
}

/** Per page: character and word edit distances and the words both readings share (multiset). */
export interface TextComparison {
  chars: number;
  charEdits: number;
  words: number;
  readWords: number;
  wordEdits: number;
  sharedWords: number;
}

export function emptyComparison(): TextComparison {
  return { chars: 0, charEdits: 0, words: 0, readWords: 0, wordEdits: 0, sharedWords: 0 };
}

/** Adds the comparison of one page's OCR reading with its reference reading to `sum`. */
export function comparePage(sum: TextComparison, reference: string, read: string): void {
  const ref = normalizeText(reference);
  const got = normalizeText(read);
  const codes = (s: string) => Uint32Array.from(s, (c) => c.codePointAt(0) ?? 0);
  const refChars = codes(ref);
  sum.chars += refChars.length;
  sum.charEdits += distance(refChars, codes(got));
  const ids = new Map<string, number>();
  const id = (w: string) => {
    if (!ids.has(w)) ids.set(w, ids.size);
    return ids.get(w) as number;
  };
  const refWords = ref ? ref.split(" ").map(id) : [];
  const gotWords = got ? got.split(" ").map(id) : [];
  sum.words += refWords.length;
  sum.readWords += gotWords.length;
  sum.wordEdits += distance(refWords, gotWords);
  const left = new Map<number, number>();
  for (const w of refWords) left.set(w, (left.get(w) ?? 0) + 1);
  for (const w of gotWords) {
    const n = left.get(w) ?? 0;
    if (n > 0) {
      sum.sharedWords++;
      left.set(w, n - 1);
    }
  }
}

/** Character and word error rates (edits per reference unit) and the bag-of-words F1. */
export function textScores(c: TextComparison) {
  const precision = c.readWords ? c.sharedWords / c.readWords : 0;
  const recall = c.words ? c.sharedWords / c.words : 0;
  return {
    cer: c.chars ? c.charEdits / c.chars : 0,
    wer: c.words ? c.wordEdits / c.words : 0,
    wordF1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
  };
}
