import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import mammoth from "mammoth";
import { PDFParse } from "pdf-parse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildCorpus,
  type GeneratedFile,
  type GeneratedRecord,
  generateCorpus,
  renderPages,
  renderRecord,
} from "../tools/generate/index.ts";
import type { Block } from "../tools/generate/types.ts";

const CANONICAL = /^(?:[A-Z]+-)?\d{4}\/[1-9]\d*(?:\.\d{3})?$/;
const squash = (s: string): string => s.replace(/\s+/g, " ").trim();

function textOf(r: GeneratedRecord): string {
  return squash(renderPages(r).join("\n"));
}

/** The text of each § of a record, cut at the renderers' paragraph marks. */
function paragraphTexts(r: GeneratedRecord): Map<number, string> {
  const out = new Map<number, string>();
  let current: number | null = null;
  let blocks: Block[] = [];
  for (const b of r.layout.blocks) {
    if (b.k === "mark") {
      if (current !== null)
        out.set(current, squash(renderPages({ header: [], footer: [], headerColumns: false, blocks }).join("\n")));
      [current, blocks] = [b.paragraph, []];
    } else blocks.push(b);
  }
  return out;
}

const GARBLED_DATE = /\b(?:\d{6}-\d{2}|\d{4}-\d{2}-\d|\d{4}-\d{4})(?![\d-])/;
const key = (p: { name: string; party: string | null }): string => `${p.name}|${p.party}`;

describe("buildCorpus", () => {
  const corpus = buildCorpus({ seed: 7, count: 400 });

  it("is deterministic: the same seed gives identical truth, text and file bytes", async () => {
    const again = buildCorpus({ seed: 7, count: 400 });
    expect(JSON.stringify(again.map((r) => r.truth))).toBe(JSON.stringify(corpus.map((r) => r.truth)));
    expect(again.map((r) => renderPages(r).join("\f"))).toEqual(corpus.map((r) => renderPages(r).join("\f")));
    // Rendered at different moments: a clock anywhere in PDF or DOCX (core properties, zip entry times) would show.
    const sample = (c: GeneratedRecord[]) =>
      (["pdf", "docx", "txt"] as const).flatMap((f) => c.filter((r) => r.truth.format === f).slice(0, 4));
    const first = await Promise.all(sample(corpus).map(renderRecord));
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const second = await Promise.all(sample(again).map(renderRecord));
    expect(second).toHaveLength(12);
    const files = sample(again).map((r) => r.truth.file);
    expect(files.filter((_, i) => !second[i]?.equals(first[i] as Buffer))).toEqual([]);
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

describe("record features", () => {
  const corpus = buildCorpus({ seed: 7, count: 1200 });
  const protokoll = corpus.filter((r) => r.truth.type === "protokoll");
  const texts = new Map(corpus.map((r) => [r.truth.file, renderPages(r).join("\n")]));
  const textFor = (r: GeneratedRecord): string => texts.get(r.truth.file) ?? "";

  it("jäv: the member who declares it is neither speaker, voter, reserver nor note maker in that §", () => {
    const JAV = /(?:^|\. )(?:På grund av jäv deltar inte )?([^.()]+?) \((\w+)\)(?: anmäler jäv| i handläggningen)/;
    let seen = 0;
    for (const r of protokoll)
      for (const [n, text] of paragraphTexts(r)) {
        const m = text.match(JAV);
        if (!m || !/jäv/.test(text)) continue;
        seen++;
        const who = `${m[1]}|${m[2]?.toUpperCase()}`;
        const p = r.truth.paragraphs.find((x) => x.number === n);
        for (const list of [p?.speakers, p?.reservations, p?.notes]) expect(list?.map(key)).not.toContain(who);
        expect(text.split(`${m[1]} (${m[2]})`).length - 1, `${r.truth.file} § ${n}`).toBe(1);
      }
    expect(seen).toBeGreaterThan(5);
  });

  it("särskilt yttrande: named as a bilaga of the §, its author kept out of the notes", () => {
    const byFile = new Map(corpus.map((r) => [r.truth.file, r]));
    let inline = 0;
    let annexes = 0;
    for (const r of protokoll)
      for (const [n, text] of paragraphTexts(r)) {
        const m = text.match(/([^.()]+?) \((\w+)\),? (?:lämnar|anmäler) (?:ett |följande )?särskil/);
        if (!m) continue;
        const p = r.truth.paragraphs.find((x) => x.number === n);
        const label = text.match(/särskilt yttrande,(?: se)? bilaga (\d+(?:\.\d+)?)/)?.[1];
        if (label) expect(p?.attachments.map((a) => a.label)).toContain(label);
        else inline++;
        if (!text.includes("protokollsanteckning"))
          expect(p?.notes.map(key)).not.toContain(`${m[1]}|${m[2]?.toUpperCase()}`);
      }
    for (const r of corpus.filter((x) => x.truth.type === "bilaga" && x.truth.title === "Särskilt yttrande")) {
      annexes++;
      const back = r.truth.links.find((l) => l.rel === "attached-to");
      const target = back && byFile.get(back.file);
      expect(textFor(r)).toContain("Särskilt yttrande");
      if (target) {
        const p = target.truth.paragraphs.find((x) => x.number === r.truth.belongsTo?.paragraph);
        expect(p?.attachments.map((a) => a.label)).toContain(r.truth.belongsTo?.label);
        expect(p?.notes).toEqual(expect.any(Array));
      }
    }
    expect(inline).toBeGreaterThan(0);
    expect(annexes).toBeGreaterThan(0);
  });

  it("writes ajournering, immediate justering and recipients, never sending a decision to its own body", () => {
    const all = protokoll.map(textFor).join("\n");
    for (const phrase of ["Ajournering", "omedelbart justerad", "Beslutet expedieras till:", "anmäler jäv"])
      expect(all).toContain(phrase);
    for (const r of protokoll) {
      const own = (r.truth.body ?? "").toLowerCase();
      for (const [n, text] of paragraphTexts(r)) {
        expect(text.toLowerCase(), `${r.truth.file} § ${n}`).not.toContain(`överlämnas till ${own}`);
        const sent = text.match(/(?:expedieras|skickas) till: ([^.]*?)(?: §|$)/i)?.[1] ?? "";
        expect(sent.toLowerCase().split(/, | (?=[A-ZÅÄÖ])/)).not.toContain(own);
      }
    }
  });

  it("marks a page that continues a § with 'Forts. § N' without adding a paragraph", () => {
    const FORTS = /^(?:Forts\.? § (\d+)|forts\. § (\d+)|§ (\d+) \(forts\.\))$/m;
    let seen = 0;
    for (const r of corpus.filter((x) => x.layout.continued)) {
      const numbers = r.truth.paragraphs.map((p) => p.number);
      expect(new Set(numbers).size).toBe(numbers.length);
      for (const page of renderPages(r).slice(1)) {
        const m = page.match(FORTS);
        if (!m) continue;
        seen++;
        expect(numbers).toContain(Number(m[1] ?? m[2] ?? m[3]));
      }
    }
    expect(seen).toBeGreaterThan(5);
  });

  it("damages PDF and text layers only where the truth does not read, never DOCX", () => {
    let garbled = 0;
    let hyphenated = 0;
    for (const r of corpus) {
      const text = textFor(r);
      expect(text).not.toMatch(/[\uE000\uE001]/);
      expect(JSON.stringify(r.truth)).not.toMatch(/[\uE000\uE001]/);
      const damaged = GARBLED_DATE.test(text);
      // "hälso-\noch sjukvård" is an ordinary line break after a hyphenated compound, not damage.
      const split = /[a-zåäö]-\n(?!och |eller )[a-zåäö]/.test(text);
      if (r.truth.format === "docx") {
        expect(damaged || split || /Paragrafer\S/.test(text), r.truth.file).toBe(false);
        continue;
      }
      if (damaged) garbled++;
      if (split) hyphenated++;
      // The meeting date the truth gives is still written whole somewhere (the running header at least).
      if (damaged && r.truth.meetingDate && r.truth.type !== "kallelse") {
        const [y, mo, d] = r.truth.meetingDate.split("-").map(Number);
        const long = new RegExp(`\\b${d} \\p{L}+ ${y}\\b`, "u");
        expect(text.includes(r.truth.meetingDate) || long.test(text), r.truth.file).toBe(true);
        expect(mo).toBeGreaterThan(0);
      }
      for (const p of r.truth.paragraphs)
        for (const s of p.speakers) if (s.role && !s.party) expect(squash(text)).toContain(s.role);
    }
    expect(garbled).toBeGreaterThan(20);
    expect(hyphenated).toBeGreaterThan(20);
    const all = [...texts.values()].join("\n");
    expect(all).toMatch(/Paragrafer(?:§§ )?\d/);
    expect(all).toMatch(/(?:Utdragsbestyrkande|sign|signatur)\d/);
  });

  it("varies the layout across municipalities and years, with canonical truth", () => {
    const all = [...texts.values()].join("\n");
    for (const phrase of [
      "Protokoll fört vid sammanträde med",
      "Sammanträdesprotokoll",
      "Regionstyrelsen",
      "Regionfullmäktige",
      "Innehåll",
    ])
      expect(all).toContain(phrase);
    expect(all).toMatch(/^§ \d+ (?:Dnr|Diarienr|Diarienummer)/m);
    expect(all).toMatch(/^(?:Dnr:?|Diarienr|Diarienummer) .+\n+§ \d+ /m);
    expect(all).toMatch(/(?:måndag|tisdag|onsdag|torsdag|fredag) den \d{1,2} \p{L}+ 20\d\d/u);
    const kallelser = corpus.filter((r) => r.truth.type === "kallelse" && /^Ärende \d+$/m.test(textFor(r)));
    expect(kallelser.length).toBeGreaterThan(0);
    for (const k of kallelser) expect(k.truth.paragraphs).toEqual([]);
    const grid = protokoll.find((r) => r.layout.blocks.some((b) => b.k === "fields" && b.layout === "grid"));
    expect(textFor(grid as GeneratedRecord)).toMatch(/^Sammanträdesdatum {3,}Plats och tid$/m);
    for (const r of protokoll) {
      const text = textFor(r);
      const people = [...r.truth.attendees, ...r.truth.paragraphs.flatMap((p) => [...p.speakers, ...p.reservations])];
      for (const p of people) if (p.party) expect(p.party).toBe(p.party.toUpperCase());
      const fp = people.some((p) => p.party === "FP");
      if (fp) expect(Number(r.truth.meetingDate?.slice(0, 4))).toBeLessThan(2015);
      if (/\((?:s|m|fp|sd|c|v|kd|l|mp)\)/.test(text))
        expect(r.truth.attendees.some((a) => a.party && text.includes(`(${a.party.toLowerCase()})`))).toBe(true);
    }
    expect(protokoll.some((r) => /\(fp\)/.test(textFor(r)))).toBe(true);
    expect(protokoll.some((r) => r.truth.attendees.some((a) => a.party === "FP"))).toBe(true);
    const regions = corpus.filter((r) => r.truth.municipality.startsWith("Region"));
    for (const r of regions) expect(textFor(r)).not.toMatch(/[Kk]ommun(?:styrelse|fullmäktige)/);
  });

  it("does not repeat the same template sentences across a large corpus", () => {
    const counts = new Map<string, number>();
    let total = 0;
    for (const r of corpus)
      for (const b of r.layout.blocks)
        if (b.k === "p" && b.text.length > 120)
          for (const sentence of b.text.split(/(?<=\.) /)) {
            total++;
            counts.set(sentence, (counts.get(sentence) ?? 0) + 1);
          }
    expect(counts.size / total).toBeGreaterThan(0.5);
    expect(Math.max(...counts.values()) / total).toBeLessThan(0.02);
  });

  it("draws the two-column header as a real table in DOCX", async () => {
    const grid = protokoll.find((r) => r.layout.blocks.some((b) => b.k === "fields" && b.layout === "grid"));
    const record = {
      ...(grid as GeneratedRecord),
      truth: { ...(grid as GeneratedRecord).truth, format: "docx" as const },
    };
    const { value } = await mammoth.convertToHtml({ buffer: await renderRecord(record) });
    expect(value).toMatch(
      /<td><p><strong>Sammanträdesdatum<\/strong><\/p><\/td><td>.*?<\/td><td><p><strong>Plats och tid/,
    );
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
