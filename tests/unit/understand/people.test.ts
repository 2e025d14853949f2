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

describe("findSpeakers: how records write who took the floor", () => {
  it("keeps a chair's title written before the name", () => {
    expect(findSpeakers("Ordförande Eva Sten (C) yrkar bifall till förslaget.")).toEqual([
      p("Eva Sten", "C", "ordförande"),
    ]);
  });

  it("lists a person as first written in the paragraph", () => {
    const text = "I ärendet yttrar sig Eva Sten (C).\n\nYrkanden\nOrdförande Eva Sten (C) yrkar bifall.";
    expect(findSpeakers(text)).toEqual([p("Eva Sten", "C")]);
  });

  it.each([
    [
      "I överläggningen deltar Bo Lund (M) och gatuchef Kim Berg.",
      [p("Bo Lund", "M"), p("Kim Berg", null, "gatuchef")],
    ],
    ["Kostchef Lina Ek informerar om kostverksamheten.", [p("Lina Ek", null, "kostchef")]],
    ["HR-chef Ida Holm redogör för ärendet.", [p("Ida Holm", null, "HR-chef")]],
    ["Kultur- och fritidschef Ragnar Öst svarar på frågor.", [p("Ragnar Öst", null, "kultur- och fritidschef")]],
    ["Mia Ek (V) och Bo Lund (M) tar upp frågan om skolskjutsarna.", [p("Mia Ek", "V"), p("Bo Lund", "M")]],
  ])("%s", (text, expected) => {
    expect(findSpeakers(text)).toEqual(expected);
  });

  it("reads 'med instämmande av' and a genitive yrkande", () => {
    const text =
      "Kim Berg (SD), med instämmande av Bo Lund (M), yrkar avslag.\n\nOrdföranden ställer proposition på Kim Bergs (SD) yrkande.";
    expect(findSpeakers(text)).toEqual([p("Kim Berg", "SD"), p("Bo Lund", "M")]);
  });

  it("does not take a motion's author in the title, jäv or a särskilt yttrande for speech", () => {
    const text = [
      "§ 5",
      "Motion från Pia Ros (KD) om en ny simhall",
      "Dnr KS 2020/12",
      "Jäv",
      "Olle Fors (C) anmäler jäv och deltar inte i handläggningen av ärendet.",
      "Särskilt yttrande",
      "Ulf Ek (L) lämnar ett särskilt yttrande, se bilaga 5.1.",
    ].join("\n");
    expect(findSpeakers(text)).toEqual([]);
    expect(findNotes(text)).toEqual([]);
  });

  it("keeps an official and a politician of the same name apart", () => {
    const text = "I ärendet yttrar sig Jan Ek (KD) och Jan Ek, säkerhetschef.";
    expect(findSpeakers(text)).toEqual([p("Jan Ek", "KD"), p("Jan Ek", null, "säkerhetschef")]);
  });
});

describe("group reservations and notes in a row", () => {
  it("names the deciding members of the party that reserves itself as a group", () => {
    const deciding = [p("Ali Berg", "SD", "ledamot"), p("Bo Lund", "M", "ledamot"), p("Eva Sten", "SD", "ersättare")];
    const text = "Ledamöterna från Sverigedemokraterna reserverar sig mot beslutet.";
    expect(findReservations(text, deciding)).toEqual([p("Ali Berg", "SD"), p("Eva Sten", "SD")]);
  });

  it("reads two notes that each end in a quotation", () => {
    const text =
      "Ada Ek (KD) anmäler följande protokollsanteckning: ”Vi vill ha en uppföljning.”\nBo Lund (MED) anmäler följande protokollsanteckning: ”Bra.”";
    expect(findNotes(text)).toEqual([p("Ada Ek", "KD"), p("Bo Lund", "MED")]);
  });
});
