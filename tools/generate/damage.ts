/**
 * Damage that real PDF text layers show, applied to PDF and text records once
 * their format is drawn: garbled dates ("202504-15", "2020-07-1"), words
 * hyphenated across lines ("förskole-\nverksamhet"), "Paragrafer43-52" and
 * page numbers glued to the running footer. DOCX files keep clean text.
 *
 * The truth never changes with the damage, so only text the truth does not
 * depend on may be damaged: builders wrap such dates in `fragile()` — dates
 * nothing is read from, or dates the record states clearly elsewhere (a
 * protokoll's meeting date is also in the running header on every page).
 */

import type { Rng } from "./rng.ts";
import type { Block, Layout, OutputFormat } from "./types.ts";
import { OFFICIAL_TITLES, SECRETARY_TITLES } from "./vocabulary.ts";

const OPEN = "\uE000";
const CLOSE = "\uE001";
const MARKED = /\uE000([^\uE001]*)\uE001/g;

/** Marks a date that a text layer may garble without the truth changing. */
export function fragile(date: string): string {
  return `${OPEN}${date}${CLOSE}`;
}

/** Words a hyphen must not split: officials' titles are part of a person in the truth. */
const PROTECTED = new Set(
  [...Object.values(OFFICIAL_TITLES).flat(), ...SECRETARY_TITLES].flatMap((t) => t.toLowerCase().split(" ")),
);
const HEADS = ["förskole", "verksamhets", "förvaltnings", "utbildnings", "kommun", "samhälls", "budget", "uppföljning"];
const VOWEL = /[aeiouyåäöé]/;
const LONG_WORD = /(?<![\p{L}\d-])[a-zåäöé]{13,}(?![\p{L}\d-])/gu;

function garble(date: string, rng: Rng): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return date;
  switch (rng.int(0, 2)) {
    case 0:
      return `${date.slice(0, 4)}${date.slice(5)}`;
    case 1:
      return date.slice(0, -1);
    default:
      return `${date.slice(0, 7)}${date.slice(8)}`;
  }
}

/** Splits a long word before a consonant that opens a syllable ("vårdnads-\nhavare"), near its middle. */
function hyphenate(word: string): string {
  const head = HEADS.find((h) => word.startsWith(h) && word.length - h.length >= 4);
  let at = head?.length ?? 0;
  for (let i = 4; !head && i < word.length - 4; i++)
    if (
      !VOWEL.test(word[i] ?? "") &&
      VOWEL.test(word[i + 1] ?? "") &&
      Math.abs(i - word.length / 2) < Math.abs(at - word.length / 2)
    )
      at = i;
  if (at === 0) return word;
  return `${word.slice(0, at)}-\n${word.slice(at)}`;
}

interface Plan {
  rng: Rng;
  dates: number;
  hyphens: number;
  glueParagraphs: boolean;
}

function text(s: string, plan: Plan | null): string {
  if (!s.includes(OPEN)) return s;
  if (!plan) return s.replace(MARKED, "$1");
  return s.replace(MARKED, (_, date: string) => (plan.rng.chance(plan.dates) ? garble(date, plan.rng) : date));
}

function prose(s: string, plan: Plan | null): string {
  const out = text(s, plan);
  if (plan === null || !plan.rng.chance(plan.hyphens)) return out;
  let done = false;
  return out.replace(LONG_WORD, (word) => {
    if (done || PROTECTED.has(word)) return word;
    done = true;
    return hyphenate(word);
  });
}

function block(b: Block, plan: Plan | null): Block {
  switch (b.k) {
    case "p": {
      const t = prose(b.text, plan);
      return t === b.text ? b : { ...b, text: t };
    }
    case "list":
      return { ...b, items: b.items.map((i) => text(i, plan)) };
    case "fields":
      return {
        ...b,
        rows: b.rows.map((r) =>
          plan?.glueParagraphs && r.label === "Paragrafer"
            ? { label: `Paragrafer${r.lines.join(" ")}`, lines: [""] }
            : { label: r.label, lines: r.lines.map((l) => text(l, plan)) },
        ),
      };
    case "table":
      return { ...b, rows: b.rows.map((row) => row.map((c) => text(c, plan))) };
    default:
      return b;
  }
}

/**
 * The layout as the file of this format shows it: markers resolved, and for
 * about half of the PDF and text records, text-layer damage. `rng` is the
 * record's own stream, so damage never shifts the content of other records.
 */
export function finishLayout(layout: Layout, format: OutputFormat, rng: Rng): Layout {
  const damaged = format !== "docx" && rng.chance(0.5);
  const plan: Plan | null = damaged
    ? { rng, dates: rng.pick([0.3, 0.6]), hyphens: rng.pick([0.1, 0.25]), glueParagraphs: rng.chance(0.5) }
    : null;
  const footer = layout.footer.slice();
  if (plan && footer.length >= 2 && rng.chance(0.4)) {
    const page = footer.pop() as string;
    footer[footer.length - 1] += page;
  }
  return { ...layout, footer, blocks: layout.blocks.map((b) => block(b, plan)) };
}
