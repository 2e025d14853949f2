import { describe, expect, it } from "vitest";
import {
  buildTitle,
  detectMeetingDate,
  detectNoticeDate,
  detectRange,
  matterTitle,
} from "../../../indexer/understand/header.ts";

describe("detectMeetingDate", () => {
  it("reads the Sammanträdesdatum label, also with the date on the next line", () => {
    expect(detectMeetingDate(["Kulturnämnden", "Sammanträdesdatum", "20 februari 2020"])).toBe("2020-02-20");
    expect(detectMeetingDate(["Sammanträdesdatum: 2020-02-20"])).toBe("2020-02-20");
  });

  it("takes the header date, not the first date in the text", () => {
    const header = ["Justeringens plats och tid 2016-01-30", "SAMMANTRÄDESPROTOKOLL 2016-01-26"];
    expect(detectMeetingDate(header)).toBe("2016-01-26");
  });

  it("takes the date below the title line", () => {
    expect(detectMeetingDate(["Sammanträdesprotokoll Kulturnämnden", "2024-12-16", "Plats och tid"])).toBe(
      "2024-12-16",
    );
  });

  it("reads 'tisdag den 23 maj 2006' after a Tid label", () => {
    expect(detectMeetingDate(["Kommunfullmäktige", "Tid tisdag den 23 maj 2006 kl. 18.00"])).toBe("2006-05-23");
  });
});

describe("detectRange", () => {
  it.each([
    [["Paragrafer 46–60"], { from: 46, to: 60 }],
    [["Justeringens plats och tid Rådhuset Paragrafer §84 -§98 klockan 15:30"], { from: 84, to: 98 }],
    [["Paragrafer1-11"], { from: 1, to: 11 }],
    [["Paragrafer", "", "146-162"], { from: 146, to: 162 }],
    [["Paragraf", "§ 8"], { from: 8, to: 8 }],
    [["Paragrafen förklaras omedelbart justerad"], null],
  ])("%j", (lines, range) => {
    expect(detectRange(lines)).toEqual(range);
  });
});

describe("titles", () => {
  it("builds a protokoll title from kind, body and date", () => {
    expect(buildTitle("protokoll", "Barn- och utbildningsnämnden", "2020-02-20", [])).toBe(
      "Protokoll Barn- och utbildningsnämnden 2020-02-20",
    );
  });

  it("takes a tjänsteutlåtande's matter after its metadata", () => {
    const lines = [
      "Tjänsteutlåtande",
      "Kommunstyrelsens förvaltning",
      "Datum 2020-02-06",
      "Dnr KS-2020/42.142",
      "Handläggare Pia Grön",
      "Uppföljning av trygghetsprogrammet",
      "Förslag till beslut",
    ];
    expect(matterTitle(lines)).toBe("Uppföljning av trygghetsprogrammet");
  });

  it("takes the heading above 'Förslag till beslut', never a label, its value, the förvaltning or the dnr", () => {
    const lines = [
      "Ängsvik kommun",
      "Kommunledningskontoret",
      "2012-12-15",
      "KS-2012/115.112",
      "",
      "Tjänsteutlåtande",
      "Datum",
      "15 december 2012",
      "Vår beteckning",
      "KS-2012/115.112",
      "Handläggare",
      "Noor Lindqvist, HR-chef",
      "Ärendet ska behandlas av",
      "Kommunstyrelsen",
      "",
      "Ägardirektiv för Ängsvik Bostäder AB",
      "Förslag till beslut",
      "1. Ägardirektivet antas.",
    ];
    expect(matterTitle(lines)).toBe("Ägardirektiv för Ängsvik Bostäder AB");
    expect(matterTitle(lines.filter(Boolean))).toBe("Ägardirektiv för Ängsvik Bostäder AB");
  });

  it("keeps a matter whose title names a nämnd, and joins a heading the layout wrapped", () => {
    expect(
      matterTitle([
        "Dnr BUN 2013/71",
        "",
        "Verksamhetsberättelse 2012 för barn- och utbildningsnämnden",
        "Sammanfattning",
      ]),
    ).toBe("Verksamhetsberättelse 2012 för barn- och utbildningsnämnden");
    expect(
      matterTitle(["Dnr KS 2020/4", "", "Uppföljning av program för trygghet och", "säkerhet 2019", "Ärendet"]),
    ).toBe("Uppföljning av program för trygghet och säkerhet 2019");
  });

  it.each([
    [
      [
        "Ängsvik kommun",
        "Bilaga 1",
        "",
        "Bilaga 1",
        "till tjänsteutlåtande daterat 2018-01-04, MHN/2017:00029",
        "",
        "Jämförelse med andra kommuner",
        "Ärendet har behandlats i samverkan.",
      ],
      "Jämförelse med andra kommuner",
    ],
    [
      [
        "Region Mellanland",
        "Bilaga 7.1",
        "Protokollsanteckning",
        "till hälso- och sjukvårdsnämndens protokoll 3 februari 2009, § 7",
      ],
      "Protokollsanteckning",
    ],
    [["Bilaga 4.1", "", "RESERVATION", "", "Kommunstyrelsen, sammanträde 2022-05-10, § 4"], "Reservation"],
    [["Bilaga 2: Uppföljning av programmet 2019", "Text."], "Uppföljning av programmet 2019"],
    [["Bilaga 3", "till kommunstyrelsens protokoll 2022-05-10, § 4", "Vi anser att beslutet är fel."], "Bilaga 3"],
  ])("a bilaga's own heading: %j → %s", (lines, title) => {
    expect(buildTitle("bilaga", null, null, lines)).toBe(title);
  });

  it("names the § of a protokollsutdrag", () => {
    expect(buildTitle("protokollsutdrag", "Kommunstyrelsen", "2013-01-03", [], [3])).toBe(
      "Protokollsutdrag Kommunstyrelsen 2013-01-03, § 3",
    );
    expect(buildTitle("protokollsutdrag", "Kommunstyrelsen", "2013-01-03", [], [3, 5])).toBe(
      "Protokollsutdrag Kommunstyrelsen 2013-01-03, § 3, 5",
    );
  });
});

describe("dates a text layer garbled", () => {
  it.each([
    [["Sammanträdesdatum 2010-01-2"], ["2010-01-27"], "2010-01-27"],
    [["Sammanträdesdatum", "2006-02-0"], ["2006-02-07"], "2006-02-07"],
    [["Sammanträdesdatum 2020-07-1"], [], "2020-07-01"],
    [["Sammanträdesdatum 2006-0302"], [], "2006-03-02"],
    [["Sammanträdesdatum 202504-15"], [], "2025-04-15"],
  ])("%j with %j elsewhere → %s", (header, known, iso) => {
    expect(detectMeetingDate(header, known)).toBe(iso);
  });

  it("takes a kallelse's meeting from 'Tid' and its own date from 'Datum'", () => {
    const header = [
      "Föredragningslista",
      "Socialnämnden",
      "Datum",
      "2008-01-05",
      "Tid",
      "tisdag den 15 januari 2008 kl. 13.00",
    ];
    expect(detectMeetingDate(header)).toBe("2008-01-15");
    expect(detectNoticeDate(header)).toBe("2008-01-05");
  });
});
