import { describe, expect, it } from "vitest";
import { normalize } from "../../../indexer/understand/normalize.ts";
import { buildProtocol, flatten } from "./builders.ts";

const texts = (pages: string[]) =>
  normalize(pages)
    .map((l) => l.text)
    .filter(Boolean);

describe("normalize", () => {
  const pages = buildProtocol({ paragraphs: [1, 2, 3, 4].map((n) => ({ number: n, title: `Ärende ${n}` })) });

  it("drops the header and footer repeated on every page", () => {
    const lines = texts(pages);
    expect(lines.filter((l) => l === "EKBY KOMMUN")).toHaveLength(0);
    expect(lines.some((l) => /Justerandes sign|Utdragsbestyrkande|^Sida \d/.test(l))).toBe(false);
    expect(lines.filter((l) => /^§ \d$/.test(l))).toHaveLength(4);
  });

  it("cuts a flattened text back into pages at its footers", () => {
    const lines = normalize(flatten(pages));
    expect(lines.find((l) => l.text === "§ 3")?.page).toBe(4);
    expect(lines.some((l) => l.text === "EKBY KOMMUN")).toBe(false);
  });

  it("drops bare page numbers and 'Sida 3 av 12' but keeps content numbers", () => {
    const page = (n: number) =>
      `Protokoll\n${n}\nInledning ${n}\nText om 12 förskolor\nMellan ${n}\nSlut ${n}\nAvslutning ${n}\n\nJusterandes sign`;
    const lines = texts([page(1), page(2), page(3)]);
    expect(lines).not.toContain("2");
    expect(lines).toContain("Text om 12 förskolor");
  });

  it("joins words broken at line ends but keeps 'Barn- och'", () => {
    expect(texts(["Granskning av sti-\nmulans för Barn-\noch utbildningsnämnden"])).toEqual([
      "Granskning av stimulans för Barn- och utbildningsnämnden",
    ]);
  });

  it("restores a lost compound hyphen and strips markdown marks", () => {
    expect(texts(["### *Barnoch utbildningsnämndens beslut*"])).toEqual(["Barn- och utbildningsnämndens beslut"]);
  });

  it("drops 'Forts § 4' continuation headings", () => {
    expect(texts(["Text\nForts § 4\nMer text"])).toEqual(["Text", "Mer text"]);
  });
});
