/** The documents the Meilisearch adapter would send for a record, built without a server. */
import { describe, expect, it } from "vitest";
import { chunksOf } from "../../../indexer/search/chunks.ts";
import { columns, documentsOf, MAX_PART_WORDS, meiliId, splitText } from "../../../indexer/search/meili-documents.ts";
import { indexTerms, tokenize } from "../../../indexer/search/swedish.ts";
import { buildDocument, CORPUS } from "../../search/corpus.ts";

const trygghet = CORPUS.find((d) => d.id === "trygghet2020");
if (!trygghet) throw new Error("corpus changed");

describe("documentsOf", () => {
  it("sends one document per chunk: the header and each §", () => {
    const docs = documentsOf(trygghet);
    expect(docs.map((d) => [d.id, d.paragraph, d.chunk, d.part])).toEqual([
      ["trygghet2020-c0-p0", null, 0, 0],
      ["trygghet2020-c1-p0", 8, 1, 0],
      ["trygghet2020-c2-p0", 9, 2, 0],
    ]);
    expect(docs.length).toBe(chunksOf(trygghet).length);
  });

  it("carries what filters, facets and hits need beside each chunk", () => {
    const para8 = documentsOf(trygghet)[1];
    expect(para8).toMatchObject({
      documentId: "trygghet2020",
      page: null,
      title: "Uppföljning av program för trygghet och säkerhet",
      type: "protokoll",
      typeRank: 0,
      body: "Trygghets- och delaktighetsberedningen",
      bodyKey: "trygghets- och delaktighetsberedningen",
      date: "2020-02-20",
      year: "2020",
      dateNumber: 20200220,
      diarienummer: ["KS-2020/42.142"],
      caseKeys: ["KS-2020/42"],
      speakers: ["Ingalill Söderberg", "Frida Andersson"],
      speakerKeys: ["ingalill soderberg", "frida andersson"],
      parties: ["DP", "MP"],
    });
    expect(para8?.text).toContain("Klotterrelaterad skadegörelse har minskat i parken.");
  });

  it("holds the FTS5 index's prepared columns, and the stems of words folded", () => {
    const para8 = documentsOf(trygghet)[1];
    const terms = indexTerms(`${para8?.title}\n${para8?.text}`);
    expect(para8?.exact).toBe(tokenize(para8?.text ?? "").join(" "));
    expect(para8?.stems).toBe(terms.stems);
    expect(para8?.parts).toBe(terms.parts);
    expect(para8?.parts.split(" ")).toContain("klott");
    // "skadegorelse" typed without ö is stemmed to "skadeg"; the folded column must hold it.
    expect(para8?.folded.split(" ")).toEqual(expect.arrayContaining([...terms.folded.split(" "), "skadeg"]));
  });

  it("leaves out the date number of an undated record, so it sorts last and no range matches it", () => {
    const undated = buildDocument({ id: "undated", date: null, pages: ["Minnesanteckning om parken"] });
    const [doc] = documentsOf(undated);
    expect(doc).not.toHaveProperty("dateNumber");
    expect(doc).toMatchObject({ date: null, year: null, page: 1, paragraph: null });
  });

  it("splits a chunk too long for Meilisearch's 65,535 positions into parts of one chunk", () => {
    const long = Array.from({ length: MAX_PART_WORDS * 2 + 10 }, (_, i) => `ord${i}`).join(" ");
    const docs = documentsOf(buildDocument({ id: "lang", pages: [long] }));
    expect(docs.map((d) => [d.id, d.chunk, d.part])).toEqual([
      ["lang-c0-p0", 0, 0],
      ["lang-c0-p1", 0, 1],
      ["lang-c0-p2", 0, 2],
    ]);
    for (const d of docs) expect(d.exact.split(" ").length).toBeLessThanOrEqual(MAX_PART_WORDS);
    expect(docs.map((d) => d.text).join("")).toBe(long);
  });
});

describe("splitText", () => {
  it("cuts at word boundaries and loses nothing", () => {
    const text = "ett två, tre. fyra fem";
    expect(splitText(text, 2)).toEqual(["ett två, ", "tre. fyra ", "fem"]);
    expect(splitText(text, 10)).toEqual([text]);
  });
});

describe("meiliId", () => {
  it("uses only the characters Meilisearch allows, and no two documents share one", () => {
    const ids = [
      meiliId("0123abcd0123abcd", 0, 0),
      meiliId("a b", 1, 0),
      meiliId("a_20_b", 1, 0),
      meiliId("a-c1-p0", 0, 0),
      meiliId("a", 1, 0),
      meiliId("ärende/1", 0, 0),
    ];
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{1,511}$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect(meiliId("x".repeat(600), 0, 0).length).toBeLessThan(511);
  });
});

describe("columns", () => {
  it("tokenizes the text the way the rest of the search does", () => {
    expect(columns(null, "E-post till KS-2020/42.").exact).toBe("e post till ks 2020 42");
  });
});
