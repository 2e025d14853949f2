import { describe, expect, it } from "vitest";
import { findSensitive, luhnValid, sensitiveKinds } from "../../../indexer/understand/sensitive.ts";

/** The flags of one page as [kind, text]. */
const found = (text: string) => findSensitive([text]).map((f) => [f.kind, f.text]);

describe("personnummer and samordningsnummer", () => {
  it.each([
    ["Sökande: Tolvan Tolvansson, 19121212-1212, Storgatan 1", "19121212-1212"],
    ["pnr 811228-9874 har ansökt", "811228-9874"],
    ["pnr 8112289874 har ansökt", "8112289874"],
    ["personnummer 198112289874.", "198112289874"],
    ["född 121212+1212 (över 100 år)", "121212+1212"],
  ])("flags a Luhn-valid number with a real date: %s", (text, number) => {
    expect(found(text)).toEqual([["personnummer", number]]);
  });

  it("tells a samordningsnummer (day + 60) from a personnummer", () => {
    expect(found("samordningsnummer 701063-2391")).toEqual([["samordningsnummer", "701063-2391"]]);
  });

  it.each([
    ["organisationsnummer 556036-0793", "Luhn-valid, but month 60 is no month"],
    ["Huddinge kommun, 212000-1355", "a municipality's organisationsnummer"],
    ["pnr 811228-9875", "Luhn-invalid"],
    ["nummer 811328-9874", "month 13"],
    ["nummer 810230-1234", "30 February"],
    ["Sammanträdesdatum 2020-02-20", "a date"],
    ["Dnr KS-2020/42.142 och VON/2022:00276", "diarienummer"],
    ["LD11/02896, KSN-2019-01234", "diarienummer"],
  ])("does not flag %s (%s)", (text) => {
    expect(found(text).filter(([kind]) => kind === "personnummer" || kind === "samordningsnummer")).toEqual([]);
  });

  it("checks the Luhn digit over ten digits", () => {
    expect(luhnValid("1212121212")).toBe(true);
    expect(luhnValid("1212121213")).toBe(false);
  });
});

describe("secrecy", () => {
  it.each([
    ["Uppgiften omfattas av sekretess enligt 21 kap. 1 § OSL.", ["sekretess", "21 kap. 1 § OSL"]],
    [
      "Hemlig enligt 26 kap. 1 § offentlighets- och sekretesslagen (2009:400)",
      ["Hemlig", "26 kap. 1 § offentlighets- och sekretesslagen (2009:400)"],
    ],
    ["enligt 26 kap. 1 § första stycket OSL", ["26 kap. 1 § första stycket OSL"]],
    ["Bilagan är SEKRETESSBELAGD.", ["SEKRETESSBELAGD"]],
    ["Handlingen är sekretessprövad.", ["sekretessprövad"]],
  ])("flags %s", (text, texts) => {
    expect(found(text)).toEqual(texts.map((t) => ["secrecy", t]));
  });

  it.each([
    ["Beslutet fattas med stöd av 6 kap. 38 § kommunallagen.", "a chapter reference to another law"],
    ["Utbildning i sekretessfrågor för nämnden.", "a compound about secrecy"],
    ["Ordföranden begär hemlig omröstning.", "a way of voting"],
    ["Inga hemligheter i ärendet.", "a longer word"],
  ])("does not flag %s (%s)", (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe("e-mail and phone", () => {
  it("flags e-mail addresses, official ones too", () => {
    expect(found("Kontakt: anna.andersson@gmail.com eller registrator@huddinge.se.")).toEqual([
      ["email", "anna.andersson@gmail.com"],
      ["email", "registrator@huddinge.se"],
    ]);
  });

  it.each(["070-123 45 67", "08-123 456 78", "+46 70 123 45 67", "0046 8 123 456 78", "0701234567", "031-12 34 56"])(
    "flags the phone number %s",
    (phone) => {
      expect(found(`Ring ${phone} vid frågor.`)).toEqual([["phone", phone]]);
    },
  );

  it.each([
    ["Sammanträdesdatum 2020-02-20, kl. 08.30–12.00", "a date and times"],
    ["Dnr KS-2020/42.142, VON 2023:00137, SLK-2025-00364", "diarienummer"],
    ["Kostnaden är 1 250 000 kr enligt § 12.", "an amount and a §"],
    ["Organisationsnummer 556036-0793", "an organisationsnummer"],
    ["SFS 2009:400 och prop. 2019/20:1", "law and bill numbers"],
  ])("does not flag %s (%s)", (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe("findSensitive", () => {
  it("gives 1-based pages and offsets into that page's text", () => {
    const pages = ["Protokoll", "Sökande 19121212-1212 enligt 21 kap. 1 § OSL"];
    const flags = findSensitive(pages);
    expect(flags.map((f) => [f.kind, f.page])).toEqual([
      ["personnummer", 2],
      ["secrecy", 2],
    ]);
    for (const f of flags) expect(pages[f.page - 1]?.slice(f.start, f.end)).toBe(f.text);
  });

  it("lists the kinds present once each, in a fixed order", () => {
    const flags = findSensitive(["sekretess 19121212-1212 och sekretess igen, 811228-9874"]);
    expect(sensitiveKinds(flags)).toEqual(["personnummer", "secrecy"]);
  });
});
