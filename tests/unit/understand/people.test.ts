import { describe, expect, it } from "vitest";
import { findNotes, findReservations, findSpeakers, parseList } from "../../../indexer/understand/people.ts";

const p = (name: string, party: string | null = null, role: string | null = null) => ({ name, party, role });

describe("findSpeakers", () => {
  it("reads an 'I ärendet yttrar sig' list with officials as 'Name, title'", () => {
    const text = "I ärendet yttrar sig Anna Ek (S), Bo Lund (M), Eva Sten, säkerhetschef och Lars Vik (MP).";
    expect(findSpeakers(text)).toEqual([
      p("Anna Ek", "S"),
      p("Bo Lund", "M"),
      p("Eva Sten", null, "säkerhetschef"),
      p("Lars Vik", "MP"),
    ]);
  });

  it("reads 'Under överläggningen yttrar sig' and 'title Name'", () => {
    const text = "Under överläggningen yttrar sig kommundirektör Eva Sten och Bo Lund (M).";
    expect(findSpeakers(text)).toEqual([p("Eva Sten", null, "kommundirektör"), p("Bo Lund", "M")]);
  });

  it("takes movers and those who concur, each once, in order of first appearance", () => {
    const text =
      "Yrkanden\n\nBo Lund (M) yrkar bifall till förslaget med instämmande av Kim Berg (C).\n\nAnna Ek (S) yrkar avslag. Bo Lund (M) yrkar därefter bifall igen.";
    expect(findSpeakers(text)).toEqual([p("Bo Lund", "M"), p("Kim Berg", "C"), p("Anna Ek", "S")]);
  });

  it("reduces the genitive to the name", () => {
    const text = "Ordföranden ställer proposition på Erik Johanssons (SD) yrkande och finner det avslaget.";
    expect(findSpeakers(text)).toEqual([p("Erik Johansson", "SD")]);
  });

  it("normalises '(s)' in older records to S", () => {
    expect(findSpeakers("Per Holm (s) yrkar bifall.")).toEqual([p("Per Holm", "S")]);
  });

  it("does not count voters in an Omröstning as speakers", () => {
    const text = [
      "Bo Lund (M) yrkar bifall.",
      "",
      "Omröstning",
      "Ja-röster: Anna Ek (S), Kim Berg (C)",
      "Nej-röster: Lars Vik (MP) yrkande",
      "Med 2 ja-röster mot 1 nej-röst bifalls Bo Lunds (M) yrkande.",
      "",
      "Reservation",
      "Lars Vik (MP) reserverar sig mot beslutet.",
    ].join("\n");
    expect(findSpeakers(text)).toEqual([p("Bo Lund", "M")]);
  });

  it("keeps two people with the same name and different parties apart", () => {
    const text = "Anna Ek (S) yrkar bifall. Anna Ek (M) yrkar avslag.";
    expect(findSpeakers(text)).toEqual([p("Anna Ek", "S"), p("Anna Ek", "M")]);
  });

  it("takes a chair moving without a party", () => {
    expect(findSpeakers("Ordförande Anna Ek för M och KD yrkar bifall.")).toEqual([p("Anna Ek", null, "ordförande")]);
  });
});

describe("parseList", () => {
  it("attaches a bracketed party written after a comma", () => {
    expect(parseList("Frida Ek, (MP), Bo Lund (M)")).toEqual([p("Frida Ek", "MP"), p("Bo Lund", "M")]);
  });
});

describe("findReservations", () => {
  it.each([
    ["Kim Berg (SD) reserverar sig mot beslutet till förmån för Anna Eks (S) yrkande.", [p("Kim Berg", "SD")]],
    ["Mot beslutet anmäls reservation från Lars Vik (V) och Bo Lund (M).", [p("Lars Vik", "V"), p("Bo Lund", "M")]],
    ["Ledamöterna från Sverigedemokraterna reserverar sig mot beslutet.", []],
  ])("%s", (text, expected) => {
    expect(findReservations(text)).toEqual(expected);
  });
});

describe("findNotes", () => {
  it("reads 'Name, (Party), anmäler protokollsanteckning'", () => {
    const text =
      "Frida Ek, (MP), anmäler protokollsanteckning, se bilaga 8.1 till detta protokoll.\n\nNils Dahl (V), anmäler protokollsanteckning, se bilaga 8.2.";
    expect(findNotes(text)).toEqual([p("Frida Ek", "MP"), p("Nils Dahl", "V")]);
  });

  it("does not take speakers for note-takers", () => {
    expect(findNotes("Anna Ek (S) yrkar bifall.")).toEqual([]);
  });
});
