/**
 * From the branches' matching chunks to one result, the way the FTS5 index
 * ranks and groups: pure functions over what Meilisearch returned.
 *
 * Tiers, best first: 0, chunks the forms branch found that also hold the
 * words as typed (typed branch, no typo); 1, the other chunks the forms
 * branch found without a typo; 2, chunks found only with a typo, which count
 * only when nothing matched without one (the FTS5 index forgives typos only
 * in words it does not know). Within a tier Meilisearch's ranking score
 * decides. Then one group per document, its best chunk first.
 */
import type { RecordType } from "../model.ts";
import { emptyFacets, FACET_SIZE } from "./facets.ts";
import { MORE } from "./hits.ts";
import type { Branch } from "./meili-request.ts";
import type { Facets, MoreHit, SearchHit, Sort } from "./search-index.ts";
import { escapeHtml, snippetHtml } from "./snippet.ts";

/** A matching chunk as a search returns it (meili-settings.ts RETRIEVED). */
export interface ChunkHit {
  id: string;
  documentId: string;
  chunk: number;
  paragraph: number | null;
  page: number | null;
  title: string | null;
  type: RecordType;
  body: string | null;
  date: string | null;
  diarienummer: string[];
  speakers: string[];
  parties: string[];
  _rankingScore?: number;
  _rankingScoreDetails?: { typo?: { typoCount?: number } };
}

export interface BranchResult {
  branch: Branch;
  /** At most maxRanked + 1: one more than that means the branch matched more. */
  hits: ChunkHit[];
}

export interface Candidate {
  hit: ChunkHit;
  tier: number;
  /** Higher is better. */
  score: number;
}

export interface Merged {
  candidates: Candidate[];
  /** False when a branch matched more chunks than it returned. */
  complete: boolean;
  /** Whether matches with a typo are among the candidates (so snippets mark typos). */
  typos: boolean;
}

export interface Group {
  documentId: string;
  date: string | null;
  /** Best first. */
  chunks: Candidate[];
}

const typoCount = (hit: ChunkHit) => hit._rankingScoreDetails?.typo?.typoCount ?? 0;
/** Parts of one long chunk are one chunk here. */
const keyOf = (hit: ChunkHit) => `${hit.documentId}\u0000${hit.chunk}`;

export function mergeBranches(results: BranchResult[], maxRanked: number): Merged {
  const best = new Map<string, Candidate>();
  const consider = (hit: ChunkHit, tier: number, score: number) => {
    const key = keyOf(hit);
    const known = best.get(key);
    if (!known || tier < known.tier || (tier === known.tier && score > known.score))
      best.set(key, { hit, tier, score });
  };
  const found = new Set<string>();
  for (const r of results) {
    if (r.branch === "typed") continue;
    for (const [i, hit] of r.hits.entries()) {
      if (r.branch === "all") {
        // No words, so no score: Meilisearch's sort (decisions first, then the newest) is the order.
        consider(hit, 1, 1 - i / Math.max(1, r.hits.length));
      } else {
        consider(hit, typoCount(hit) > 0 ? 2 : 1, hit._rankingScore ?? 0);
        found.add(keyOf(hit));
      }
    }
  }
  for (const r of results) {
    if (r.branch !== "typed") continue;
    for (const hit of r.hits) {
      const score = hit._rankingScore ?? 0;
      // Without a typo, the words as typed only raise what the forms branch found: its exclusions
      // reach every form of an excluded word, the typed branch's only titles and text.
      if (typoCount(hit) > 0) consider(hit, 2, score);
      else if (found.has(keyOf(hit))) consider(hit, 0, score);
    }
  }
  let candidates = [...best.values()];
  if (candidates.some((c) => c.tier < 2)) candidates = candidates.filter((c) => c.tier < 2);
  const complete = results.every((r) => r.hits.length <= maxRanked);
  return { candidates, complete, typos: candidates.some((c) => c.tier === 2) };
}

const byRank = (a: Candidate, b: Candidate) => a.tier - b.tier || b.score - a.score || a.hit.chunk - b.hit.chunk;

/** Dates compared with undated documents last, in either direction. */
function byDate(a: string | null, b: string | null, newestFirst: boolean): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return (a < b ? -1 : 1) * (newestFirst ? -1 : 1);
}

/** One group per document in the asked order, each with its chunks best first. */
export function groupsOf(candidates: Candidate[], sort: Sort): Group[] {
  const groups = new Map<string, Group>();
  for (const c of candidates) {
    const group = groups.get(c.hit.documentId);
    if (group) group.chunks.push(c);
    else groups.set(c.hit.documentId, { documentId: c.hit.documentId, date: c.hit.date, chunks: [c] });
  }
  for (const g of groups.values()) g.chunks.sort(byRank);
  const rank = (a: Group, b: Group) => byRank(a.chunks[0] as Candidate, b.chunks[0] as Candidate);
  const id = (a: Group, b: Group) => (a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : 0);
  const order = {
    relevance: (a: Group, b: Group) => rank(a, b) || byDate(a.date, b.date, true) || id(a, b),
    newest: (a: Group, b: Group) => byDate(a.date, b.date, true) || rank(a, b) || id(a, b),
    oldest: (a: Group, b: Group) => byDate(a.date, b.date, false) || rank(a, b) || id(a, b),
  }[sort];
  return [...groups.values()].sort(order);
}

/** Documents per type, body, year, party and speaker, among every matching chunk: the 30 largest of each. */
export function facetsOf(groups: Group[]): Facets {
  const counts: Record<keyof Facets, Map<string, number>> = {
    type: new Map(),
    body: new Map(),
    year: new Map(),
    party: new Map(),
    speaker: new Map(),
  };
  const add = (facet: keyof Facets, values: Iterable<string | null>) => {
    for (const v of new Set(values)) if (v) counts[facet].set(v, (counts[facet].get(v) ?? 0) + 1);
  };
  for (const g of groups) {
    const { hit } = g.chunks[0] as Candidate;
    add("type", [hit.type]);
    add("body", [hit.body]);
    add("year", [g.date ? g.date.slice(0, 4) : null]);
    const parties = g.chunks.flatMap((c) => c.hit.parties);
    const speakers = g.chunks.flatMap((c) => c.hit.speakers);
    add("party", parties);
    add("speaker", speakers);
  }
  const facets = emptyFacets();
  for (const [facet, values] of Object.entries(counts) as [keyof Facets, Map<string, number>][]) {
    const top = [...values].sort(([a, n], [b, m]) => m - n || (a < b ? -1 : a > b ? 1 : 0)).slice(0, FACET_SIZE);
    for (const [value, n] of top) facets[facet][value] = n;
  }
  return facets;
}

/** The best chunk of each group as a hit with its snippet; texts by Meilisearch id. */
export function presentHits(
  page: Group[],
  texts: Map<string, string>,
  isMatch: ((token: string) => boolean) | null,
): SearchHit[] {
  return page.map((group) => {
    const [best, ...others] = group.chunks as [Candidate, ...Candidate[]];
    const text = texts.get(best.hit.id) ?? "";
    const more: MoreHit[] = others
      .slice(0, MORE)
      .map(({ hit }) => ({ paragraph: hit.paragraph, page: hit.page, title: hit.title }));
    return {
      documentId: group.documentId,
      paragraph: best.hit.paragraph,
      page: best.hit.page,
      title: best.hit.title,
      type: best.hit.type,
      body: best.hit.body,
      date: group.date,
      diarienummer: best.hit.diarienummer,
      snippet: isMatch ? snippetHtml(text, isMatch) : escapeHtml(text.slice(0, 240).replace(/\s+/g, " ").trim()),
      matches: group.chunks.length,
      more,
    };
  });
}
