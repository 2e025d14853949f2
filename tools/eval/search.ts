/**
 * `npm run eval:search`: judged queries over generated records, scored for our
 * search (Swedish handling, case numbers, syntax) beside a baseline of plain
 * FTS5 `unicode61` matching over the same chunks, so the gain is visible.
 *
 * Records come from the generator and the understanding stage in memory (no
 * files). Queries are drawn from the ground truth: case numbers in many
 * spellings, § titles in other inflections, compound parts, typos, words
 * typed without å/ä/ö, phrases and field queries. A hit is judged by its
 * (document, §): grade 2 for the § the query was drawn from (or a § of the
 * case), 1 for other documents of the case or § with the same title.
 *
 * Usage: npm run eval:search -- [--seed 21] [--count 600] [--json] [--show-misses]
 */
import { createHash } from "node:crypto";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import type { StoredDocument } from "../../indexer/archive/archive.ts";
import { openDatabase } from "../../indexer/archive/database.ts";
import { chunksOf } from "../../indexer/search/chunks.ts";
import { Fts5SearchIndex } from "../../indexer/search/fts5-index.ts";
import { compoundParts, fold, tokenize } from "../../indexer/search/swedish.ts";
import { caseKey } from "../../indexer/understand/diarienummer.ts";
import { understand } from "../../indexer/understand/index.ts";
import { iterateCorpus, renderPages, type Truth } from "../generate/index.ts";

const { values } = parseArgs({
  options: {
    seed: { type: "string", default: "21" },
    count: { type: "string", default: "600" },
    json: { type: "boolean", default: false },
    "show-misses": { type: "boolean", default: false },
  },
});

interface Judged {
  kind: string;
  q: string;
  /** "docId|§" (or "docId|-" for a document without §) → grade. */
  grades: Map<string, number>;
}

// 1. Records: generated, understood, indexed in our engine and in the baseline.
const db = openDatabase(":memory:");
const ours = new Fts5SearchIndex(db);
const base = new Database(":memory:");
base.exec("CREATE VIRTUAL TABLE base USING fts5(document_id UNINDEXED, paragraph UNINDEXED, title, text)");
const insertBase = base.prepare("INSERT INTO base (document_id, paragraph, title, text) VALUES (?, ?, ?, ?)");
const truths = new Map<string, Truth>();
for (const generated of iterateCorpus({ seed: Number(values.seed), count: Number(values.count) })) {
  const pages = renderPages(generated);
  const id = createHash("sha256").update(generated.truth.file).digest("hex").slice(0, 16);
  const doc: StoredDocument = {
    id,
    sha256: id.padEnd(64, "0"),
    filename: generated.truth.file,
    format: "text",
    size: 0,
    record: understand({ pages, filename: generated.truth.file }),
    pages,
    ingestedAt: "",
  };
  truths.set(id, generated.truth);
  await ours.index(doc);
  for (const chunk of chunksOf(doc)) insertBase.run(id, chunk.paragraph, chunk.title ?? "", chunk.text);
}

// 2. Judged queries from the ground truth.
const key = (doc: string, paragraph: number | null) => `${doc}|${paragraph ?? "-"}`;
const caseGrades = (dnr: string) => {
  const want = caseKey(dnr).base;
  const grades = new Map<string, number>();
  for (const [id, t] of truths) {
    for (const p of t.paragraphs)
      if (p.diarienummer.some((d) => caseKey(d).base === want)) grades.set(key(id, p.number), 2);
    if (t.paragraphs.length === 0 && t.diarienummer.some((d) => caseKey(d).base === want)) grades.set(key(id, null), 1);
  }
  return grades;
};
const titleCount = new Map<string, number>();
for (const t of truths.values())
  for (const p of t.paragraphs) titleCount.set(p.title, (titleCount.get(p.title) ?? 0) + 1);
const titleGrades = (title: string, source: string) => {
  const grades = new Map<string, number>();
  for (const [id, t] of truths) for (const p of t.paragraphs) if (p.title === title) grades.set(key(id, p.number), 1);
  grades.set(source, 2);
  return grades;
};

const queries: Judged[] = [];
const caseSources: { id: string; dnr: string }[] = [];
const titleSources: { id: string; paragraph: number; title: string; body: string | null; date: string | null }[] = [];
for (const [id, t] of truths) {
  for (const p of t.paragraphs) {
    const dnr = p.diarienummer[0];
    if (dnr && /^[A-ZÅÄÖ]+-\d{4}\/\d+/.test(dnr)) caseSources.push({ id, dnr });
    if ((titleCount.get(p.title) ?? 0) <= 3 && tokenize(p.title).length >= 3) {
      titleSources.push({ id, paragraph: p.number, title: p.title, body: t.body, date: t.meetingDate });
    }
  }
}
const every = <T>(list: T[], n: number): T[] =>
  Array.from({ length: Math.min(n, list.length) }, (_, i) => list[Math.floor((i * list.length) / n)] as T);

for (const [i, { dnr }] of every(caseSources, 12).entries()) {
  const m = /^([A-ZÅÄÖ]+)-(\d{4})\/(\d+)(?:\.(\d+))?$/.exec(dnr);
  if (!m) continue;
  const [, prefix = "", year = "", number = "", code] = m;
  const variants = [
    dnr,
    `${prefix.toLowerCase()} ${year}/${number}`,
    `Dnr ${prefix} ${year}/${number}${code ? `.${code}` : ""}`,
    `${prefix}/${year}:${number.padStart(4, "0")}`,
    `dnr:${prefix.toLowerCase()}-${year}/${number}`,
    `${prefix} ${year}/${number} beslut`,
  ];
  queries.push({ kind: "diarienummer", q: variants[i % variants.length] as string, grades: caseGrades(dnr) });
}

const longWords = (title: string) => tokenize(title).filter((w) => w.length >= 7 && !/\d/.test(w));
/** Words written in lower case in the title: names are not inflected. */
const common = (title: string) =>
  (title.match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w === w.toLowerCase()).map((w) => w.toLowerCase());
for (const [i, s] of every(titleSources, 60).entries()) {
  const source = key(s.id, s.paragraph);
  const grades = titleGrades(s.title, source);
  const words = longWords(s.title);
  const all = tokenize(s.title);
  const rest = (except: string) => all.filter((w) => w !== except);
  switch (i % 6) {
    case 0: {
      // other inflections of the title's lower-case words, the rest as written
      const inflectable = common(s.title).filter((w) => w.length >= 5 && !/\d/.test(w));
      if (inflectable.length) {
        const changed = new Set(inflectable.slice(0, 2));
        queries.push({ kind: "inflection", q: all.map((w) => (changed.has(w) ? inflect(w) : w)).join(" "), grades });
      }
      break;
    }
    case 1: {
      const compound = words.find((w) => compoundParts(w).length >= 2);
      const parts = compound ? compoundParts(compound) : [];
      if (compound && parts.length) {
        queries.push({ kind: "compound part", q: [parts[parts.length - 1], ...rest(compound)].join(" "), grades });
      }
      break;
    }
    case 2: // one typo in the longest word
      if (words.length >= 1) {
        const longest = [...words].sort((a, b) => b.length - a.length)[0] as string;
        queries.push({ kind: "typo", q: all.map((w) => (w === longest ? typo(w) : w)).join(" "), grades });
      }
      break;
    case 3:
      if (all.some((w) => fold(w) !== w)) queries.push({ kind: "without å/ä/ö", q: all.map(fold).join(" "), grades });
      break;
    case 4:
      if (all.length >= 3) queries.push({ kind: "phrase", q: `"${s.title}"`, grades });
      break;
    case 5:
      if (s.body && s.date) {
        const organ = tokenize(s.body)[0] ?? "";
        queries.push({
          kind: "fields",
          q: `${all.join(" ")} organ:${organ} år:${s.date.slice(0, 4)} typ:protokoll`,
          grades: new Map(
            [...grades].filter(([k]) => k === source || truths.get(k.split("|")[0] ?? "")?.type === "protokoll"),
          ),
        });
      }
      break;
  }
}

function inflect(word: string): string {
  if (word.endsWith("s")) return word;
  if (word.endsWith("en")) return word.slice(0, -2);
  if (word.endsWith("ar") || word.endsWith("er")) return `${word}na`;
  if (word.endsWith("e")) return `${word}n`;
  if (/[aeiouyåäö]$/.test(word)) return `${word}n`;
  return `${word}en`;
}
function typo(word: string): string {
  const i = Math.floor(word.length / 2);
  return word.slice(0, i) + (word[i + 1] ?? "") + (word[i] ?? "") + word.slice(i + 2); // swap two letters
}

// 3. Scoring.
type Ranked = string[];
async function ourRanking(q: string): Promise<Ranked> {
  const result = await ours.search({ q, limit: 10, offset: 0 });
  return result.hits.map((h) => key(h.documentId, h.paragraph));
}
const baseSearch = base.prepare(
  "SELECT document_id, paragraph FROM base WHERE base MATCH ? ORDER BY bm25(base, 4.0, 1.0) LIMIT 200",
);
function baseRanking(q: string): Ranked {
  const words = (q.match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => `"${w}"`);
  if (words.length === 0) return [];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const r of baseSearch.all(words.join(" ")) as { document_id: string; paragraph: number | null }[]) {
    if (seen.has(r.document_id)) continue; // one hit per document, like ours
    seen.add(r.document_id);
    out.push(key(r.document_id, r.paragraph));
    if (out.length === 10) break;
  }
  return out;
}

function score(ranked: Ranked, grades: Map<string, number>) {
  const firstRelevant = ranked.findIndex((k) => (grades.get(k) ?? 0) > 0);
  const dcg = ranked.slice(0, 10).reduce((s, k, i) => s + (2 ** (grades.get(k) ?? 0) - 1) / Math.log2(i + 2), 0);
  const ideal = [...grades.values()]
    .sort((a, b) => b - a)
    .slice(0, 10)
    .reduce((s, g, i) => s + (2 ** g - 1) / Math.log2(i + 2), 0);
  return {
    success3: firstRelevant >= 0 && firstRelevant < 3 ? 1 : 0,
    mrr: firstRelevant >= 0 ? 1 / (firstRelevant + 1) : 0,
    ndcg: ideal > 0 ? dcg / ideal : 0,
  };
}

type Metrics = { n: number; success3: number; mrr: number; ndcg: number };
const empty = (): Metrics => ({ n: 0, success3: 0, mrr: 0, ndcg: 0 });
const totals = { ours: new Map<string, Metrics>(), baseline: new Map<string, Metrics>() };
const misses: string[] = [];
for (const judged of queries) {
  for (const [engine, ranked] of [
    ["ours", await ourRanking(judged.q)],
    ["baseline", baseRanking(judged.q)],
  ] as const) {
    const s = score(ranked, judged.grades);
    for (const kind of [judged.kind, "all"]) {
      const m = totals[engine].get(kind) ?? empty();
      m.n++;
      m.success3 += s.success3;
      m.mrr += s.mrr;
      m.ndcg += s.ndcg;
      totals[engine].set(kind, m);
    }
    if (engine === "ours" && !s.success3) {
      const top = (await ours.search({ q: judged.q, limit: 3, offset: 0 })).hits.map(
        (h) =>
          `${truths.get(h.documentId)?.type} ${truths.get(h.documentId)?.body} ${h.date} § ${h.paragraph} ${h.title}`,
      );
      const want = [...judged.grades.keys()].slice(0, 2).map((k) => {
        const [id, p] = k.split("|");
        const t = truths.get(id ?? "");
        return `${t?.type} ${t?.body} ${t?.meetingDate} § ${p} ${t?.paragraphs.find((x) => String(x.number) === p)?.title}`;
      });
      misses.push(`${judged.kind}: ${judged.q}\n      want ${want.join(" | ")}\n      got  ${top.join(" | ")}`);
    }
  }
}

const average = (m: Metrics) => ({
  n: m.n,
  success3: round(m.success3 / m.n),
  mrr: round(m.mrr / m.n),
  ndcg10: round(m.ndcg / m.n),
});
function round(v: number) {
  return Math.round(v * 1000) / 1000;
}
const kinds = [...new Set(queries.map((q) => q.kind)), "all"];
const report = Object.fromEntries(
  kinds.map((k) => [
    k,
    { ours: average(totals.ours.get(k) ?? empty()), baseline: average(totals.baseline.get(k) ?? empty()) },
  ]),
);
if (values.json) process.stdout.write(`${JSON.stringify({ documents: truths.size, report, misses }, null, 2)}\n`);
else {
  const out = [
    `Search over ${truths.size} generated records (seed ${values.seed}), ${queries.length} judged queries`,
    `${"kind".padEnd(16)}${"n".padStart(4)}   ${"success@3".padStart(9)} ${"MRR".padStart(6)} ${"nDCG@10".padStart(8)}   | baseline ${"s@3".padStart(6)} ${"MRR".padStart(6)} ${"nDCG".padStart(6)}`,
  ];
  for (const k of kinds) {
    const r = report[k] as { ours: ReturnType<typeof average>; baseline: ReturnType<typeof average> };
    out.push(
      `${k.padEnd(16)}${String(r.ours.n).padStart(4)}   ${r.ours.success3.toFixed(3).padStart(9)} ${r.ours.mrr.toFixed(3).padStart(6)} ${r.ours.ndcg10.toFixed(3).padStart(8)}   |          ${r.baseline.success3.toFixed(3).padStart(6)} ${r.baseline.mrr.toFixed(3).padStart(6)} ${r.baseline.ndcg10.toFixed(3).padStart(6)}`,
    );
  }
  if (values["show-misses"]) out.push("", "Misses (no relevant hit in the top 3):", ...misses.map((m) => `  ${m}`));
  process.stdout.write(`${out.join("\n")}\n`);
}
