import { describe, expect, it } from "vitest";
import { caseHref, documentHref, hitCountText, personText, typeLabel } from "../../../web/src/labels.ts";
import {
  EMPTY_SEARCH,
  pageInfo,
  parseSearchState,
  searchUrl,
  selectedYear,
  withYear,
} from "../../../web/src/search-state.ts";

describe("search URL state", () => {
  it("round-trips a bookmarked search", () => {
    const url = "/?q=bygglov+%C3%A5tg%C3%A4rd&type=protokoll&body=Kommunstyrelsen&offset=40";
    const state = parseSearchState(new URL(url, "http://x").searchParams);
    expect(state).toEqual({
      ...EMPTY_SEARCH,
      q: "bygglov åtgärd",
      type: "protokoll",
      body: "Kommunstyrelsen",
      offset: 40,
    });
    expect(searchUrl(state)).toBe(url);
  });

  it("keeps party and speaker filters in the URL", () => {
    const url = "/?q=budget&party=SD&speaker=Erik+Johansson";
    const state = parseSearchState(new URL(url, "http://x").searchParams);
    expect(state).toMatchObject({ q: "budget", party: "SD", speaker: "Erik Johansson" });
    expect(searchUrl(state)).toBe(url);
  });

  it("falls back to the first page for a missing or bad offset and leaves empty values out", () => {
    expect(parseSearchState(new URLSearchParams("q=x&offset=-5")).offset).toBe(0);
    expect(parseSearchState(new URLSearchParams("q=x&offset=abc")).offset).toBe(0);
    expect(searchUrl(EMPTY_SEARCH)).toBe("/");
  });

  it("keeps sort and a year filter in the URL and ignores malformed ones", () => {
    const state = withYear({ ...EMPTY_SEARCH, q: "skola", sort: "newest", offset: 40 }, "2020");
    expect(state.offset).toBe(0);
    const url = searchUrl(state);
    expect(url).toBe("/?q=skola&from=2020-01-01&to=2020-12-31&sort=newest");
    const back = parseSearchState(new URL(url, "http://x").searchParams);
    expect(selectedYear(back)).toBe("2020");
    expect(parseSearchState(new URLSearchParams("sort=bogus&from=2020")).sort).toBe("relevance");
    expect(parseSearchState(new URLSearchParams("from=2020")).from).toBe("");
    expect(selectedYear({ ...EMPTY_SEARCH, from: "2020-01-01", to: "2020-06-30" })).toBe("");
  });

  it("pages in steps of the limit", () => {
    expect(pageInfo(45, 0, 20)).toEqual({ current: 1, count: 3, prevOffset: null, nextOffset: 20 });
    expect(pageInfo(45, 40, 20)).toEqual({ current: 3, count: 3, prevOffset: 20, nextOffset: null });
    expect(pageInfo(0, 0, 20)).toEqual({ current: 1, count: 1, prevOffset: null, nextOffset: null });
  });
});

describe("Swedish labels", () => {
  it("names the document types in Swedish", () => {
    expect(typeLabel("tjansteutlatande")).toBe("Tjänsteutlåtande");
    expect(typeLabel("ovrigt")).toBe("Övrigt");
    expect(typeLabel("protokollsutdrag")).toBe("Protokollsutdrag");
  });

  it("writes people as the records do", () => {
    expect(personText({ name: "Ingalill Söderberg", party: "DP", role: null })).toBe("Ingalill Söderberg (DP)");
    expect(personText({ name: "Frida Ryberg", party: null, role: "säkerhetschef" })).toBe(
      "Frida Ryberg, säkerhetschef",
    );
    expect(personText({ name: "A B", party: "S", role: "ordförande" })).toBe("A B (S), ordförande");
  });

  it("counts hits with the right number", () => {
    expect(hitCountText(0)).toBe("Inga träffar");
    expect(hitCountText(1)).toBe("1 träff");
    expect(hitCountText(23)).toBe("23 träffar");
  });

  it("builds links that survive odd ids and case numbers", () => {
    expect(documentHref("a/b", 8)).toBe("/dokument/a%2Fb#p8");
    expect(documentHref("abc", null)).toBe("/dokument/abc");
    expect(caseHref("KS-2020/42.142")).toBe("/arende?dnr=KS-2020%2F42.142");
  });
});
