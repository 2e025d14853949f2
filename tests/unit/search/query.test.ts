import { describe, expect, it } from "vitest";
import { parseQuery, parseRange } from "../../../indexer/search/query.ts";

const word = (w: string, prefix = false) => ({ kind: "word", word: w, prefix });

describe("parseQuery", () => {
  it("takes a diarienummer in any spelling out of the words, and drops the label before it", () => {
    for (const q of [
      "KS-2020/42.142 klotter",
      "ks 2020/42 klotter",
      "Dnr KS 2020/42 klotter",
      "klotter dnr:ks-2020/42",
    ]) {
      const parsed = parseQuery(q);
      expect(parsed.diarienummer[0], q).toMatch(/^KS-2020\/42/);
      expect(parsed.groups, q).toEqual([[word("klotter")]]);
    }
  });

  it("reads phrases, exclusions, OR and prefixes", () => {
    const parsed = parseQuery('"klotterrelaterad skadegörelse" -parken graffiti OR klotter bud*');
    expect(parsed.groups).toEqual([
      [{ kind: "phrase", words: ["klotterrelaterad", "skadegörelse"] }],
      [word("graffiti"), word("klotter")],
      [word("bud", true)],
    ]);
    expect(parsed.excluded).toEqual([word("parken")]);
  });

  it("reads fields into filters, with Swedish type names and partial dates", () => {
    const parsed = parseQuery(
      'typ:tjänsteskrivelse organ:"Barn- och utbildningsnämnden" talare:Söderberg parti:sd år:2019 datum:2019-03..2019-06',
    );
    expect(parsed.filters).toEqual({
      types: ["tjansteutlatande"],
      bodies: ["barn- och utbildningsnamnden"],
      speakers: ["soderberg"],
      parties: ["SD"],
      from: "2019-03-01",
      to: "2019-06-30",
    });
    expect(parsed.groups).toEqual([]);
    expect(parsed.isEmpty).toBe(false);
  });

  it("reads what does not parse as plain words, never throwing", () => {
    expect(parseQuery('"klotter').groups).toEqual([[word("klotter")]]);
    expect(parseQuery("OR").groups).toEqual([[word("or")]]);
    expect(parseQuery("-klotter").groups).toEqual([[word("klotter")]]);
    expect(parseQuery("k*").groups).toEqual([[word("k")]]);
    expect(parseQuery("år:abc").groups).toEqual([[word("abc")]]);
    expect(parseQuery("datum:2019-13-45").groups).toEqual([[{ kind: "phrase", words: ["2019", "13", "45"] }]]);
    expect(parseQuery("typ:bok").groups).toEqual([[word("bok")]]);
    for (const q of ["", "*", "-", "()", "AND (", '"""', "a:b:c", "NEAR(x y)", "\u0000"]) {
      expect(() => parseQuery(q), q).not.toThrow();
    }
    expect(parseQuery("   ").isEmpty).toBe(true);
  });
});

describe("parseRange", () => {
  it("gives the first and last day of a period or range", () => {
    expect(parseRange("2019", false)).toEqual({ from: "2019-01-01", to: "2019-12-31" });
    expect(parseRange("2020-02", false)).toEqual({ from: "2020-02-01", to: "2020-02-29" });
    expect(parseRange("..2019-06-30", false)).toEqual({ from: null, to: "2019-06-30" });
    expect(parseRange("2018..2019", true)).toEqual({ from: "2018-01-01", to: "2019-12-31" });
    expect(parseRange("2019-02-30", false)).toBeNull();
    expect(parseRange("2019-01", true)).toBeNull();
  });
});
