import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PDFParse } from "pdf-parse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildCorpus,
  type GeneratedFile,
  type GeneratedRecord,
  generateCorpus,
  renderPages,
} from "../tools/generate/index.ts";

const CANONICAL = /^(?:[A-Z]+-)?\d{4}\/[1-9]\d*(?:\.\d{3})?$/;
const squash = (s: string): string => s.replace(/\s+/g, " ").trim();

function textOf(r: GeneratedRecord): string {
  return squash(renderPages(r).join("\n"));
}

describe("buildCorpus", () => {
  const corpus = buildCorpus({ seed: 7, count: 400 });

  it("is deterministic: the same seed gives identical truth and text", () => {
    const again = buildCorpus({ seed: 7, count: 400 });
    expect(JSON.stringify(again.map((r) => r.truth))).toBe(JSON.stringify(corpus.map((r) => r.truth)));
    expect(again.map((r) => renderPages(r).join("\f"))).toEqual(corpus.map((r) => renderPages(r).join("\f")));
    expect(JSON.stringify(buildCorpus({ seed: 8, count: 50 }).map((r) => r.truth))).not.toBe(
      JSON.stringify(corpus.slice(0, 50).map((r) => r.truth)),
    );
  });

  it("gives exactly the requested number of records, with unique file names", () => {
    for (const count of [1, 10, 37]) expect(buildCorpus({ seed: 3, count })).toHaveLength(count);
    expect(new Set(corpus.map((r) => r.truth.file)).size).toBe(corpus.length);
  });

  it("mixes record types, formats and diarienummer styles", () => {
    const types = new Set(corpus.map((r) => r.truth.type));
    expect([...types].sort()).toEqual(["bilaga", "kallelse", "protokoll", "protokollsutdrag", "tjansteutlatande"]);
    const formats = corpus.map((r) => r.truth.format);
    expect(formats.filter((f) => f === "pdf").length).toBeGreaterThan(200);
    expect(formats.filter((f) => f === "docx").length).toBeGreaterThan(90);
    expect(formats.filter((f) => f === "txt").length).toBeGreaterThan(25);
    const written = new Set(
      corpus.flatMap((r) => r.truth.caseNumbersWritten.map((c) => c.written.replace(/\d+/g, "9"))),
    );
    expect(written.size).toBeGreaterThan(5);
  });

  it("keeps only canonical diarienummer in the truth, each written in the text", () => {
    for (const r of corpus) {
      const text = textOf(r);
      for (const d of r.truth.diarienummer) expect(d).toMatch(CANONICAL);
      for (const p of r.truth.paragraphs) for (const d of p.diarienummer) expect(r.truth.diarienummer).toContain(d);
      for (const c of r.truth.caseNumbersWritten) {
        expect(r.truth.diarienummer).toContain(c.canonical);
        expect(text).toContain(squash(c.written));
      }
    }
  });

  it("never lets a look-alike number into the truth", () => {
    const all = corpus.flatMap((r) => r.truth.diarienummer);
    const text = corpus.map(textOf).join("\n");
    for (const lookalike of ["SOU 2025:8", "SFS 2009:400", "(2010:800)", "556877-6495", "läsåret", "§ 44"]) {
      if (lookalike !== "§ 44") expect(text).toContain(lookalike);
    }
    for (const bad of [
      "SOU-2025/8",
      "SFS-2009/400",
      "2010/800",
      "2019/20",
      "2009/400",
      "2001/453",
      "2022/2023",
      "SI-2019/6590",
      "PROP-2019/20",
    ]) {
      expect(all.some((d) => d === bad || d.startsWith(`${bad}.`))).toBe(false);
    }
  });

  it("names speakers, reservations and notes that the paragraph text mentions, each once", () => {
    for (const r of corpus.filter((x) => x.truth.type === "protokoll")) {
      const text = textOf(r);
      const numbers = r.truth.paragraphs.map((p) => p.number);
      expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
      for (const p of r.truth.paragraphs) {
        expect(text).toContain(squash(p.title));
        const keys = p.speakers.map((s) => `${s.name}|${s.party}`);
        expect(new Set(keys).size).toBe(keys.length);
        for (const s of [...p.speakers, ...p.reservations, ...p.notes]) expect(text).toContain(s.name);
        for (const a of p.attachments) expect(text).toMatch(new RegExp(`bilaga ${a.label.replace(".", "\\.")}\\b`));
      }
      for (const a of r.truth.attendees) expect(a.role).not.toBeNull();
    }
  });

  it("links only to records that exist, and bilagor point back", () => {
    const byFile = new Map(corpus.map((r) => [r.truth.file, r]));
    for (const r of corpus) {
      for (const l of r.truth.links) {
        const target = byFile.get(l.file);
        expect(target, `${r.truth.file} -> ${l.file}`).toBeDefined();
        if (l.rel === "attached-to")
          expect(target?.truth.links.some((b) => b.rel === "attachment" && b.file === r.truth.file)).toBe(true);
      }
      if (r.truth.type === "bilaga") expect(r.truth.belongsTo?.label).toBeTruthy();
    }
    expect(corpus.some((r) => r.truth.references.length > 0)).toBe(true);
  });
});

describe("generateCorpus", () => {
  let dir = "";
  let files: GeneratedFile[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "namndarkiv-gen-"));
    ({ files } = await generateCorpus({ seed: 11, count: 30, outDir: dir }));
  }, 60_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("writes every file in its format with its truth beside it", async () => {
    expect(files).toHaveLength(30);
    for (const f of files) {
      const bytes = await readFile(f.path);
      const truth = JSON.parse(await readFile(f.truthPath, "utf8"));
      expect(f.path.endsWith(truth.file)).toBe(true);
      if (f.format === "pdf") expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      if (f.format === "docx") {
        expect(bytes.subarray(0, 4).toString("latin1")).toBe("PK\u0003\u0004");
        expect(bytes.includes(Buffer.from("word/document.xml"))).toBe(true);
      }
      if (f.format === "txt") {
        const text = new TextDecoder(truth.encoding).decode(bytes);
        expect(text).toContain(truth.type === "tjansteutlatande" ? truth.title.split(" ")[0] : "");
        expect(text).not.toContain("\uFFFD");
      }
    }
  });

  it("produces PDFs whose text layer holds every paragraph title", async () => {
    const pdfs = files.filter((f) => f.format === "pdf");
    let checked = 0;
    for (const f of pdfs) {
      const truth = JSON.parse(await readFile(f.truthPath, "utf8")) as GeneratedRecord["truth"];
      if (truth.paragraphs.length === 0) continue;
      const parser = new PDFParse({ data: await readFile(f.path) });
      const result = await parser.getText();
      await parser.destroy();
      // A title drawn beside its diarienummer can be interleaved with it by the text layer.
      let text = result.text;
      for (const c of truth.caseNumbersWritten) text = text.split(c.written).join(" ");
      text = squash(text);
      for (const p of truth.paragraphs) expect(text).toContain(squash(p.title));
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  }, 60_000);
});
