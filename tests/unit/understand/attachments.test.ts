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
