/**
 * What the Meilisearch adapter would send, built without a server: the
 * branches of a multi-search, their `q`, filters and sort, and the settings.
 */
import { describe, expect, it } from "vitest";
import {
  type BranchQuery,
  combinations,
  filterExpressions,
  filterString,
  MAX_BRANCHES,
  type NameLists,
  planSearch,
  readQuery,
  renderQ,
} from "../../../indexer/search/meili-request.ts";
import { meiliSettings, RETRIEVED } from "../../../indexer/search/meili-settings.ts";
import type { SearchQuery } from "../../../indexer/search/search-index.ts";

const NAMES: NameLists = {
  bodies: ["kommunstyrelsen", "barn- och utbildningsnamnden", "socialnamnden"],
  speakers: ["anna berg", "anna aberg", "ingalill soderberg"],
};

function plan(q: string, more: Partial<SearchQuery> = {}, names: NameLists = NAMES) {
  const query: SearchQuery = { q, limit: 20, offset: 0, ...more };
  return planSearch(readQuery(query), query, names, { indexUid: "chunks", maxRanked: 500 });
}

/** [branch, q] of every query of a plan. */
const branches = (q: string, more: Partial<SearchQuery> = {}) =>
  (plan(q, more)?.queries ?? []).map((b: BranchQuery) => [b.branch, b.query.q]);

describe("filterString", () => {
  it("double-quotes a value and escapes backslashes before quotes, as Meilisearch's filter parser unescapes", () => {
    expect(filterString("Kommunstyrelsen")).toBe('"Kommunstyrelsen"');
    expect(filterString('säger "nej"')).toBe('"säger \\"nej\\""');
    expect(filterString("a\\b")).toBe('"a\\\\b"');
    // A backslash before a quote: both escaped, so neither can close the string early.
    expect(filterString('a\\"b')).toBe('"a\\\\\\"b"');
    expect(filterString("x OR type = protokoll")).toBe('"x OR type = protokoll"');
  });
});

describe("filterExpressions", () => {
  const none = { types: [], bodies: [], speakers: [], parties: [], from: null, to: null };

  it("turns every filter into a clause that must hold", () => {
    const clauses = filterExpressions(
      { ...none, types: ["protokoll", "protokollsutdrag"], parties: ["SD"], from: "2019-01-01", to: "2019-12-31" },
      "Socialnämnden",
      ["KS-2020/42", "KS-2020/87"],
      NAMES,
    );
    expect(clauses).toEqual([
      'type IN ["protokoll", "protokollsutdrag"]',
      'bodyKey = "socialnamnden"',
      "dateNumber >= 20190101",
      "dateNumber <= 20191231",
      'parties IN ["SD"]',
      'caseKeys IN ["KS-2020/42", "KS-2020/87"]',
    ]);
  });

  it("matches parts of bodies (any) and of speakers (each) among the indexed names", () => {
    expect(filterExpressions({ ...none, bodies: ["barn", "social"] }, undefined, [], NAMES)).toEqual([
      'bodyKey IN ["barn- och utbildningsnamnden", "socialnamnden"]',
    ]);
    expect(filterExpressions({ ...none, speakers: ["berg", "anna"] }, undefined, [], NAMES)).toEqual([
      'speakerKeys IN ["anna berg", "anna aberg", "ingalill soderberg"]',
      'speakerKeys IN ["anna berg", "anna aberg"]',
    ]);
  });

  it("matches nothing when no indexed name holds the part", () => {
    expect(filterExpressions({ ...none, bodies: ["byggnads"] }, undefined, [], NAMES)).toBeNull();
    expect(filterExpressions({ ...none, speakers: ["anna", "okänd"] }, undefined, [], NAMES)).toBeNull();
  });

  it("escapes what an official typed in the body parameter", () => {
    expect(filterExpressions(none, 'Nämnd" OR type = "bilaga', [], NAMES)).toEqual([
      'bodyKey = "namnd\\" or type = \\"bilaga"',
    ]);
  });
});

describe("renderQ", () => {
  const w = (text: string, prefix = false) => ({ text, prefix });

  it("ends with a space so Meilisearch reads no prefix into the last word", () => {
    expect(renderQ([w("beslut"), w("nämnd")], [])).toBe("beslut nämnd ");
  });

  it("puts a prefix last without a space, and exclusions first", () => {
    expect(renderQ([w("upphandl", true), w("vinter")], ["hemmet"])).toBe("-hemmet vinter upphandl");
    expect(renderQ([w('"e post"')], ['"fattade beslut"'])).toBe('-"fattade beslut" "e post" ');
  });

  it("reads a second prefix as a whole word, and nothing as a placeholder search", () => {
    expect(renderQ([w("bud", true), w("upp", true)], [])).toBe("bud upp");
    expect(renderQ([], [])).toBe("");
    expect(renderQ([], ["hemmet"])).toBe("-hemmet ");
  });
});

describe("planSearch", () => {
  it("searches a word by its stem over every column, and as typed in titles and text", () => {
    const queries = plan("beslutet")?.queries ?? [];
    expect(queries.map((b) => [b.branch, b.query.q])).toEqual([
      ["forms", "beslut "],
      ["typed", "beslutet "],
    ]);
    const [forms, typed] = queries as [BranchQuery, BranchQuery];
    expect(forms.query).toEqual({
      indexUid: "chunks",
      q: "beslut ",
      matchingStrategy: "all",
      limit: 501,
      offset: 0,
      attributesToRetrieve: [...RETRIEVED],
      showRankingScore: true,
      showRankingScoreDetails: true,
    });
    expect(typed.query.attributesToSearchOn).toEqual(["title", "exact"]);
    expect(forms.query.attributesToSearchOn).toBeUndefined();
  });

  it("searches a compound also by its parts, all of which must occur", () => {
    expect(branches("säkerhetsfrågor")).toEqual([
      ["forms", "säkerhetsfråg "],
      ["forms", "säk fråg "],
      ["typed", "säkerhetsfrågor "],
    ]);
  });

  it("makes one branch per alternative of an OR", () => {
    expect(branches("graffiti OR klotter")).toEqual([
      ["forms", "graffiti "],
      ["forms", "klott "],
      ["typed", "graffiti "],
      ["typed", "klotter "],
    ]);
  });

  it("bounds the branches of many ORs", () => {
    const q = "a1 OR b1 OR c1 tjänsteutlåtande OR förvaltningsberättelse x OR y";
    const queries = plan(q)?.queries ?? [];
    expect(queries.filter((b) => b.branch === "forms").length).toBeLessThanOrEqual(MAX_BRANCHES);
    expect(queries.filter((b) => b.branch === "typed").length).toBeLessThanOrEqual(MAX_BRANCHES);
    expect(
      combinations([
        [1, 2, 3],
        [4, 5, 6],
        [7, 8],
      ]),
    ).toHaveLength(MAX_BRANCHES);
  });

  it("excludes a word and its stem in every branch, and a phrase as written", () => {
    expect(branches("nämnd -beslutet")).toEqual([
      ["forms", "-beslutet -beslut nämnd "],
      ["typed", "-beslutet -beslut nämnd "],
    ]);
    expect(branches('stöd -"fattade beslut"')).toEqual([
      ["forms", '-"fattade beslut" stöd '],
      ["typed", '-"fattade beslut" stöd '],
    ]);
  });

  it("leaves a prefix to Meilisearch's prefix search on the last word", () => {
    expect(branches("vinter upphandl*")).toEqual([
      ["forms", "vint upphandl"],
      ["typed", "vinter upphandl"],
    ]);
  });

  it("keeps a phrase a phrase", () => {
    expect(branches('"klotterrelaterad skadegörelse"')).toEqual([
      ["forms", '"klotterrelaterad skadegörelse" '],
      ["typed", '"klotterrelaterad skadegörelse" '],
    ]);
  });

  it("reads invalid syntax as plain words", () => {
    expect(branches('"klotter')).toEqual([
      ["forms", "klott "],
      ["typed", "klotter "],
    ]);
    expect(branches("datum:2019-13-45")).toEqual([
      ["forms", '"2019 13 45" '],
      ["typed", '"2019 13 45" '],
    ]);
    expect(branches("NEAR(a b)")).toEqual([
      ["forms", '"near a" b '],
      ["typed", '"near a" b '],
    ]);
  });

  it("filters by a case in any spelling, and falls back to the case when its words find nothing", () => {
    const p = plan("KS 2020/42 tjänsteutlåtande", { dnr: "ks 2020/87" });
    for (const b of p?.queries ?? []) expect(b.query.filter).toEqual(['caseKeys IN ["KS-2020/42", "KS-2020/87"]']);
    expect(p?.fallback?.map((b) => [b.branch, b.query.q, b.query.sort])).toEqual([
      ["all", "", ["typeRank:asc", "dateNumber:desc"]],
    ]);
    expect(plan("klotter")?.fallback).toBeNull();
  });

  it("lists every chunk the filters let through when there are no words, decisions first", () => {
    const p = plan("typ:protokoll -beslut");
    expect(p?.queries.map((b) => [b.branch, b.query.q, b.query.filter, b.query.sort])).toEqual([
      ["all", "-beslut ", ['type IN ["protokoll"]'], ["typeRank:asc", "dateNumber:desc"]],
    ]);
  });

  it("asks for the newest or oldest matches first when sorting by date", () => {
    const sorts = (sort: SearchQuery["sort"]) => plan("stöd", { sort })?.queries.map((b) => b.query.sort);
    expect(sorts("newest")).toEqual([["dateNumber:desc"], ["dateNumber:desc"]]);
    expect(sorts("oldest")).toEqual([["dateNumber:asc"], ["dateNumber:asc"]]);
    expect(sorts("relevance")).toEqual([undefined, undefined]);
  });

  it("merges the API's parameters with the query's fields", () => {
    const p = plan("stöd år:2018", { type: "protokoll", speaker: "Anna Berg", party: "m", to: "2018-06-30" });
    expect(p?.queries[0]?.query.filter).toEqual([
      'type IN ["protokoll"]',
      "dateNumber >= 20180101",
      "dateNumber <= 20180630",
      'speakerKeys IN ["anna berg"]',
      'parties IN ["M"]',
    ]);
  });

  it("plans nothing when a name part matches no indexed name, or when there is nothing to search", () => {
    expect(plan("beslut organ:byggnadsnämnden")).toBeNull();
    expect(readQuery({ q: "   ", limit: 20, offset: 0 }).empty).toBe(true);
    expect(readQuery({ q: "*", limit: 20, offset: 0 }).empty).toBe(true);
    expect(readQuery({ q: "", limit: 20, offset: 0, body: "Kommunstyrelsen" }).empty).toBe(false);
  });

  it("marks the words Meilisearch may have matched with a typo: five letters or more, not prefixes", () => {
    expect(plan("budgetuppfölning park bud*")?.typos).toEqual(["budgetuppfölning"]);
    expect(plan("beslutet")?.typos).toEqual(["beslutet", "beslut"]);
  });
});

describe("meiliSettings", () => {
  it("searches titles, then exact words, stems, parts and folded words, and filters what the port filters by", () => {
    const s = meiliSettings(500);
    expect(s.searchableAttributes).toEqual(["title", "exact", "stems", "parts", "folded"]);
    expect(s.filterableAttributes).toEqual(
      expect.arrayContaining(["documentId", "type", "bodyKey", "year", "dateNumber", "caseKeys", "speakerKeys"]),
    );
    expect(s.sortableAttributes).toEqual(["dateNumber", "typeRank"]);
    expect(s.rankingRules?.[0]).toBe("sort");
    expect(s.pagination).toEqual({ maxTotalHits: 501 });
    expect(s.distinctAttribute).toBeNull();
  });

  it("forgives one typo from five letters, never two, never in stems or parts, and reads Swedish", () => {
    const s = meiliSettings(500);
    expect(s.typoTolerance).toEqual({
      enabled: true,
      minWordSizeForTypos: { oneTypo: 5, twoTypos: 255 },
      disableOnAttributes: ["stems", "parts"],
    });
    expect(s.localizedAttributes).toEqual([{ attributePatterns: ["*"], locales: ["swe"] }]);
  });
});
