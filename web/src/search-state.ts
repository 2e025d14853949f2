/**
 * The search view's state lives in the URL (/?q=&type=&body=&party=&speaker=&offset=) so a
 * search can be bookmarked, shared with a colleague and walked with back/forward.
 */

export const PAGE_SIZE = 20;

export const SORTS = ["relevance", "newest", "oldest"] as const;
export type Sort = (typeof SORTS)[number];

export interface SearchState {
  q: string;
  type: string;
  body: string;
  party: string;
  speaker: string;
  /** ISO dates bounding the record's date; a year filter sets both. */
  from: string;
  to: string;
  sort: Sort;
  offset: number;
}

export const EMPTY_SEARCH: SearchState = {
  q: "",
  type: "",
  body: "",
  party: "",
  speaker: "",
  from: "",
  to: "",
  sort: "relevance",
  offset: 0,
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function parseSearchState(params: URLSearchParams): SearchState {
  const offset = Number.parseInt(params.get("offset") ?? "", 10);
  const sort = params.get("sort") ?? "";
  const date = (key: string): string => {
    const value = params.get(key) ?? "";
    return ISO_DATE.test(value) ? value : "";
  };
  return {
    q: (params.get("q") ?? "").trim(),
    type: params.get("type") ?? "",
    body: params.get("body") ?? "",
    party: params.get("party") ?? "",
    speaker: params.get("speaker") ?? "",
    from: date("from"),
    to: date("to"),
    sort: (SORTS as readonly string[]).includes(sort) ? (sort as Sort) : "relevance",
    offset: Number.isFinite(offset) && offset > 0 ? offset : 0,
  };
}

/** Canonical URL for a state; empty values are left out. */
export function searchUrl(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  if (state.type) params.set("type", state.type);
  if (state.body) params.set("body", state.body);
  if (state.party) params.set("party", state.party);
  if (state.speaker) params.set("speaker", state.speaker);
  if (state.from) params.set("from", state.from);
  if (state.to) params.set("to", state.to);
  if (state.sort !== "relevance") params.set("sort", state.sort);
  if (state.offset > 0) params.set("offset", String(state.offset));
  const query = params.toString();
  return query ? `/?${query}` : "/";
}

export interface PageInfo {
  current: number;
  count: number;
  prevOffset: number | null;
  nextOffset: number | null;
}

export function pageInfo(total: number, offset: number, limit = PAGE_SIZE): PageInfo {
  const count = Math.max(1, Math.ceil(total / limit));
  const current = Math.min(count, Math.floor(offset / limit) + 1);
  return {
    current,
    count,
    prevOffset: offset > 0 ? Math.max(0, offset - limit) : null,
    nextOffset: offset + limit < total ? offset + limit : null,
  };
}

/** The year a from/to pair covers exactly, if it does. */
export function selectedYear(state: SearchState): string {
  const year = state.from.slice(0, 4);
  return state.from === `${year}-01-01` && state.to === `${year}-12-31` ? year : "";
}

export function withYear(state: SearchState, year: string): SearchState {
  return { ...state, from: year ? `${year}-01-01` : "", to: year ? `${year}-12-31` : "", offset: 0 };
}

export function hasFilters(state: SearchState): boolean {
  return Boolean(state.type || state.body || state.party || state.speaker || state.from || state.to);
}
