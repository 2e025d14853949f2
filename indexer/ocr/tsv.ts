import type { OcrResult } from "./ocr-engine.ts";

/**
 * Tesseract's TSV output → the page's text and its mean word confidence.
 * Columns: level, page_num, block_num, par_num, line_num, word_num, left,
 * top, width, height, conf, text; level 5 rows are words. Words keep their
 * lines and blocks keep a blank line between them, as pdftotext lays a page
 * out, so the understanding stage reads OCR text the way it reads a text layer.
 */
export function parseTesseractTsv(tsv: string): OcrResult {
  const lines = new Map<string, string[]>();
  const blockOf = new Map<string, string>();
  let confidence = 0;
  let words = 0;
  for (const row of tsv.split("\n")) {
    const cols = row.split("\t");
    if (cols[0] !== "5" || cols.length < 12) continue;
    const text = (cols.slice(11).join("\t") ?? "").trim();
    const conf = Number(cols[10]);
    if (!text || !Number.isFinite(conf) || conf < 0) continue;
    const key = `${cols[1]}.${cols[2]}.${cols[3]}.${cols[4]}`;
    const line = lines.get(key) ?? [];
    line.push(text);
    lines.set(key, line);
    blockOf.set(key, `${cols[1]}.${cols[2]}`);
    confidence += conf;
    words++;
  }
  const out: string[] = [];
  let previousBlock: string | null = null;
  for (const [key, line] of lines) {
    const block = blockOf.get(key) ?? null;
    if (previousBlock !== null && block !== previousBlock) out.push("");
    out.push(line.join(" "));
    previousBlock = block;
  }
  return { text: out.join("\n"), confidence: words ? Math.round((confidence / words) * 10) / 10 : 0, words };
}
