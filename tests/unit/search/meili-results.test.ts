/**
 * How the Meilisearch adapter ranks, groups and counts the chunks its
 * branches return: pure functions, given chunks as Meilisearch returns them.
 */
import { describe, expect, it } from "vitest";
import { matchingWordsIn, meiliMatcher, oneTypo } from "../../../indexer/search/meili-match.ts";
import {
  type BranchResult,
  type ChunkHit,
  facetsOf,
  groupsOf,
  mergeBranches,
  presentHits,
} from "../../../indexer/search/meili-results.ts";
import { parseQuery } from "../../../indexer/search/query.ts";

function hit(documentId: string, chunk: number, more: Partial<ChunkHit> & { typos?: number } = {}): ChunkHit {
  const { typos = 0, ...rest } = more;
  return {
    id: `${documentId}-c${chunk}-p0`,
    documentId,
    chunk,
    paragraph: chunk || null,
    page: null,
    title: `§ ${chunk}`,
    type: "protokoll",
    body: "Kommunstyrelsen",
    date: "2020-02-20",
    diarienummer: [],
    speakers: [],
    parties: [],
    _rankingScore: 0.5,
    _rankingScoreDetails: { typo: { typoCount: typos } },
    ...rest,
  };
}

const branch = (b: BranchResult["branch"], hits: ChunkHit[]): BranchResult => ({ branch: b, hits });

describe("mergeBranches", () => {
  it("ranks chunks holding the words as typed first, then other forms, each by Meilisearch's score", () => {
    const merged = mergeBranches(
      [
        branch("forms", [hit("a", 1, { _rankingScore: 0.9 }), hit("b", 1, { _rankingScore: 0.8 })]),
        branch("typed", [hit("b", 1, { _rankingScore: 0.7 })]),
      ],
      500,
    );
    expect(groupsOf(merged.candidates, "relevance").map((g) => [g.documentId, g.chunks[0]?.tier])).toEqual([
      ["b", 0],
      ["a", 1],
    ]);
  });

  it("lets the words as typed raise only what the forms branch found (its exclusions reach every form)", () => {
    const merged = mergeBranches([branch("forms", [hit("a", 1)]), branch("typed", [hit("a", 1), hit("c", 1)])], 500);
    expect(merged.candidates.map((c) => c.hit.documentId)).toEqual(["a"]);
  });

  it("keeps typo matches only when nothing matched without a typo", () => {
    const withExact = mergeBranches(
      [branch("forms", [hit("a", 1), hit("b", 1, { typos: 1 })]), branch("typed", [hit("c", 1, { typos: 1 })])],
      500,
    );
    expect(withExact.candidates.map((c) => c.hit.documentId)).toEqual(["a"]);
    expect(withExact.typos).toBe(false);
    const onlyTypos = mergeBranches(
      [branch("forms", [hit("b", 1, { typos: 1 })]), branch("typed", [hit("c", 1, { typos: 1 })])],
      500,
    );
    expect(onlyTypos.candidates.map((c) => [c.hit.documentId, c.tier])).toEqual([
      ["b", 2],
      ["c", 2],
    ]);
    expect(onlyTypos.typos).toBe(true);
  });

  it("says the result is incomplete when a branch returned one chunk more than is ranked", () => {
    const hits = [hit("a", 1), hit("b", 1), hit("c", 1)];
    expect(mergeBranches([branch("forms", hits)], 3).complete).toBe(true);
    expect(mergeBranches([branch("forms", hits)], 2).complete).toBe(false);
  });

  it("keeps Meilisearch's order (decisions first, newest) when there are no words", () => {
    const merged = mergeBranches([branch("all", [hit("p", 1), hit("t", 0, { type: "tjansteutlatande" })])], 500);
    expect(groupsOf(merged.candidates, "relevance").map((g) => g.documentId)).toEqual(["p", "t"]);
  });

  it("takes one long chunk's parts as one chunk", () => {
    const merged = mergeBranches(
      [branch("forms", [hit("a", 1, { id: "a-c1-p0", _rankingScore: 0.4 }), hit("a", 1, { id: "a-c1-p1" })])],
      500,
    );
    expect(merged.candidates.map((c) => c.hit.id)).toEqual(["a-c1-p1"]);
  });
});

describe("groupsOf", () => {
  const merged = mergeBranches(
    [
      branch("forms", [
        hit("old", 1, { date: "2018-01-01", _rankingScore: 0.9 }),
        hit("new", 2, { date: "2022-01-01", _rankingScore: 0.3 }),
        hit("new", 1, { date: "2022-01-01", _rankingScore: 0.6 }),
        hit("undated", 0, { date: null, _rankingScore: 0.1 }),
      ]),
    ],
    500,
  );

  it("groups a document's chunks best first under one hit", () => {
    const groups = groupsOf(merged.candidates, "relevance");
    expect(groups.map((g) => [g.documentId, g.chunks.map((c) => c.hit.chunk)])).toEqual([
      ["old", [1]],
      ["new", [1, 2]],
      ["undated", [0]],
    ]);
  });

  it("sorts by date either way with undated documents last", () => {
    expect(groupsOf(merged.candidates, "newest").map((g) => g.documentId)).toEqual(["new", "old", "undated"]);
    expect(groupsOf(merged.candidates, "oldest").map((g) => g.documentId)).toEqual(["old", "new", "undated"]);
  });
});

describe("facetsOf", () => {
  it("counts documents, with the people of every matching chunk", () => {
    const merged = mergeBranches(
      [
        branch("forms", [
          hit("a", 1, { parties: ["S"], speakers: ["Anna Berg"] }),
          hit("a", 2, { parties: ["S", "M"], speakers: ["Anna Berg", "Erik Ek"] }),
          hit("b", 1, { body: "Socialnämnden", date: "2019-03-01", type: "bilaga", parties: ["S"] }),
        ]),
      ],
      500,
    );
    expect(facetsOf(groupsOf(merged.candidates, "relevance"))).toEqual({
      type: { protokoll: 1, bilaga: 1 },
      body: { Kommunstyrelsen: 1, Socialnämnden: 1 },
      year: { "2020": 1, "2019": 1 },
      party: { S: 2, M: 1 },
      speaker: { "Anna Berg": 1, "Erik Ek": 1 },
    });
  });
});

describe("presentHits", () => {
  it("cuts the snippet from the chunk's text with every match marked and all else escaped", () => {
    const merged = mergeBranches([branch("forms", [hit("x", 0), hit("x", 3)])], 500);
    const [hitShown] = presentHits(
      groupsOf(merged.candidates, "relevance"),
      new Map([["x-c0-p0", 'Vandalism <script>alert(1)</script> & "klotter" i parken']]),
      meiliMatcher(
        {
          exact: new Set(["klotter"]),
          stems: new Set(),
          folded: new Set(),
          parts: new Set(),
          prefixes: [],
        },
        [],
      ),
    );
    expect(hitShown?.snippet).toBe(
      "… script&gt;alert(1)&lt;/script&gt; &amp; &quot;<mark>klotter</mark>&quot; i parken",
    );
    expect(hitShown).toMatchObject({ documentId: "x", paragraph: null, matches: 2, more: [{ paragraph: 3 }] });
  });
});

describe("matching words", () => {
  it("are the forms the FTS5 matcher knows, plus one typo by Meilisearch's rule", () => {
    const text = "Upphandlingen av vinterväghållning; beslutet och Besluten. Ett beslag, en upphandling.";
    expect(matchingWordsIn(parseQuery("beslut"), text).sort()).toEqual(["besluten", "beslutet"]);
    expect(matchingWordsIn(parseQuery("upphandlnig"), text)).toEqual(["upphandling"]);
    expect(matchingWordsIn(parseQuery("vintervähgållning"), text)).toEqual(["vinterväghållning"]);
    expect(matchingWordsIn(parseQuery("dnr:KS-2020/42"), text)).toEqual([]);
  });

  it("counts a swap of neighbours as one typo and a wrong first letter as more", () => {
    expect(oneTypo("upphandlnig", "upphandling")).toBe(true);
    expect(oneTypo("budgetuppfölning", "budgetuppföljning")).toBe(true);
    expect(oneTypo("parek", "parken")).toBe(false);
    expect(oneTypo("beslut", "reslut")).toBe(false);
    expect(oneTypo("beslut", "beslut")).toBe(false);
  });
});
