import { describe, expect, it } from "vitest";
import { judgeTextLayer, pagesWithoutTextLayer } from "../../../indexer/extract/text-layer.ts";

const page = [
  "Kommunstyrelsen",
  "Sammanträdesdatum 2020-02-20",
  "§ 12 Dnr KS-2020/42.142",
  "Motion om trygghetsvandringar",
  "Kommunstyrelsens beslut",
  "Kommunstyrelsen föreslår kommunfullmäktige att avslå motionen. Anna Svensson (S) yrkar bifall till förslaget.",
].join("\n");

/** The same text through a font whose encoding maps every letter three places on (no ToUnicode map). */
const shifted = page.replace(/[a-z]/g, (c) => String.fromCharCode(((c.charCodeAt(0) - 97 + 3) % 26) + 97));

describe("judgeTextLayer: whether a page's text layer can be read or the page needs OCR", () => {
  it("reads an ordinary page of a record", () => {
    expect(judgeTextLayer(page)).toBe("usable");
  });

  it("sends a page with no text layer (a scan) to OCR", () => {
    expect(judgeTextLayer("")).toBe("empty");
    expect(judgeTextLayer(" \n\f\n ")).toBe("empty");
  });

  it("sends a scan with only a stamped page number or signature line to OCR", () => {
    expect(judgeTextLayer("Sida 3 (12)")).toBe("sparse");
    expect(judgeTextLayer("Justerandes sign     Utdragsbestyrkande\n3 (12)")).toBe("sparse");
  });

  it("sends garbage text layers to OCR: unmapped glyphs, symbol soup, shifted encodings", () => {
    expect(judgeTextLayer("\uE001\uE002\uE003 ".repeat(40) + page)).toBe("garbage");
    expect(judgeTextLayer("¤¤ ÿþ ©®± ¶¬ ".repeat(30) + page.slice(0, 80))).toBe("garbage");
    expect(judgeTextLayer(shifted)).toBe("garbage");
    expect(judgeTextLayer("xzq wrt pls mnbv ".repeat(10))).toBe("garbage");
  });

  it("keeps a short but real page, such as a signature page, for its own text", () => {
    const signatures =
      "Underskrifter\nSekreterare Ylva Fredriksson\nOrdförande Bengt Korhonen (SD)\nJusterande Emma Berg (L)";
    expect(judgeTextLayer(signatures)).toBe("usable");
  });

  it("names the pages of a mixed document that need OCR, 1-based", () => {
    expect(pagesWithoutTextLayer([page, "", page, "4 (4)"])).toEqual([2, 4]);
    expect(pagesWithoutTextLayer([page, page])).toEqual([]);
  });
});
