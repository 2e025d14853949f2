import { describe, expect, it } from "vitest";
import { findAttendees } from "../../../indexer/understand/attendees.ts";

const p = (name: string, party: string | null, role: string | null) => ({ name, party, role });

describe("findAttendees", () => {
  it("reads Beslutande with ordförande, substitutes standing in, and officials", () => {
    const header = [
      "Beslutande Anna Ek (S) ordförande Bo Lund (M), 1:e vice ordförande Kim Berg (C) ersätter Lars Vik (C) Eva Sten (MP)",
      "Tjänstgörande ersättare Nils Dahl (V)",
      "Övriga närvarande Pia Grön, nämndsekreterare Ture Berg, förvaltningschef, § 3 Ida Holm, HR-chef",
      "Utses att justera Bo Lund",
    ].join("\n");
    expect(findAttendees(header)).toEqual([
      p("Anna Ek", "S", "ordförande"),
      p("Bo Lund", "M", "1:e vice ordförande"),
      p("Kim Berg", "C", "ersättare"),
      p("Eva Sten", "MP", "ledamot"),
      p("Nils Dahl", "V", "ersättare"),
      p("Pia Grön", null, "nämndsekreterare"),
      p("Ture Berg", null, "förvaltningschef"),
      p("Ida Holm", null, "HR-chef"),
    ]);
  });

  it("reads a table turned into lines with labels before a colon", () => {
    const header =
      "Beslutande:\nAnna Ek (S), ordförande\nBo Lund (M)\nErsättare:\nOlle Fors (KD)\nTjänstemän:\nPia Grön, sekreterare";
    expect(findAttendees(header)).toEqual([
      p("Anna Ek", "S", "ordförande"),
      p("Bo Lund", "M", "ledamot"),
      p("Olle Fors", "KD", "ersättare"),
      p("Pia Grön", null, "sekreterare"),
    ]);
  });

  it("leaves out the member a substitute 'tjänstgör för'", () => {
    const header = "Beslutande Anna Ek (S), ordf. Berit Holm (S) tjänstgör för Tor Ås (S), kl. 13:00-15:00 Bo Lund (M)";
    expect(findAttendees(header).map((a) => a.name)).toEqual(["Anna Ek", "Berit Holm", "Bo Lund"]);
  });
});

describe("findAttendees: other layouts", () => {
  it("shares out a table flattened labels first by what each value looks like", () => {
    const header = [
      "Plats och tid",
      "Beslutande:",
      "Tjänstgörande ersättare:",
      "Ersättare:",
      "Tjänstemän:",
      "Utses att justera",
      "Justeringens plats och tid",
      "Justerande Rådhuset, kl. 13:00 – 16:20",
      "Anna Ek (f.d. M), ordförande",
      "Bo Lund (M)",
      "Kim Berg (S) ersättare för Lars Vik (S)",
      "Eva Sten (S) ersättare för Olle Fors",
      "Nils Dahl (V)",
      "Pia Grön, utbildningsdirektör",
      "Ture Berg, statistiker, § 112",
      "Bo Lund (M)",
      "Rådhuset, 2018-10-30",
    ].join("\n");
    expect(findAttendees(header)).toEqual([
      p("Anna Ek", "f.d. M", "ordförande"),
      p("Bo Lund", "M", "ledamot"),
      p("Kim Berg", "S", "ersättare"),
      p("Eva Sten", "S", "ersättare"),
      p("Nils Dahl", "V", "ersättare"),
      p("Pia Grön", null, "utbildningsdirektör"),
      p("Ture Berg", null, "statistiker"),
    ]);
  });

  it("reads labels on lines of their own, 'v ordf', a substitute wrapped over lines and title-first officials", () => {
    const header = [
      "Beslutande",
      "Anna Ek (s), ordf",
      "Bo Lund (fp), v ordf",
      "Kim Berg (S),",
      "tjänstgörande ersättare för Astrid",
      "Lundberg (SD)",
      "Ersättare",
      "Nils Dahl (V)",
      "Övriga deltagare",
      "kommundirektör Pia Grön, ekonomichef Ture Berg",
      "Justerare",
      "Bo Lund (FP)",
    ].join("\n");
    expect(findAttendees(header)).toEqual([
      p("Anna Ek", "S", "ordförande"),
      p("Bo Lund", "FP", "vice ordförande"),
      p("Kim Berg", "S", "ersättare"),
      p("Nils Dahl", "V", "ersättare"),
      p("Pia Grön", null, "kommundirektör"),
      p("Ture Berg", null, "ekonomichef"),
    ]);
  });

  it("takes 'Ordförande' before the signatures as the chair, not after them", () => {
    const before = findAttendees("Ordförande\nAnna Ek (S)\nJusterare\nBo Lund (M)");
    const after = findAttendees("Underskrifter\nOrdförande\nAnna Ek (S)");
    expect(before).toEqual([p("Anna Ek", "S", "ordförande")]);
    expect(after).toEqual([]);
  });
});
