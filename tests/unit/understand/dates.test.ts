import { describe, expect, it } from "vitest";
import { findDates, parseDate } from "../../../indexer/understand/dates.ts";

describe("parseDate", () => {
  it.each([
    ["2020-02-20", "2020-02-20"],
    ["20 februari 2020", "2020-02-20"],
    ["den 6 februari 2020", "2020-02-06"],
    ["tisdag den 23 maj 2006", "2006-05-23"],
    ["202504-15", "2025-04-15"],
    ["2020-07-1", "2020-07-01"],
    ["Sammanträdesdatum: 2 december 2019", "2019-12-02"],
  ])("%s → %s", (text, iso) => {
    expect(parseDate(text)).toBe(iso);
  });

  it.each(["2018–2021", "2018/2019", "2020-02-31", "kl. 18.00–19.45", "SFS 2009:400"])("%s is no date", (text) => {
    expect(parseDate(text)).toBeNull();
  });
});

describe("findDates", () => {
  it("finds both ends of a range in order", () => {
    expect(findDates("förteckning 2015-12-01—2016-01-12").map((d) => d.iso)).toEqual(["2015-12-01", "2016-01-12"]);
  });
});
