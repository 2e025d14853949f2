import { describe, expect, it } from "vitest";
import {
  MAX_SELECTION,
  type Picked,
  parseSelection,
  selectedCountText,
  selectionExportHref,
  toggled,
} from "../../../web/src/selection.ts";

const pick = (id: string, q = ""): Picked => ({ id, title: `Handling ${id}`, q });

describe("the selection of hits for an export", () => {
  it("adds at the end, removes, and ignores a second tick of the same document", () => {
    const one = toggled([], pick("a", "bistånd"), true) as Picked[];
    const two = toggled(one, pick("b"), true) as Picked[];
    expect(two.map((p) => p.id)).toEqual(["a", "b"]);
    expect(toggled(two, pick("a", "annat"), true)).toBe(two);
    expect(toggled(two, pick("a"), false)?.map((p) => p.id)).toEqual(["b"]);
  });

  it("refuses a pick past the server's cap rather than building an export it would refuse", () => {
    const full = Array.from({ length: MAX_SELECTION }, (_, i) => pick(String(i)));
    expect(toggled(full, pick("one more"), true)).toBeNull();
    expect(toggled(full, pick("0"), false)).toHaveLength(MAX_SELECTION - 1);
  });

  it("links to the export with the ids in order and each search once", () => {
    const href = selectionExportHref([pick("a", "bistånd"), pick("b", ""), pick("c", "bistånd"), pick("d", "x&y")]);
    const url = new URL(href, "http://x");
    expect(url.pathname).toBe("/api/export");
    expect(url.searchParams.get("ids")).toBe("a,b,c,d");
    expect(url.searchParams.getAll("q")).toEqual(["bistånd", "x&y"]);
  });

  it("reads back only well-formed picks from storage", () => {
    expect(parseSelection("not json")).toEqual([]);
    expect(parseSelection('{"id":"a"}')).toEqual([]);
    expect(parseSelection('[{"id":"a","title":"T","q":"x"},{"id":"a"},{"id":3},null,{"id":"b"}]')).toEqual([
      { id: "a", title: "T", q: "x" },
      { id: "b", title: "", q: "" },
    ]);
  });

  it("counts in Swedish", () => {
    expect(selectedCountText(1)).toBe("1 dokument valt");
    expect(selectedCountText(3)).toBe("3 dokument valda");
  });
});
