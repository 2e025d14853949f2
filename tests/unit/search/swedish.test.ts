import { describe, expect, it } from "vitest";
import { snippetHtml } from "../../../indexer/search/snippet.ts";
import { compoundParts, fold, indexTerms, oneEditAway, stem, tokenize } from "../../../indexer/search/swedish.ts";

describe("swedish", () => {
  it("tokenizes as unicode61 does, lower-cased", () => {
    expect(tokenize("Klotter-relaterad skadegörelse, KS-2020/42.")).toEqual([
      "klotter",
      "relaterad",
      "skadegörelse",
      "ks",
      "2020",
      "42",
    ]);
  });

  it("folds å, ä, ö and é only for the folded column", () => {
    expect(fold("Får Älvsjö Café")).toBe("far alvsjo cafe");
    expect(fold("kommun")).toBe("kommun");
  });

  it("stems inflections to one form", () => {
    expect(new Set(["beslut", "beslutet", "besluten"].map(stem))).toEqual(new Set(["beslut"]));
    expect(new Set(["nämnd", "nämnden", "nämndens"].map(stem))).toEqual(new Set(["nämnd"]));
    expect(stem("budget")).toBe("budget");
  });

  it("splits compounds into known parts, with linking letters", () => {
    expect(compoundParts("klotterrelaterad")).toEqual(["klotter", "relaterad"]);
    expect(compoundParts("kommunstyrelsen")).toEqual(["kommun", "styrelsen"]);
    expect(compoundParts("protokollsanteckning")).toEqual(["protokoll", "anteckning"]);
    expect(compoundParts("trafiksäkerhetsfrågor")).toEqual(expect.arrayContaining(["trafik", "säkerhet", "frågor"]));
    expect(compoundParts("beslutet")).toEqual([]);
    expect(compoundParts("skadegörelse")).toEqual([]);
  });

  it("gives the secondary columns: stems that differ from their word, folded and parts once", () => {
    const terms = indexTerms("Klotterrelaterad skadegörelse i Älvsjö");
    expect(terms.stems).toBe("klotterrelat skadegör");
    expect(terms.folded.split(" ")).toEqual(expect.arrayContaining(["skadegorelse", "alvsjo"]));
    expect(terms.parts.split(" ")).toEqual(expect.arrayContaining(["klott", "relat"]));
  });

  it("lists one-edit neighbours: deletions, transpositions, substitutions, insertions", () => {
    const near = oneEditAway("upphandlnig");
    expect(near.has("upphandling")).toBe(true);
    expect(oneEditAway("budget").has("budgeet")).toBe(true);
    expect(oneEditAway("budget").has("budget")).toBe(false);
  });
});

describe("snippetHtml", () => {
  it("marks matched words in the best window and escapes everything else", () => {
    const text = `${"inledning ".repeat(40)}<b>klotter</b> & skadegörelse i parken`;
    const html = snippetHtml(text, (t) => t === "klotter" || t === "skadegörelse");
    expect(html).toContain("&lt;b&gt;<mark>klotter</mark>&lt;/b&gt; &amp; <mark>skadegörelse</mark>");
    expect(html.startsWith("…")).toBe(true);
  });
});
