/**
 * Scoring check over generated records: a § that runs across a page break must not carry the
 * page's running footer or header into its text (nor, through it, into search). Each record is
 * read three ways: one text per page, the pages flattened into one text as a .txt export gives
 * them, and with the running header at the foot of the page, where some PDF text layers put it.
 */
import { describe, expect, it } from "vitest";
import { understand } from "../../../indexer/understand/index.ts";
import { buildCorpus, type GeneratedRecord, renderPages } from "../../../tools/generate/index.ts";

const FURNITURE = /Justerandes sign|Utdragsbestyrkande|Sida \d+ av \d+/i;

/** The running header moved below the text, just above the footer line. */
function headerAtFoot(record: GeneratedRecord, pages: string[]): string[] {
  const { header, headerColumns } = record.layout;
  const height = headerColumns ? 1 : header.length;
  return pages.map((page) => {
    const lines = page.split("\n");
    return [...lines.slice(height, -1), ...lines.slice(0, height), ...lines.slice(-1)].join("\n");
  });
}

const records = [11, 12, 13].flatMap((seed) =>
  buildCorpus({ seed, count: 150 }).filter((r) => r.truth.paragraphs.length > 0),
);

describe("page furniture stays out of paragraph text", () => {
  it("has generated protokoll and utdrag with § across page breaks", () => {
    expect(records.length).toBeGreaterThan(100);
    expect(records.some((r) => renderPages(r).length > 3)).toBe(true);
  });

  it.each([
    ["one text per page", (_r: GeneratedRecord, pages: string[]) => pages],
    ["flattened into one text", (_r: GeneratedRecord, pages: string[]) => [pages.join("\n\n\n")]],
    ["header at the foot of each page", headerAtFoot],
  ])("%s", (_name, read) => {
    const leaks: string[] = [];
    let paragraphs = 0;
    for (const record of records) {
      const municipality = record.truth.municipality.toUpperCase();
      const { paragraphs: found } = understand({
        pages: read(record, renderPages(record)),
        filename: record.truth.file,
      });
      paragraphs += found.length;
      for (const p of found) {
        const line = p.text.split("\n").find((l) => FURNITURE.test(l) || l.includes(municipality));
        if (line) leaks.push(`${record.truth.file} § ${p.number}: ${line}`);
      }
    }
    expect(paragraphs).toBeGreaterThan(records.length);
    expect(leaks).toEqual([]);
  });
});
