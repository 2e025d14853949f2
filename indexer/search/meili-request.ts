/**
 * What an official typed, as Meilisearch requests: pure functions, so what
 * would be sent is tested without a server.
 *
 * Meilisearch's `q` has phrases ("…"), exclusions (-word) and a prefix on its
 * last word, but no OR and no Swedish. So one search becomes a few branches
 * in one multi-search, each over the chunks:
 *  - "forms": each word as its stem (the stems, folded and parts columns hold
 *    the document's stems, folded stems and compound parts), and a compound
 *    also as its parts; this branch decides what matches;
 *  - "typed": the words as typed, in titles and text only; a chunk found by
 *    both ranks first (the FTS5 index's tier of exact forms);
 *  - "all": no words (a case, a filter): every chunk the filters let through.
 * An OR makes one branch per alternative. Each branch returns at most
 * `maxRanked` + 1 chunks; meili-results.ts merges, ranks and groups them.
 */
import type { MultiSearchQuery } from "meilisearch";
import { caseKey } from "../understand/diarienummer.ts";
import type { Highlight } from "./expression.ts";
import { hasFilters, mergeFilters } from "./filters.ts";
import { highlightOf, typoWords } from "./meili-match.ts";
import { RETRIEVED } from "./meili-settings.ts";
import { type ParsedQuery, parseQuery, type QueryFilters, type Term } from "./query.ts";
import type { SearchQuery, Sort } from "./search-index.ts";
import { compoundParts, fold, stem } from "./swedish.ts";

export type Branch = "typed" | "forms" | "all";

export interface BranchQuery {
  branch: Branch;
  query: MultiSearchQuery;
}

/** A query read once: its syntax, its filters merged with the API's, its case keys. */
export interface ReadQuery {
  parsed: ParsedQuery;
  filters: QueryFilters;
  caseKeys: string[];
  /** Nothing to search for and nothing to filter by. */
  empty: boolean;
}

/** The folded bodies and speaker names in the index, read when `organ:` or `talare:` needs them. */
export interface NameLists {
  bodies: string[] | null;
  speakers: string[] | null;
}

export interface SearchPlan {
  queries: BranchQuery[];
  /** When the words find nothing in a case's documents: the case itself, as the FTS5 index does. */
  fallback: BranchQuery[] | null;
  highlight: Highlight;
  /** Words Meilisearch may have matched with a typo, for marking them. */
  typos: string[];
}

/** Alternatives of an OR beyond this many branches are dropped (compound parts first). */
export const MAX_BRANCHES = 8;
const TYPED_ATTRIBUTES = ["title", "exact"];

export function readQuery(query: SearchQuery): ReadQuery {
  const parsed = parseQuery(query.q);
  const filters = mergeFilters(parsed.filters, query);
  const caseKeys = [
    ...new Set([...parsed.diarienummer, ...(query.dnr ? [query.dnr] : [])].map((d) => caseKey(d).base)),
  ];
  const empty = parsed.isEmpty && caseKeys.length === 0 && !hasFilters(filters) && !query.body;
  return { parsed, filters, caseKeys, empty };
}

/**
 * The branches of one search; null when the filters can match nothing (an
 * `organ:` or `talare:` that no indexed name holds).
 */
export function planSearch(
  read: ReadQuery,
  query: SearchQuery,
  names: NameLists,
  options: { indexUid: string; maxRanked: number },
): SearchPlan | null {
  const filter = filterExpressions(read.filters, query.body, read.caseKeys, names);
  if (!filter) return null;
  const { groups, excluded } = read.parsed;
  const negatives = excluded.flatMap(negativeWords);
  const sort = query.sort ?? "relevance";
  const base = (branch: Branch, q: string, words: boolean): BranchQuery => ({
    branch,
    query: {
      indexUid: options.indexUid,
      q,
      ...(filter.length ? { filter } : {}),
      ...sortOf(sort, words),
      ...(branch === "typed" ? { attributesToSearchOn: TYPED_ATTRIBUTES } : {}),
      matchingStrategy: "all",
      // One more than is ranked: a full answer says there were more, without trusting an estimate.
      limit: options.maxRanked + 1,
      offset: 0,
      attributesToRetrieve: [...RETRIEVED],
      showRankingScore: true,
      showRankingScoreDetails: true,
    },
  });
  const everything = [base("all", renderQ([], negatives), false)];
  const highlight = highlightOf(read.parsed);
  if (groups.length === 0) return { queries: everything, fallback: null, highlight, typos: [] };
  const queries = [
    ...formCombinations(groups).map((words) => base("forms", renderQ(words, negatives), true)),
    ...combinations(groups.map((g) => g.map(typedWord))).map((words) => base("typed", renderQ(words, negatives), true)),
  ];
  return {
    queries,
    fallback: read.caseKeys.length > 0 ? everything : null,
    highlight,
    typos: typoWords(read.parsed),
  };
}

/** A word (or "quoted phrase") of a Meilisearch `q`. */
export interface QWord {
  text: string;
  prefix: boolean;
}

/**
 * Exclusions first (Meilisearch reads ten words at most and stops there),
 * then the words. Meilisearch treats the last word as a prefix unless a space
 * follows it: a prefix term goes last, and any other query ends with a space.
 * A second prefix in one query is read as a whole word.
 */
export function renderQ(words: QWord[], negatives: string[]): string {
  const prefix = words.findLast((w) => w.prefix);
  const parts = [...negatives.map((n) => `-${n}`), ...words.filter((w) => w !== prefix).map((w) => w.text)];
  if (prefix) return [...parts, prefix.text].join(" ");
  return parts.length ? `${parts.join(" ")} ` : "";
}

/** Words a chunk must not hold: the word, its stem, or the phrase (as the FTS5 index excludes). */
export function negativeWords(term: Term): string[] {
  if (term.kind === "phrase") return [phrase(term.words)];
  if (term.prefix) return [term.word];
  const s = stem(term.word);
  return s === term.word ? [term.word] : [term.word, s];
}

function typedWord(term: Term): QWord {
  return term.kind === "phrase"
    ? { text: phrase(term.words), prefix: false }
    : { text: term.word, prefix: term.prefix };
}

/**
 * One term in the forms branch: a word as its stem, which meets the
 * document's stems, its folded stems (for words typed without å, ä, ö) and
 * compound parts; a compound also as its parts, all of which must occur.
 */
export function formAlternatives(term: Term, withParts = true): QWord[][] {
  if (term.kind === "phrase") return [[{ text: phrase(term.words), prefix: false }]];
  if (term.prefix) return [[{ text: term.word, prefix: true }]];
  const out: QWord[][] = [[{ text: stem(term.word), prefix: false }]];
  const parts = [...new Set(compoundParts(term.word).map(stem))];
  if (withParts && parts.length > 1) out.push(parts.map((p) => ({ text: p, prefix: false })));
  return out;
}

function formCombinations(groups: Term[][]): QWord[][] {
  const expand = (withParts: boolean) => groups.map((g) => g.flatMap((t) => formAlternatives(t, withParts)));
  let lists = expand(true);
  if (lists.reduce((n, l) => n * l.length, 1) > MAX_BRANCHES) lists = expand(false);
  return combinations(lists).map((c) => c.flat());
}

/** Every way to take one item of each list, the first `MAX_BRANCHES` of them. */
export function combinations<T>(lists: T[][]): T[][] {
  let out: T[][] = [[]];
  for (const list of lists) {
    out = out.flatMap((c) => list.map((item) => [...c, item])).slice(0, MAX_BRANCHES);
  }
  return out;
}

function sortOf(sort: Sort, words: boolean): { sort?: string[] } {
  if (sort === "newest") return { sort: ["dateNumber:desc"] };
  if (sort === "oldest") return { sort: ["dateNumber:asc"] };
  // Without words: decisions first, then the newest (the FTS5 index's order).
  return words ? {} : { sort: ["typeRank:asc", "dateNumber:desc"] };
}

const phrase = (words: string[]) => `"${words.join(" ")}"`;

/** A string in a Meilisearch filter: double-quoted, with backslashes and quotes escaped. */
export function filterString(value: string): string {
  return `"${value.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`;
}

/** `attribute IN [...]` with every value quoted. */
export const anyOf = (attribute: string, values: string[]) =>
  `${attribute} IN [${values.map(filterString).join(", ")}]`;
const day = (iso: string) => Number(iso.replaceAll("-", ""));

/**
 * The filters as Meilisearch filter expressions (all must hold), or null
 * when they can match nothing. `organ:` and `talare:` match parts of names,
 * which Meilisearch filters cannot: the parts are looked up among the
 * indexed names first, as the FTS5 index does for speakers.
 */
export function filterExpressions(
  f: QueryFilters,
  body: string | undefined,
  caseKeys: string[],
  names: NameLists,
): string[] | null {
  const out: string[] = [];
  if (f.types.length) out.push(anyOf("type", f.types));
  if (body) out.push(`bodyKey = ${filterString(fold(body))}`);
  if (f.bodies.length) {
    const keys = (names.bodies ?? []).filter((k) => f.bodies.some((part) => k.includes(part)));
    if (keys.length === 0) return null;
    out.push(anyOf("bodyKey", keys));
  }
  if (f.from) out.push(`dateNumber >= ${day(f.from)}`);
  if (f.to) out.push(`dateNumber <= ${day(f.to)}`);
  for (const part of f.speakers) {
    const keys = (names.speakers ?? []).filter((k) => k.includes(part));
    if (keys.length === 0) return null;
    out.push(anyOf("speakerKeys", keys));
  }
  if (f.parties.length) out.push(anyOf("parties", f.parties));
  if (caseKeys.length) out.push(anyOf("caseKeys", caseKeys));
  return out;
}
