import { describe, expect, it } from "vitest";
import { ocrPageLine, ocrStatusText, pageList } from "../../../web/src/ocr-texts.ts";

describe("what an official reads about OCR", () => {
  it("says which page was read with OCR and how sure it was, in whole per cent", () => {
    expect(ocrPageLine(3, 86.6)).toBe("Sida 3 är inläst med OCR (säkerhet 87 %)");
  });

  it("names pages in Swedish", () => {
    expect(pageList([3])).toBe("sida 3");
    expect(pageList([2, 3, 5])).toBe("sidorna 2, 3 och 5");
  });

  it("explains pending, needed and partial OCR, and says nothing when all is read", () => {
    expect(ocrStatusText({ status: "pending", pages: [], missing: [1, 2] })).toMatch(
      /^Texten på sidorna 1 och 2 läses in/,
    );
    expect(ocrStatusText({ status: "needed", pages: [], missing: [4] })).toMatch(
      /^Sida 4 är skannad|^Sida 4 är skannade/,
    );
    expect(ocrStatusText({ status: "partial", pages: [{ page: 1, confidence: 90 }], missing: [2] })).toMatch(
      /^Sida 2 hann inte läsas in/,
    );
    expect(ocrStatusText({ status: "done", pages: [{ page: 1, confidence: 90 }], missing: [] })).toBeNull();
    expect(ocrStatusText({ status: "none", pages: [], missing: [] })).toBeNull();
  });
});
