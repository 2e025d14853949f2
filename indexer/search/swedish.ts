/**
 * Swedish word handling for search: tokens as FTS5's `unicode61` tokenizer
 * splits them, folding of å/ä/ö/é for queries typed without them, stems
 * (Snowball Swedish) so inflections meet, and the parts of compounds.
 */
import { createRequire } from "node:module";
import { loadDictionary } from "./dictionary.ts";

interface Stemmer {
  stem(word: string): string;
}
const require = createRequire(import.meta.url);
const snowball = require("snowball-stemmers") as { newStemmer(language: string): Stemmer };
const stemmer = snowball.newStemmer("swedish");

/** Letters, digits and combining marks: what unicode61 keeps together as one token. */
const TOKEN = /[\p{L}\p{N}\p{M}]+/gu;

/** Lower-cased tokens in reading order, as the exact column holds them. */
export function tokenize(text: string): string[] {
  return (text.match(TOKEN) ?? []).map((t) => t.toLowerCase());
}

/** Tokens with their positions in the text, for marking them in snippets. */
export function tokenSpans(text: string): { token: string; start: number; end: number }[] {
  const spans: { token: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index ?? 0;
    spans.push({ token: m[0].toLowerCase(), start, end: start + m[0].length });
  }
  return spans;
}

/**
 * A lower-cased word without Swedish and other diacritics. Å, ä and ö are
 * letters of their own in Swedish ("får" is not "far"), so folded forms live
 * in a separate, lower-weighted column and only serve queries typed without them.
 */
export function fold(word: string): string {
  const lower = word.toLowerCase();
  if (!NON_ASCII.test(lower)) return lower;
  return lower.replace(NON_ASCII_ALL, (c) => FOLDED[c] ?? c.normalize("NFD").replace(/\p{M}/gu, ""));
}

const NON_ASCII = /[^\p{ASCII}]/u;
const NON_ASCII_ALL = /[^\p{ASCII}]/gu;
const FOLDED: Record<string, string> = { å: "a", ä: "a", ö: "o", é: "e", è: "e", ü: "u", æ: "ae", ø: "o" };

/** True when folding changes the word: only such words need a folded form in the index. */
export function hasDiacritics(word: string): boolean {
  return fold(word) !== word;
}

const stems = new Map<string, string>();

/**
 * Snowball Swedish applied until it settles (it strips one suffix per pass,
 * so "tillbyggnad" and "tillbyggnaden" would otherwise differ), plus one rule
 * it lacks: the definite neuter "-et" ("beslutet" → "beslut") when at least
 * five letters remain. Cached: a corpus repeats its words.
 */
export function stem(word: string): string {
  const cached = stems.get(word);
  if (cached !== undefined) return cached;
  let s = word;
  if (/\p{L}/u.test(word) && word.length > 2) {
    // Twice: one pass leaves "tillbyggnaden" at "tillbyggnad", which a pass of its own takes to "tillbyggn".
    s = stemmer.stem(stemmer.stem(word));
    if (s.endsWith("et") && s.length >= 7) s = stemmer.stem(s.slice(0, -2));
  }
  if (stems.size > 200_000) stems.clear();
  stems.set(word, s);
  return s;
}

/** Endings a compound's last part may carry beyond its dictionary form. */
const INFLECTIONS = [
  "",
  "s",
  "n",
  "t",
  "a",
  "e",
  "d",
  "en",
  "et",
  "er",
  "ar",
  "or",
  "na",
  "ns",
  "es",
  "ad",
  "de",
  "te",
  "ens",
  "ets",
  "ers",
  "ade",
  "are",
  "ande",
  "ende",
  "arna",
  "erna",
  "orna",
  "arnas",
  "ernas",
  "ornas",
  "ades",
];
/** Linking letters between compound parts ("ordning-s-vakt", "pojk-e-vän", "kvinn-o-jour"). */
const LINKS = ["", "s", "e", "a", "o", "u"];
/** Shorter parts ("het", "san", "bes") split too many words wrongly to be worth it. */
const MIN_PART = 4;
const MIN_COMPOUND = 8;

/** A dictionary word with an ending; "frågor" and "skolan" are "fråga" and "skola" inflected. */
function isWord(dict: Set<string>, text: string): boolean {
  for (const ending of INFLECTIONS) {
    if (!text.endsWith(ending)) continue;
    const base = text.slice(0, text.length - ending.length);
    if (base.length < MIN_PART - 1) break;
    if ((base.length >= MIN_PART && dict.has(base)) || dict.has(`${base}a`) || dict.has(`${base}e`)) return true;
  }
  return false;
}

const partsCache = new Map<string, string[]>();

/**
 * The parts of a compound ("klotterrelaterad" → klotter, relaterad;
 * "trafiksäkerhetsfrågor" → trafik, säkerhets, frågor), or [] when the word is
 * not one. The longest known head is tried first; the tail must be a known
 * word (with an ending) or a compound itself.
 */
export function compoundParts(word: string): string[] {
  if (word.length < MIN_COMPOUND || /\d/.test(word)) return [];
  const cached = partsCache.get(word);
  if (cached) return cached;
  const dict = loadDictionary();
  const parts: string[] = [];
  // A word the dictionary knows as a whole splits only into long parts ("kommun|styrelsen", not "styr|elsen").
  const whole = isWord(dict, word);
  const found = split(dict, word, 0, whole ? 5 : MIN_PART) ?? [];
  for (const [i, part] of found.entries()) {
    // "säkerhets-" is "säkerhet" with its linking letter; a long part may be a compound itself.
    const linked = i < found.length - 1 && part.endsWith("s") && dict.has(part.slice(0, -1));
    const bare = linked ? part.slice(0, -1) : part;
    parts.push(bare);
    if (bare.length >= MIN_COMPOUND) parts.push(...(split(dict, bare, 1, 5) ?? []));
  }
  if (partsCache.size > 200_000) partsCache.clear();
  partsCache.set(word, parts);
  return parts;
}

function split(dict: Set<string>, word: string, depth: number, minPart: number): string[] | null {
  if (depth > 3) return null;
  for (let end = word.length - minPart; end >= minPart; end--) {
    const head = word.slice(0, end);
    if (!dict.has(head)) continue;
    // The tail's linking letter must leave a tail long enough to be a word.
    for (const link of LINKS) {
      if (link && !word.startsWith(link, end)) continue;
      const tail = word.slice(end + link.length);
      if (tail.length < minPart) continue;
      if (isWord(dict, tail)) return [head, tail];
      const more = tail.length >= MIN_COMPOUND ? split(dict, tail, depth + 1, minPart) : null;
      if (more) return [head, ...more];
    }
  }
  return null;
}

/** What one text contributes to the index's secondary columns. */
export interface IndexTerms {
  /** Stems that differ from their word, in reading order. */
  stems: string;
  /** Folded words and stems, only for words with å, ä, ö or other diacritics; each once. */
  folded: string;
  /** Stems of compound parts, each once. */
  parts: string;
}

/** The secondary columns of one chunk. */
export function indexTerms(text: string): IndexTerms {
  const tokens = tokenize(text);
  const folded = new Set<string>();
  const parts = new Set<string>();
  const stemmed: string[] = [];
  for (const t of tokens) {
    const s = stem(t);
    // A word that is its own stem is already in the exact column: storing it twice only costs space.
    if (s !== t) stemmed.push(s);
    if (hasDiacritics(t)) {
      folded.add(fold(t));
      folded.add(fold(s));
    }
    for (const p of compoundParts(t)) {
      const ps = stem(p);
      parts.add(ps);
      if (hasDiacritics(ps)) parts.add(fold(ps));
    }
  }
  return { stems: stemmed.join(" "), folded: [...folded].join(" "), parts: [...parts].join(" ") };
}

const ALPHABET = "abcdefghijklmnopqrstuvwxyzåäöé";

/**
 * Every string one edit (delete, transpose, substitute, insert) from the word:
 * checked against the index vocabulary, this finds what a typo meant without
 * keeping a deletion dictionary for the whole vocabulary in memory.
 */
export function oneEditAway(word: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i <= word.length; i++) {
    const before = word.slice(0, i);
    const after = word.slice(i);
    if (after) out.add(before + after.slice(1));
    if (after.length > 1) out.add(before + after[1] + after[0] + after.slice(2));
    for (const c of ALPHABET) {
      if (after) out.add(before + c + after.slice(1));
      out.add(before + c + after);
    }
  }
  out.delete(word);
  return out;
}
