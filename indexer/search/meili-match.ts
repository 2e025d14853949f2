/**
 * Which words of a text a query matched on Meilisearch, for snippets and for
 * marking hits in a document: the FTS5 matcher's forms (exact, stem, folded,
 * compound part, prefix), plus the one typo Meilisearch forgives, by its rule.
 */
import { type Highlight, planMatch } from "./expression.ts";
import { matcher } from "./hits.ts";
import type { ParsedQuery } from "./query.ts";
import { fold, stem, tokenize } from "./swedish.ts";

/** Meilisearch forgives typos itself: the highlight plan asks for no corrections. */
const NO_CORRECTIONS = { corrections: () => ({ exact: [], folded: [] }) };

/** Meilisearch's oneTypo setting (meili-settings.ts): shorter words must match as typed. */
export const MIN_TYPO_WORD = 5;

export function highlightOf(parsed: ParsedQuery): Highlight {
  return planMatch(parsed.groups, parsed.excluded, NO_CORRECTIONS).highlight;
}

/** The words typed as words (not prefixes, not in phrases): the ones Meilisearch may match with a typo. */
export function typoWords(parsed: ParsedQuery): string[] {
  const out = new Set<string>();
  for (const term of parsed.groups.flat()) {
    if (term.kind !== "word" || term.prefix || term.word.length < MIN_TYPO_WORD) continue;
    out.add(term.word);
    if (stem(term.word).length >= MIN_TYPO_WORD) out.add(stem(term.word));
  }
  return [...out];
}

/** Whether a token of a text is one the query matched, as written or with one typo. */
export function meiliMatcher(highlight: Highlight, typos: string[]): ((token: string) => boolean) | null {
  const forms = matcher(highlight);
  if (!forms) return null;
  if (typos.length === 0) return forms;
  const seen = new Map<string, boolean>();
  return (token) => {
    let known = seen.get(token);
    if (known === undefined) {
      known = forms(token) || typos.some((w) => oneTypo(w, token) || oneTypo(w, fold(token)));
      seen.set(token, known);
    }
    return known;
  };
}

/** The distinct words of a text (lower-cased) a query matched. */
export function matchingWordsIn(parsed: ParsedQuery, text: string): string[] {
  const isMatch = meiliMatcher(highlightOf(parsed), typoWords(parsed));
  return isMatch ? [...new Set(tokenize(text))].filter(isMatch) : [];
}

/**
 * One edit apart (a letter changed, added, dropped, or two neighbours
 * swapped), first letters equal: Meilisearch counts a wrong first letter as
 * two typos, so with one allowed it never matches.
 */
export function oneTypo(word: string, token: string): boolean {
  if (word === token || word[0] !== token[0] || Math.abs(word.length - token.length) > 1) return false;
  let i = 0;
  while (i < word.length && i < token.length && word[i] === token[i]) i++;
  const a = word.slice(i);
  const b = token.slice(i);
  if (a.length === b.length)
    return a.slice(1) === b.slice(1) || (a[0] === b[1] && a[1] === b[0] && a.slice(2) === b.slice(2));
  return a.length > b.length ? a.slice(1) === b : b.slice(1) === a;
}
