import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { understand } from "../../indexer/understand/index.ts";

/**
 * The range a protocol's header announces, read here independently of the
 * indexer so the score does not grade itself: "Paragrafer 46–60" /
 * "Paragrafer §16 - §28" where written; otherwise the span of the "§§ 1-4"
 * ranges by which the header says who attended which paragraphs.
 */
export function announcedRange(text: string): { from: number; to: number } | null {
  const head = text.slice(0, 8000);
  const stated = /Paragrafer\s*§?\s*(\d{1,4})\s*[-–—]\s*§?\s*(\d{1,4})/i.exec(head);
  if (stated) return checked(Number(stated[1]), Number(stated[2]));
  const spans = [...head.matchAll(/§§\s*(\d{1,4})\s*[-–—]\s*(\d{1,4})/g)].map((m) => [Number(m[1]), Number(m[2])]);
  if (spans.length === 0) return null;
  return checked(Math.min(...spans.map((s) => s[0] as number)), Math.max(...spans.map((s) => s[1] as number)));
}

function checked(from: number, to: number): { from: number; to: number } | null {
  return to >= from && to - from < 400 ? { from, to } : null;
}

/** § recall and titles over the real protocols in `dir`; zeros when the folder is absent. */
export async function scoreRealRecords(dir: string) {
  const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith(".txt")).sort();
  const result = {
    files: files.length,
    withRange: 0,
    expected: 0,
    found: 0,
    outside: 0,
    paragraphs: 0,
    titled: 0,
    withDnr: 0,
    recall: 0,
    perFile: [] as { file: string; missing: number[] }[],
  };
  for (const file of files) {
    const text = await readFile(join(dir, file), "utf8");
    const record = understand({ pages: [text], filename: file });
    const numbers = new Set(record.paragraphs.map((p) => p.number));
    const range = announcedRange(text);
    const missing: number[] = [];
    if (range) {
      result.withRange++;
      for (let n = range.from; n <= range.to; n++) {
        result.expected++;
        if (numbers.has(n)) result.found++;
        else missing.push(n);
      }
      result.outside += [...numbers].filter((n) => n < range.from || n > range.to).length;
    }
    result.paragraphs += record.paragraphs.length;
    result.titled += record.paragraphs.filter((p) => p.title).length;
    result.withDnr += record.paragraphs.filter((p) => p.diarienummer.length > 0).length;
    result.perFile.push({ file, missing });
  }
  result.recall = result.expected ? result.found / result.expected : 0;
  return result;
}
