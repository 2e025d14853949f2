import { describe, expect, it } from "vitest";
import { findAttachmentList, findAttachments, findBelongsTo } from "../../../indexer/understand/attachments.ts";

describe("findAttachments", () => {
  it("reads labels and titles, each label once", () => {
    const text =
      "Anna Ek (S) anmäler protokollsanteckning, se bilaga 8.1 till detta protokoll.\nBilaga 3 – Budget 2021\nSe även bilaga 8.1.";
    expect(findAttachments(text)).toEqual([
      { label: "8.1", title: null },
      { label: "3", title: "Budget 2021" },
    ]);
  });

  it("does not take another document's bilaga for the paragraph's own", () => {
    const text =
      "Uppföljningen, enligt bilaga 1 till kommunstyrelsens tjänsteutlåtande daterat den 6 februari 2020, godkänns.";
    expect(findAttachments(text)).toEqual([]);
  });
});

describe("findAttachmentList", () => {
  it("reads a tjänsteutlåtande's Bilagor list", () => {
    const lines = [
      "Sammanfattning",
      "Text.",
      "Bilagor",
      "1. Uppföljning 2019",
      "Bilaga 2 – Riktlinjer för klotter",
      "",
      "Ture Berg",
    ];
    expect(findAttachmentList(lines)).toEqual([
      { label: "1", title: "Uppföljning 2019" },
      { label: "2", title: "Riktlinjer för klotter" },
    ]);
  });
});

describe("findBelongsTo", () => {
  it("reads a bilaga to a protokoll paragraph", () => {
    const lines = [
      "Bilaga 8.1",
      "Protokollsanteckning från Miljöpartiet till Trygghets- och delaktighetsberedningens protokoll 2020-02-20, § 8",
    ];
    expect(findBelongsTo(lines)).toEqual({
      label: "8.1",
      body: "Trygghets- och delaktighetsberedningen",
      meetingDate: "2020-02-20",
      paragraph: 8,
      documentDate: null,
      diarienummer: null,
    });
  });

  it("reads a bilaga to a tjänsteutlåtande", () => {
    expect(findBelongsTo(["Bilaga 1 till tjänsteutlåtande 2020-02-06, Dnr KS-2020/42.142", "Uppföljning"])).toEqual({
      label: "1",
      body: null,
      meetingDate: null,
      paragraph: null,
      documentDate: "2020-02-06",
      diarienummer: "KS-2020/42.142",
    });
  });
});

describe("findBelongsTo: what identifies the record a bilaga belongs to", () => {
  it("a protokoll by body, meeting and §, not by the matter's diarienummer", () => {
    const lines = [
      "Bilaga 8.1",
      "Protokollsanteckning",
      "till kommunstyrelsens arbetsutskotts protokoll 12 januari 2017, § 8",
      "Ärende: Detaljplan (KS-2016/88.912)",
    ];
    expect(findBelongsTo(lines)).toEqual({
      label: "8.1",
      body: "Kommunstyrelsens arbetsutskott",
      meetingDate: "2017-01-12",
      paragraph: 8,
      documentDate: null,
      diarienummer: null,
    });
  });

  it("a tjänsteutlåtande by its date and diarienummer, never a § named in its text", () => {
    const lines = ["Bilaga 2", "till tjänsteskrivelse daterat 2017-12-19, Bun/2017:139 041", "Enligt beslut § 73 ..."];
    expect(findBelongsTo(lines)).toEqual({
      label: "2",
      body: null,
      meetingDate: null,
      paragraph: null,
      documentDate: "2017-12-19",
      diarienummer: "BUN-2017/139.041",
    });
  });

  it("a meeting named without 'till ... protokoll'", () => {
    const lines = ["Bilaga 4.1", "RESERVATION", "Kommunstyrelsen, sammanträde 2022-05-10, § 4"];
    expect(findBelongsTo(lines)).toMatchObject({
      label: "4.1",
      body: "Kommunstyrelsen",
      meetingDate: "2022-05-10",
      paragraph: 4,
    });
  });

  it("does not take 'bilaga 1 till förvaltningens tjänsteskrivelse' for the paragraph's own bilaga", () => {
    const text =
      "Planen, enligt bilaga 1 till miljö- och hälsoskyddsförvaltningens tjänsteskrivelse daterad 2015-01-20, godkänns. Se bilaga 2.1 till detta protokoll.";
    expect(findAttachments(text)).toEqual([{ label: "2.1", title: null }]);
  });
});
