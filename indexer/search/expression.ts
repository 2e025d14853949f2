/**
 * From a parsed query to FTS5 MATCH expressions over the index's columns:
 * each word is looked for as written (title, exact), by its stem, folded
 * (when typed without å, ä, ö) and among compound parts; bm25's column
 * weights rank those in that order. Typo corrections form a second
 * expression, ranked below everything the first one finds.
 */
import type { Term } from "./query.ts";
import { compoundParts, fold, hasDiacritics, stem } from "./swedish.ts";
import type { TypoVocabulary } from "./vocabulary.ts";

/** bm25 weights of title, exact, stems, folded, parts: exact forms first, then inflections, then the rest. */
export const COLUMN_WEIGHTS = [10, 5, 2, 1, 1] as const;

export interface MatchPlan {
  /**
   * The words as typed, in titles and text only: the first tier, so exact
   * forms rank above inflections, folded forms and compound parts however
   * many of those a long text collects.
   */
  exact: string | null;
  /** Everything but typo corrections; null when the query has no words. */
  main: string | null;
  /** The same with typo corrections, or null when no word needed one. */
  withTypos: string | null;
  /**
   * The words as written (or as their own stem) in § titles only: the cheap
   * signal that picks which matches of very common words are shown first.
   */
  title: string | null;
  /** Exclusions: an expression no hit may match. */
  excluded: string | null;
  /** What snippets mark: every form a word was matched in. */
  highlight: Highlight;
}

export interface Highlight {
  exact: Set<string>;
  stems: Set<string>;
  folded: Set<string>;
  parts: Set<string>;
  prefixes: string[];
}

const quote = (text: string) => `"${text.replaceAll('"', '""')}"`;

/** Only the corrections are read: an engine that forgives typos itself passes none. */
export function planMatch(
  groups: Term[][],
  excluded: Term[],
  vocabulary: Pick<TypoVocabulary, "corrections">,
): MatchPlan {
  const highlight: Highlight = {
    exact: new Set(),
    stems: new Set(),
    folded: new Set(),
    parts: new Set(),
    prefixes: [],
  };
  let typos = false;
  const main: string[] = [];
  const withTypos: string[] = [];
  const title: string[] = [];
  const exact: string[] = [];
  for (const group of groups) {
    title.push(`(${group.flatMap(titleAlternatives).join(" OR ")})`);
    exact.push(`(${group.map(exactAlternative).join(" OR ")})`);
    const plain: string[] = [];
    const corrected: string[] = [];
    for (const term of group) {
      plain.push(...alternatives(term, highlight));
      if (term.kind === "word" && !term.prefix) {
        const c = vocabulary.corrections(term.word);
        for (const w of c.exact) {
          corrected.push(`{title exact} : ${quote(w)}`);
          highlight.exact.add(w);
        }
        for (const w of c.folded) {
          corrected.push(`folded : ${quote(w)}`);
          highlight.folded.add(w);
        }
      }
    }
    if (corrected.length) typos = true;
    main.push(`(${plain.join(" OR ")})`);
    withTypos.push(`(${[...plain, ...corrected].join(" OR ")})`);
  }
  const excludedAlternatives = excluded.flatMap((t) => alternatives(t, null, true));
  return {
    exact: exact.length ? exact.join(" AND ") : null,
    main: main.length ? main.join(" AND ") : null,
    withTypos: typos ? withTypos.join(" AND ") : null,
    title: title.length ? title.join(" AND ") : null,
    excluded: excludedAlternatives.length ? excludedAlternatives.join(" OR ") : null,
    highlight,
  };
}

/** A term in § titles: as written, or by its stem where that is a word of its own. */
function exactAlternative(term: Term): string {
  if (term.kind === "phrase") return `{title exact} : ${quote(term.words.join(" "))}`;
  return term.prefix ? `{title exact} : ${quote(term.word)} *` : `{title exact} : ${quote(term.word)}`;
}

function titleAlternatives(term: Term): string[] {
  if (term.kind === "phrase") return [`title : ${quote(term.words.join(" "))}`];
  if (term.prefix) return [`title : ${quote(term.word)} *`];
  const s = stem(term.word);
  return s === term.word ? [`title : ${quote(s)}`] : [`title : ${quote(term.word)}`, `title : ${quote(s)}`];
}

/** The column-filtered phrases one term matches, recording what snippets should mark. */
function alternatives(term: Term, highlight: Highlight | null, strict = false): string[] {
  if (term.kind === "phrase") {
    for (const w of term.words) {
      highlight?.exact.add(w);
      highlight?.stems.add(stem(w));
    }
    return [`{title exact} : ${quote(term.words.join(" "))}`];
  }
  const { word } = term;
  if (term.prefix) {
    highlight?.prefixes.push(word);
    const out = [`{title exact} : ${quote(word)} *`];
    if (!hasDiacritics(word) && !strict) out.push(`folded : ${quote(word)} *`);
    return out;
  }
  const s = stem(word);
  highlight?.exact.add(word);
  highlight?.stems.add(s);
  const out = [`{title exact} : ${quote(word)}`, `stems : ${quote(s)}`];
  // A word that is its own stem is only in the exact column ("avloppen" finds "avlopp").
  if (s !== word) out.push(`{title exact} : ${quote(s)}`);
  if (strict) return out;
  out.push(`parts : ${quote(s)}`);
  highlight?.parts.add(s);
  // A compound typed as such finds longer compounds holding all its parts ("säkerhetsfrågor" in "trafiksäkerhetsfrågor").
  const parts = [...new Set(compoundParts(word).map(stem))];
  if (parts.length > 1) {
    out.push(`(${parts.map((p) => `parts : ${quote(p)}`).join(" AND ")})`);
    for (const p of parts) highlight?.parts.add(p);
  }
  if (!hasDiacritics(word) && /\p{L}/u.test(word)) {
    // Typed without å, ä, ö: the folded column holds folded words and stems of words that have them.
    out.push(`folded : ${quote(word)}`);
    if (fold(s) !== word) out.push(`folded : ${quote(fold(s))}`);
    highlight?.folded.add(word);
    highlight?.folded.add(fold(s));
  }
  return out;
}
