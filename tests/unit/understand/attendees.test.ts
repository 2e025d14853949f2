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
      p("Bo Lund", "M", "vice ordförande"),
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
