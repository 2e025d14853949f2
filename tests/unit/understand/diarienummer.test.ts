import { describe, expect, it } from "vitest";
import { canonicalize, caseKey, findCaseNumbers } from "../../../indexer/understand/diarienummer.ts";

describe("canonicalize", () => {
  it.each([
    ["KS-2020/42.142", "KS-2020/42.142"],
    ["KS 2014/742.912", "KS-2014/742.912"],
    ["Dnr KS 2018/124", "KS-2018/124"],
    ["Diarienummer KS-2020/42.142", "KS-2020/42.142"],
    ["KS/2018:443", "KS-2018/443"],
    ["KS-2015/112", "KS-2015/112"],
    ["Bun/2025:172 694", "BUN-2025/172.694"],
    ["BUN 2025/123", "BUN-2025/123"],
    ["VON/2022:00276", "VON-2022/276"],
    ["VON 2023:00137", "VON-2023/137"],
    ["2011/KS 0206 001", "KS-2011/206.001"],
    ["KSN-2019-01234", "KSN-2019/1234"],
    ["STK-2019-1533", "STK-2019/1533"],
    ["SLK-2025-00364", "SLK-2025/364"],
    ["1339/22", "2022/1339"],
    ["Dnr 1339/22", "2022/1339"],
    ["LD11/02896", "LD-2011/2896"],
    ["ks-2020/42.142", "KS-2020/42.142"],
  ])("%s → %s", (written, canonical) => {
    expect(canonicalize(written)).toBe(canonical);
  });

  it.each([
    "SOU 2025:8",
    "Ds 2020:16",
    "Prop. 2019/20:1",
    "SFS 2009:400",
    "(2010:800)",
    "21 kap. 7 §",
    "SI 2019:6590",
    "556877-6495",
    "läsåret 2022/2023",
    "2018–2021",
    "2018/2019",
    "2020-02-20",
    "kl. 18.00",
    "§ 44",
    "HSLF-FS 2015:6",
    "sou 2025:8",
  ])("%s is not a diarienummer", (text) => {
    expect(canonicalize(text)).toBeNull();
    expect(findCaseNumbers(`Se ${text} i beslutet.`)).toEqual([]);
  });
});

describe("findCaseNumbers", () => {
  it("finds each number once, first written form kept, in reading order", () => {
    const text = "Ärendet BUN 2025/123 gäller även KS-2020/42.142. Tidigare KS 2020/42.142 och Bun/2025:123.";
    expect(findCaseNumbers(text)).toEqual([
      { canonical: "BUN-2025/123", written: "BUN 2025/123" },
      { canonical: "KS-2020/42.142", written: "KS-2020/42.142" },
    ]);
  });

  it("takes a code written after spaces but not a following count or amount", () => {
    expect(findCaseNumbers("Bun/2023:391 000").map((c) => c.canonical)).toEqual(["BUN-2023/391.000"]);
    expect(findCaseNumbers("Bun/2015:12 600 kr").map((c) => c.canonical)).toEqual(["BUN-2015/12"]);
  });

  it("counts bare number/year only after a case-number word", () => {
    expect(findCaseNumbers("Dnr 1339/22").map((c) => c.canonical)).toEqual(["2022/1339"]);
    expect(findCaseNumbers("Andelen var 1339/22 elever och säsongen 2018/19.")).toEqual([]);
  });

  it("ignores dates, times and paragraph references around a real number", () => {
    const text =
      "Sammanträde 2020-02-20 kl. 18.00, KS protokoll 2021-04-06, § 44, enligt SFS 2009:400 och Dnr KS-2021/7.";
    expect(findCaseNumbers(text).map((c) => c.canonical)).toEqual(["KS-2021/7"]);
  });
});

describe("caseKey", () => {
  it("keeps the full number and a base without the classification code", () => {
    expect(caseKey("KS-2020/42.142")).toEqual({ full: "KS-2020/42.142", base: "KS-2020/42" });
    expect(caseKey("BUN-2025/123")).toEqual({ full: "BUN-2025/123", base: "BUN-2025/123" });
  });

  it("gives every written variant of one number the same key", () => {
    const keys = ["KS-2020/42.142", "KS 2020/42.142", "KS/2020:0042.142"].map(
      (w) => caseKey(canonicalize(w) ?? w).full,
    );
    expect(new Set(keys).size).toBe(1);
  });

  it("lets a query without a code match a number with one", () => {
    expect(caseKey(canonicalize("KS-2020/42") ?? "").base).toBe(caseKey("KS-2020/42.142").base);
  });
});

describe("one case written with and without its code", () => {
  it("is listed once, in its coded form, where it first appears", () => {
    const text = "Innehåll\n§ 78 Verksamhetsplan\nBun/2023:276\n§ 79 Budget\nBun/2023:368\n§ 78\nBun/2023:276   041\n";
    expect(findCaseNumbers(text)).toEqual([
      { canonical: "BUN-2023/276.041", written: "Bun/2023:276   041" },
      { canonical: "BUN-2023/368", written: "Bun/2023:368" },
    ]);
  });
});

describe("findCaseNumbers: forms seen in other municipalities", () => {
  const canon = (text: string) => findCaseNumbers(text).map((c) => c.canonical);

  it.each([
    ["§ 3 Policy för bredband\n2008/KS 0016", ["KS-2008/16"]],
    ["Dnr STK-2011-22", ["STK-2011/22"]],
    ["Vår beteckning SN 2024/27 - 730", ["SN-2024/27.730"]],
    ["Dnr Sn/2011:102\n  101", ["SN-2011/102.101"]],
    ["5. Trygghetsvandringar, Dnr KS\n  2009/157.141", ["KS-2009/157.141"]],
    ["Skolskjutsar\n161/05\nSammanfattning", ["2005/161"]],
    ["Ärende: Ägardirektiv för Bostäder AB (232/05)", ["2005/232"]],
    ["till tjänsteutlåtande daterat 2005-12-12, 31/05 Jämförelse", ["2005/31"]],
    ["4. VA-taxa för 2006 48/05", ["2005/48"]],
  ])("%j → %j", (text, expected) => {
    expect(canon(text)).toEqual(expected);
  });

  it.each([
    "Sammanträde KS 2020-02-20",
    "enligt Trafikverkets föreskrifter (TSFS 2023:12)",
    "läsåret 19/20",
    "Sida 3/12",
  ])("finds none in %j", (text) => {
    expect(canon(text)).toEqual([]);
  });
});

describe("a labelled local form", () => {
  it("reads 'Dnr 2006.045' as case 45 of 2006, kept as written", () => {
    expect(findCaseNumbers("Skolskjutsar\nDnr 2006.045")).toEqual([{ canonical: "2006/45", written: "2006.045" }]);
  });
});
