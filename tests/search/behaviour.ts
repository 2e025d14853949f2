/**
 * What officials can rely on from search, whatever engine serves it: each
 * engine adapter runs this suite over the same small corpus: FTS5 in
 * search-fts5.test.ts, Meilisearch in search-meili.test.ts (where MEILI_URL
 * names a server).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SearchIndex, SearchQuery, SearchResult } from "../../indexer/search/search-index.ts";
import { buildDocument, CORPUS } from "./corpus.ts";

export interface OpenedEngine {
  index: SearchIndex;
  close(): Promise<void>;
}

export function describeSearchBehaviour(name: string, open: () => Promise<OpenedEngine>): void {
  describe(`search behaviour: ${name}`, () => {
    let engine: OpenedEngine;
    const search = (q: string, more: Partial<SearchQuery> = {}): Promise<SearchResult> =>
      engine.index.search({ q, limit: 20, offset: 0, ...more });
    const ids = async (q: string, more: Partial<SearchQuery> = {}) =>
      (await search(q, more)).hits.map((h) => h.documentId);

    beforeAll(async () => {
      engine = await open();
      for (const doc of CORPUS) await engine.index.index(doc);
    });
    afterAll(async () => {
      await engine.close();
    });

    describe("diarienummer", () => {
      it("finds the case's § first, whatever the spelling", async () => {
        for (const q of ["KS-2020/42.142", "ks 2020/42", "Dnr KS 2020/42", "KS/2020:0042", "dnr:ks-2020/42"]) {
          const result = await search(q);
          expect(result.hits[0], q).toMatchObject({ documentId: "trygghet2020", paragraph: 8 });
          expect(new Set(result.hits.map((h) => h.documentId)), q).toEqual(new Set(["trygghet2020", "tjut2020"]));
        }
      });

      it("ranks the case's documents by the words typed beside the number", async () => {
        const result = await search("KS 2020/42 tjänsteutlåtande");
        expect(result.hits[0]?.documentId).toBe("tjut2020");
      });

      it("filters by the dnr parameter", async () => {
        const result = await search("budgetuppföljning", { dnr: "ks 2020/87" });
        expect(result.hits.map((h) => [h.documentId, h.paragraph])).toEqual([
          ["trygghet2020", 9],
          ["kallelse2020", null],
        ]);
      });
    });

    describe("Swedish words", () => {
      it("names the words of a text a query matches, in every form it matched them, for marking", async () => {
        const text =
          "Nämnden fattade beslutet. Klotterrelaterad skadegörelse har minskat; Besluten gäller. Ett beslag.";
        const words = async (q: string) => (await engine.index.matchingWords(q, text)).sort();
        expect(await words("beslut")).toEqual(["beslutet", "besluten"].sort());
        expect(await words("klotter")).toEqual(["klotterrelaterad"]);
        expect(await words("skadegorelse")).toEqual(["skadegörelse"]);
        expect(await words("nämnd -beslutet")).toEqual(["nämnden"]);
        expect(await words("dnr:KS-2020/42")).toEqual([]);
      });

      it("meets inflections through the stemmer, exact forms first", async () => {
        expect(await ids("beslutet")).toEqual(expect.arrayContaining(["beslutet2019", "besluten2021"]));
        expect((await ids("beslutet"))[0]).toBe("beslutet2019");
        expect((await ids("besluten"))[0]).toBe("besluten2021");
        expect(await ids("nämnden")).toEqual(expect.arrayContaining(["beslutet2019", "besluten2021"]));
      });

      it("ranks the word as typed in a § title above a text full of its inflections and compounds", async () => {
        const title = buildDocument({
          id: "rank-title",
          date: "2015-03-01",
          paragraphs: [{ number: 4, title: "Taxa för snöskottning 2015", text: "Förslaget godkänns." }],
        });
        const text = buildDocument({
          id: "rank-text",
          type: "bilaga",
          title: "Uppföljning",
          date: "2021-05-05",
          pages: [
            "Uppföljning\nSnöskottningen av gångvägar och snöskottningsavtalet med entreprenören följdes upp. " +
              "Snöskottningens kostnader och snöskottningsplanen redovisas, liksom snöskottning vid skolor.",
          ],
        });
        await engine.index.index(title);
        await engine.index.index(text);
        try {
          expect(await ids("snöskottning")).toEqual(["rank-title", "rank-text"]);
        } finally {
          await engine.index.remove("rank-title");
          await engine.index.remove("rank-text");
        }
      });

      it("finds the parts of compounds", async () => {
        expect(await ids("klotter")).toEqual(["trygghet2020"]);
        expect(await ids("skadegörelse")).toEqual(["trygghet2020"]);
        expect(await ids("säkerhetsfrågor")).toContain("upphandling2023");
      });

      it("keeps å, ä and ö distinct, but finds words typed without them below exact matches", async () => {
        expect(await ids("får")).toEqual(["far2022"]);
        expect(await ids("far")).toEqual(["far2018", "far2022"]);
        expect(await ids("skadegorelse")).toEqual(["trygghet2020"]);
        expect(await ids("lasarstider")).toEqual(["besluten2021"]);
      });

      it("forgives one typo in a long word", async () => {
        expect(await ids("upphandlnig")).toEqual(["upphandling2023"]);
        expect(await ids("vintervähgållning")).toEqual(["upphandling2023"]);
        expect(await ids("budgetuppfölning")).toContain("trygghet2020");
        expect(await ids("parek")).toEqual([]); // too short to guess at
      });
    });

    describe("query syntax", () => {
      it("matches an exact phrase only as written in sequence", async () => {
        expect(await ids('"klotterrelaterad skadegörelse"')).toEqual(["trygghet2020"]);
        expect(await ids('"skadegörelse klotterrelaterad"')).toEqual([]);
      });

      it("excludes words with a minus, joins alternatives with OR and expands a prefix", async () => {
        expect(await ids("stöd -hemmet")).toEqual(["far2018"]);
        expect(new Set(await ids("graffiti OR klotter"))).toEqual(new Set(["kallelse2020", "trygghet2020"]));
        expect(await ids("upphandl*")).toEqual(["upphandling2023"]);
      });

      it("filters by typ:, organ:, talare:, parti:, datum: and år:", async () => {
        expect(await ids("trygghet typ:tjänsteutlåtande")).toEqual(["tjut2020"]);
        expect(await ids("beslut organ:barn")).toEqual(["besluten2021"]);
        expect(await ids('talare:"Ingalill Söderberg"')).toEqual(["trygghet2020"]);
        expect(await ids("parti:sd")).toEqual(["trygghet2020"]);
        expect(await ids("stöd datum:2022-01-01..2022-12-31")).toEqual(["far2022"]);
        expect(await ids("stöd år:2018")).toEqual(["far2018"]);
      });

      it("reads invalid syntax as plain words, never as an error", async () => {
        for (const q of ['"klotter', "OR", "AND (", "*", "-", "dnr:", "datum:2019-13-45", "k*", "NEAR(a b)", "a:b:c"]) {
          const result = await search(q);
          expect(Array.isArray(result.hits), q).toBe(true);
        }
        expect(await ids('"klotter')).toEqual(["trygghet2020"]);
      });
    });

    describe("results", () => {
      it("groups several matching § of one document under one hit", async () => {
        const result = await search("trygghet");
        const hit = result.hits.find((h) => h.documentId === "trygghet2020");
        expect(result.hits.filter((h) => h.documentId === "trygghet2020")).toHaveLength(1);
        expect(hit?.matches).toBeGreaterThanOrEqual(2);
        expect(hit?.paragraph).toBe(8);
        expect(hit?.more.map((m) => m.paragraph)).toEqual(expect.arrayContaining([9]));
      });

      it("shows the §'s title, meeting and body on a hit", async () => {
        const [hit] = (await search("klotterrelaterad")).hits;
        expect(hit).toMatchObject({
          documentId: "trygghet2020",
          paragraph: 8,
          title: "Uppföljning av program för trygghet och säkerhet",
          type: "protokoll",
          body: "Trygghets- och delaktighetsberedningen",
          date: "2020-02-20",
          diarienummer: ["KS-2020/42.142"],
        });
      });

      it("counts documents in total and in facets of type, body, year, party and speaker", async () => {
        const result = await search("stöd OR beslut OR trygghet");
        expect(result.total).toBe(result.hits.length);
        const sum = (f: Record<string, number>) => Object.values(f).reduce((a, b) => a + b, 0);
        expect(sum(result.facets.type)).toBe(result.total);
        expect(result.facets.year["2020"]).toBe(2);
        expect(result.facets.party).toMatchObject({ DP: 1, MP: 1, SD: 1 });
        expect(result.facets.speaker["Ingalill Söderberg"]).toBe(1);
        expect(result.facets.body.Socialnämnden).toBe(2);
      });

      it("filters by the API parameters", async () => {
        expect(await ids("beslut", { type: "protokoll", from: "2021-01-01", to: "2021-12-31" })).toEqual([
          "besluten2021",
        ]);
        expect(await ids("stöd", { body: "socialnämnden", to: "2019-01-01" })).toEqual(["far2018"]);
        expect(await ids("yrkar", { party: "M" })).toEqual(["besluten2021"]);
        expect(await ids("yrkar", { speaker: "Erik Johansson" })).toEqual(["trygghet2020"]);
      });

      it("sorts by date, newest or oldest, and pages", async () => {
        expect(await ids("stöd", { sort: "newest" })).toEqual(["far2022", "far2018"]);
        expect(await ids("stöd", { sort: "oldest" })).toEqual(["far2018", "far2022"]);
        const first = await ids("stöd", { sort: "oldest", limit: 1 });
        const second = await ids("stöd", { sort: "oldest", limit: 1, offset: 1 });
        expect([...first, ...second]).toEqual(["far2018", "far2022"]);
      });

      it("marks the matched words, also when found by stem or compound part", async () => {
        expect((await search("beslutet")).hits[0]?.snippet).toContain("<mark>beslutet</mark>");
        expect((await search("besluten")).hits.map((h) => h.snippet).join(" ")).toContain("<mark>Beslutet</mark>");
        expect((await search("klotter")).hits[0]?.snippet).toContain("<mark>Klotterrelaterad</mark>");
      });

      it("escapes all document text in snippets", async () => {
        const [hit] = (await search("vandalism")).hits;
        expect(hit?.snippet).toContain("&lt;script&gt;");
        expect(hit?.snippet).toContain("&amp;");
        expect(hit?.snippet).not.toMatch(/<(?!\/?mark>)/);
      });

      it("finds nothing after a document is removed", async () => {
        await engine.index.remove("far2018");
        expect(await ids("stöd")).toEqual(["far2022"]);
      });
    });
  });
}
