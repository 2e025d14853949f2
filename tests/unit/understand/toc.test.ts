import { describe, expect, it } from "vitest";
import { parseToc } from "../../../indexer/understand/toc.ts";

describe("parseToc", () => {
  it("reads rows with page numbers and wrapped titles", () => {
    const rows = parseToc([
      "§ 1 Informationsärenden 4",
      "§ 8 Uppdrag att genomföra en",
      "översyn av lokalytor 13",
      "§ 9 Avveckling av stipendiefond",
      "till tekniska skolan",
      "24",
    ]);
    expect(rows.map((r) => [r.number, r.title])).toEqual([
      [1, "Informationsärenden"],
      [8, "Uppdrag att genomföra en översyn av lokalytor"],
      [9, "Avveckling av stipendiefond till tekniska skolan"],
    ]);
  });

  it("reads the layout with the number in its own cell and the dnr above the row", () => {
    const rows = parseToc([
      "§ Informationsärende 5 - 6",
      "100",
      "Aktuellt från förskolan",
      "Bun/2023:634",
      "§ Slutredovisning av större 10",
      "101 investeringsprojekt",
    ]);
    expect(rows).toEqual([
      { number: 100, title: "Informationsärende", diarienummer: [] },
      { number: 101, title: "Slutredovisning av större investeringsprojekt", diarienummer: ["BUN-2023/634"] },
    ]);
  });

  it("splits rows glued onto one line and rejoins a broken word", () => {
    const rows = parseToc(["- § 139 Rapporter 25 § 140 Granskning av sti- 26", "mulans"]);
    expect(rows.map((r) => [r.number, r.title])).toEqual([
      [139, "Rapporter"],
      [140, "Granskning av stimulans"],
    ]);
  });
});

describe("parseToc: which row a diarienummer belongs to", () => {
  it("follows the column headings '§ Ärende Dnr': the number closes its row", () => {
    const rows = parseToc(["§ Ärende Dnr", "§ 14", "Riktlinjer", "HSN/2008:323", "§ 15", "Övrigt"]);
    const numbered = rows.filter((r) => r.number !== null);
    expect(numbered.map((r) => [r.number, r.diarienummer])).toEqual([
      [14, ["HSN-2008/323"]],
      [15, []],
    ]);
  });

  it("reads a diarienummer followed by the page number as closing its row", () => {
    const rows = parseToc(["§ 1", "Avgifter", "Sn/2011:35 000", "4", "§ 2", "Plan", "Sn/2011:45 026", "4"]);
    expect(rows.map((r) => r.diarienummer)).toEqual([["SN-2011/35.000"], ["SN-2011/45.026"]]);
  });

  it("gives no row a diarienummer when the columns were flattened one after the other", () => {
    const rows = parseToc(["§ 1", "§ 2", "§ 3", "Dagordning", "Budget", "KS 2020/4", "Övrigt"]);
    expect(rows.every((r) => r.diarienummer.length === 0)).toBe(true);
  });
});
