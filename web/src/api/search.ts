/** Searching: hits (one per document, its best § first) and the facets that narrow them. */

import { arr, getJson, num, obj, query, str, strings } from "./http.ts";

export interface SearchHit {
  documentId: string;
  paragraph: number | null;
  title: string | null;
  type: string;
  body: string | null;
  date: string | null;
  diarienummer: string[];
  snippet: string;
  /** How many § (or pages) of the document match; the hit shows the best. */
  matches: number;
  /** The document's other matching § or pages, best first. */
  more: { paragraph: number | null; page: number | null; title: string | null }[];
  /** Kinds of sensitive content in the hit's document (personnummer, secrecy...). */
  flags: string[];
}

export interface FacetValue {
  value: string;
  count: number;
}

export interface SearchResult {
  total: number;
  hits: SearchHit[];
  /** Facet name (type, body, year, ...) to values, most frequent first. */
  facets: Record<string, FacetValue[]>;
}

export interface SearchParams {
  q: string;
  type?: string;
  body?: string;
  dnr?: string;
  from?: string;
  to?: string;
  speaker?: string;
  party?: string;
  sort?: "relevance" | "newest" | "oldest";
  limit?: number;
  offset?: number;
}

/** Accepts `{protokoll: 3}` as well as `[{value, count}]`. */
function facetValues(value: unknown): FacetValue[] {
  const out: FacetValue[] = [];
  if (Array.isArray(value)) {
    for (const item of value) {
      const o = obj(item);
      const v = str(o.value ?? o.key ?? o.name);
      const c = num(o.count);
      if (v !== null && c !== null) out.push({ value: v, count: c });
    }
  } else {
    for (const [v, c] of Object.entries(obj(value))) {
      const n = num(c);
      if (n !== null) out.push({ value: v, count: n });
    }
  }
  return out.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value, "sv"));
}

export async function search(params: SearchParams, signal?: AbortSignal): Promise<SearchResult> {
  const o = obj(await getJson(`/api/search?${query({ ...params })}`, signal));
  const hits = arr(o.hits).map((value): SearchHit => {
    const hit = obj(value);
    return {
      documentId: str(hit.documentId) ?? str(hit.id) ?? "",
      paragraph: num(hit.paragraph),
      title: str(hit.title),
      type: str(hit.type) ?? "ovrigt",
      body: str(hit.body),
      date: str(hit.date),
      diarienummer: strings(hit.diarienummer),
      snippet: str(hit.snippet) ?? "",
      matches: num(hit.matches) ?? 1,
      more: arr(hit.more).map((m) => {
        const o = obj(m);
        return { paragraph: num(o.paragraph), page: num(o.page), title: str(o.title) };
      }),
      flags: strings(hit.flags),
    };
  });
  const facets: Record<string, FacetValue[]> = {};
  for (const [name, values] of Object.entries(obj(o.facets))) {
    const list = facetValues(values);
    if (list.length > 0) facets[name] = list;
  }
  return { total: num(o.total) ?? hits.length, hits, facets };
}
