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

  it.each([
    "Justerandes sign Sida 1 av 1",
    "Justerandes sign1",
    "Justerandes sign 1 (1)",
    "Justerandes signSida 1 av 1",
    "Ordförandes sign Justerandes sign UtdragsbestyrkandeSida 1 av 1",
    "Justerandes signatur Utdragsbestyrkande1",
    "§ 4 (forts.)",
  ])("drops the footer %j even on a page of its own", (footer) => {
    expect(texts([`§ 4\n\nÖvrigt\n\nInget att rapportera.\n\n${footer}`])).toEqual([
      "§ 4",
      "Övrigt",
      "Inget att rapportera.",
    ]);
  });

  it("cuts a flattened text at a footer that gives only 'Justerandes sign' and the page", () => {
    const text = ["Antalet anmälningar om skadegörelse har", "minskat jämfört med", "föregående år."];
    const page = (n: number) =>
      `HÄSTHOLMEN KOMMUN SAMMANTRÄDESPROTOKOLL Vård- och omsorgsnämnden 2009-01-12\n\n${text[n - 1]}\n\nJusterandes sign    Sida ${n} av 3`;
    const lines = normalize([[1, 2, 3].map(page).join("\n\n\n")]);
    expect(lines.filter((l) => l.text).map((l) => `${l.page}: ${l.text}`)).toEqual([
      "1: Antalet anmälningar om skadegörelse har",
      "2: minskat jämfört med",
      "3: föregående år.",
    ]);
  });

  it("drops a running header that the text layer put at the foot of a page, body and date below it", () => {
    const page = [
      "Rätt utdraget intygar",
      "Märta Yilmaz, sekreterare",
      "TILLSBY KOMMUN PROTOKOLLSUTDRAG Kommunstyrelsens",
      "arbetsutskott",
      "12 januari 2006",
      "Justerandes sign Sida 1 av 1",
    ];
    expect(
      texts([["Protokollsutdrag", "§ 4", "Övrigt", "Beslutet expedieras till:", "Akten", ...page].join("\n")]),
    ).toEqual([
      "Protokollsutdrag",
      "§ 4",
      "Övrigt",
      "Beslutet expedieras till:",
      "Akten",
      "Rätt utdraget intygar",
      "Märta Yilmaz, sekreterare",
    ]);
  });

  it("drops bare page numbers and 'Sida 3 av 12' but keeps content numbers", () => {
    const area = ["norr", "söder", "väster"];
    const page = (n: number) =>
      `Protokoll\n${n}\nInledning ${area[n - 1]}\nText om 12 förskolor i ${area[n - 1]}\nMellan ${n}\nSlut ${n}\nAvslutning ${n}\n\nJusterandes sign`;
    const lines = texts([page(1), page(2), page(3)]);
    expect(lines).not.toContain("2");
    expect(lines).toContain("Text om 12 förskolor i söder");
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

describe("normalize: page furniture and content that looks like it", () => {
  const page = (n: number, body: string[]) =>
    [
      ...body,
      "ÖDEBY KOMMUN",
      "SAMMANTRÄDESPROTOKOLL",
      "Kommunfullmäktige",
      "2006-01-09",
      `Justerandes sign Utdragsbestyrkande ${n}`,
    ].join("\n");

  it("drops a running header printed at the foot of each page, but not the § above it", () => {
    const lines = texts([page(1, ["Inledning"]), page(2, ["Text", "§ 23"]), page(3, ["Försäljning av Lövet 3"])]);
    expect(lines).toEqual(["Inledning", "Text", "§ 23", "Försäljning av Lövet 3"]);
  });

  it("keeps '161/05' (a diarienummer, not page 161 of 5)", () => {
    expect(texts(["§ 3\nSkolskjutsar\n161/05\nSammanfattning"])).toContain("161/05");
  });

  it("keeps 'Diarienummer X' lines that recur at page tops", () => {
    const area = ["norr", "söder", "väster"];
    const pages = area.map((a, n) => `EKBY KOMMUN\nDiarienummer KS${n}/0003${n}\n§ ${n}\nSkolan i ${a}\nText om ${a}.`);
    expect(texts(pages).filter((l) => l.startsWith("Diarienummer"))).toHaveLength(3);
  });

  it("rejoins a double first name broken at the line end", () => {
    expect(texts(["I ärendet yttrar sig Lars-\nGöran Dahlberg (MP)."])).toEqual([
      "I ärendet yttrar sig Lars-Göran Dahlberg (MP).",
    ]);
  });
});
