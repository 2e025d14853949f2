import { describe, expect, it } from "vitest";
import { detectType } from "../../../indexer/understand/doctype.ts";

const type = (text: string) => {
  const lines = text.split("\n").filter(Boolean);
  return detectType(lines, text);
};

describe("detectType", () => {
  it.each([
    ["SAMMANTRÄDESPROTOKOLL\nKommunstyrelsen\n2020-02-20", "protokoll"],
    ["Protokoll\nBarn- och utbildningsnämnden", "protokoll"],
    ["Protokollsutdrag\nKommunstyrelsen\n§ 4", "protokollsutdrag"],
    ["Utdrag ur protokoll\nKommunstyrelsen", "protokollsutdrag"],
    ["Tjänsteutlåtande\nKommunstyrelsens förvaltning", "tjansteutlatande"],
    ["Tjänsteskrivelse\n2020-01-02", "tjansteutlatande"],
    ["Tjänsteyttrande\nSocialförvaltningen", "tjansteutlatande"],
    ["Kallelse\nKommunfullmäktige", "kallelse"],
    ["Föredragningslista\nKommunstyrelsen", "kallelse"],
    ["Dagordning\nValnämnden", "kallelse"],
    ["Bilaga 8.1\nProtokollsanteckning till protokoll", "bilaga"],
    ["Bilaga 1 till tjänsteutlåtande 2020-02-06", "bilaga"],
    ["Årsredovisning 2020\nEkby kommun", "ovrigt"],
  ])("%s → %s", (text, expected) => {
    expect(type(text)).toBe(expected);
  });

  it("reads the header, not words deep in the text", () => {
    const text = "Protokoll\nKommunstyrelsen\n§ 4\nEnligt tjänsteutlåtande och kallelse ...";
    expect(type(text)).toBe("protokoll");
  });

  it("does not take a quoted tjänsteutlåtande in a decision line as the type", () => {
    const text =
      "Kulturnämnden\nSammanträdesdatum\n20 februari 2020\nParagraf\n§ 8\nBeslutet fattas enligt kommunstyrelsens tjänsteutlåtande.";
    expect(type(text)).toBe("protokoll");
  });

  it("does not take the Utdragsbestyrkande footer for an utdrag", () => {
    expect(type("SAMMANTRÄDESPROTOKOLL\nUtdragsbestyrkande\n§ 1")).toBe("protokoll");
  });

  it("makes a protokoll with 'Rätt utdraget intygar' an utdrag", () => {
    expect(type("Protokoll\nKommunstyrelsen\n§ 4\nRätt utdraget intygar")).toBe("protokollsutdrag");
  });
});
