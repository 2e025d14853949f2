import { describe, expect, it } from "vitest";
import { findReferences } from "../../../indexer/understand/references.ts";

describe("findReferences", () => {
  it("reads a reference to a bilaga of a tjänsteutlåtande, with the paragraph's dnr", () => {
    const text =
      "Uppföljningen, enligt bilaga 1 till kommunstyrelsens tjänsteutlåtande daterat den 6 februari 2020, godkänns.";
    expect(findReferences(text, "KS-2020/42.142", 8)).toEqual([
      { label: "1", targetType: "tjansteutlatande", date: "2020-02-06", diarienummer: "KS-2020/42.142", paragraph: 8 },
    ]);
  });

  it("prefers a diarienummer written in the reference", () => {
    const text = "Planen godkänns enligt bilaga 2 till tjänsteskrivelse 2021-03-01, dnr BUN 2021/17.";
    expect(findReferences(text, "BUN-2021/99", 3)[0]).toMatchObject({
      label: "2",
      date: "2021-03-01",
      diarienummer: "BUN-2021/17",
    });
  });

  it("ignores the paragraph's own attachments", () => {
    expect(findReferences("se bilaga 8.1 till detta protokoll", "KS-2020/1", 8)).toEqual([]);
  });
});
