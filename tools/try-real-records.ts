/**
 * Runs the understanding stage over the real protocols in ../shared/real-records (when present)
 * and compares the § found against the range each header announces.
 * Usage: npx tsx tools/try-real-records.ts [--verbose] [name-filter]
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { detectRange } from "../indexer/understand/header.ts";
import { understand } from "../indexer/understand/index.ts";
import { normalize } from "../indexer/understand/normalize.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const dir = resolve(root, "../shared/real-records");
const verbose = process.argv.includes("--verbose");
const filter = process.argv.slice(2).find((a) => !a.startsWith("--")) ?? "";

if (!existsSync(dir)) {
  console.log(`no real records at ${dir}`);
  process.exit(0);
}

const files = readdirSync(dir)
  .filter((f) => f.endsWith(".txt") && f.includes(filter))
  .sort();
const totals = {
  paragraphs: 0,
  expected: 0,
  found: 0,
  missing: 0,
  extra: 0,
  titled: 0,
  withDnr: 0,
  ms: 0,
  pages: 0,
  attendees: 0,
  speakers: 0,
  reservations: 0,
  notes: 0,
};
const rangeText = (r: { from: number; to: number } | null) => (r ? `${r.from}-${r.to}` : "none");

// Warm up the JIT so per-file timings show steady-state cost, as in a long-running worker.
for (const file of files) understand({ pages: [readFileSync(join(dir, file), "utf8")], filename: file });

for (const file of files) {
  const text = readFileSync(join(dir, file), "utf8");
  const pages = [text];
  const t0 = performance.now();
  const rounds = 5;
  let data = understand({ pages, filename: file });
  for (let i = 1; i < rounds; i++) data = understand({ pages, filename: file });
  const ms = (performance.now() - t0) / rounds;
  const lines = normalize(pages);
  const pageCount = lines.at(-1)?.page ?? 1;
  const range = detectRange(lines.map((l) => l.text).slice(0, 200));
  const found = data.paragraphs.map((p) => p.number);
  const expected = range ? Array.from({ length: range.to - range.from + 1 }, (_, i) => range.from + i) : [];
  const missing = expected.filter((n) => !found.includes(n));
  const extra = found.filter((n) => range && (n < range.from || n > range.to));
  const titled = data.paragraphs.filter((p) => p.title).length;
  const withDnr = data.paragraphs.filter((p) => p.diarienummer.length > 0).length;
  totals.expected += expected.length;
  totals.found += expected.length - missing.length;
  totals.missing += missing.length;
  totals.extra += extra.length;
  totals.titled += titled;
  totals.paragraphs += found.length;
  totals.withDnr += withDnr;
  totals.ms += ms;
  totals.pages += pageCount;
  totals.attendees += data.attendees.length;
  for (const p of data.paragraphs) {
    totals.speakers += p.speakers.length;
    totals.reservations += p.reservations.length;
    totals.notes += p.notes.length;
  }
  console.log(
    `${file}: ${data.type} ${data.meetingDate ?? "-"} body=${data.body ?? "-"} range=${rangeText(range)} found=${found.length}` +
      ` missing=[${missing.join(",")}] extra=[${extra.join(",")}] titles=${titled}/${found.length} dnr=${withDnr}/${found.length}` +
      ` attendees=${data.attendees.length} ${ms.toFixed(2)}ms/${pageCount}p`,
  );
  if (verbose) {
    for (const p of data.paragraphs) {
      const who = (list: typeof p.speakers) =>
        list.map((s) => `${s.name}${s.party ? ` (${s.party})` : ""}${s.role ? ` ${s.role}` : ""}`).join("; ");
      const parts = [
        p.speakers.length ? `speakers: ${who(p.speakers)}` : "",
        p.reservations.length ? `reservations: ${who(p.reservations)}` : "",
        p.notes.length ? `notes: ${who(p.notes)}` : "",
      ].filter(Boolean);
      console.log(`  § ${p.number} p${p.page} "${p.title ?? "?"}" [${p.diarienummer.join(", ")}] ${parts.join(" | ")}`);
    }
    console.log(
      `  attendees: ${data.attendees.map((a) => `${a.name}${a.party ? ` (${a.party})` : ""} ${a.role ?? ""}`).join("; ")}`,
    );
  }
}

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : "-");
console.log(
  `\n${files.length} files: § recall (files with a range) ${totals.found}/${totals.expected} (${pct(totals.found, totals.expected)}), missing ${totals.missing}, ` +
    `outside range ${totals.extra}, titles ${totals.titled}/${totals.paragraphs}, dnr on ${totals.withDnr}/${totals.paragraphs} paragraphs; ` +
    `attendees ${totals.attendees}, speakers ${totals.speakers}, reservations ${totals.reservations}, notes ${totals.notes}; ` +
    `${(totals.ms / Math.max(1, files.length)).toFixed(2)} ms/document, ${(totals.ms / Math.max(1, totals.pages)).toFixed(3)} ms/page`,
);
