import { describe, expect, it } from "vitest";
import { bodyFromGenitive, detectBody } from "../../../indexer/understand/body.ts";

describe("detectBody", () => {
  it.each([
    [["EKBY KOMMUN Barn- och utbildningsnämnden", "SAMMANTRÄDESPROTOKOLL 2016-01-26"], "Barn- och utbildningsnämnden"],
    [["Trygghets- och delaktighetsberedning", "Sammanträdesdatum"], "Trygghets- och delaktighetsberedning"],
    [["Protokoll", "Kommunstyrelsens arbetsutskott"], "Kommunstyrelsens arbetsutskott"],
    [["Kommunfullmäktige", "Protokoll 2020-01-30"], "Kommunfullmäktige"],
    [["Organ Miljö- och hälsoskyddsnämnden"], "Miljö- och hälsoskyddsnämnden"],
    [["Sammanträdesprotokoll", "2020-01-01"], null],
  ])("%j → %s", (header, body) => {
    expect(detectBody(header)).toBe(body);
  });

  it("ignores attendance lines naming other bodies", () => {
    expect(detectBody(["Beslutande ledamöter i valnämnden", "Kulturnämnden"])).toBe("Kulturnämnden");
  });
});

describe("bodyFromGenitive", () => {
  it.each([
    ["till Trygghets- och delaktighetsberedningens", "Trygghets- och delaktighetsberedningen"],
    ["Kommunstyrelsens", "Kommunstyrelsen"],
    ["Kommunfullmäktiges", "Kommunfullmäktige"],
    ["Tekniska utskottets", "Tekniska utskottet"],
  ])("%s → %s", (text, body) => {
    expect(bodyFromGenitive(text)).toBe(body);
  });
});

describe("detectBody by record type", () => {
  it.each([
    [["Kommunstyrelsens förvaltning", "Tjänsteskrivelse", "Datum 2020-01-01"], null],
    [
      ["Kommunstyrelsens förvaltning", "Tjänsteutlåtande", "Till", "Kommunstyrelsens arbetsutskott"],
      "Kommunstyrelsens arbetsutskott",
    ],
    [["Socialförvaltningen", "Ärendet ska behandlas av Socialnämnden"], "Socialnämnden"],
  ])("a tjänsteutlåtande headed %j belongs to %s", (header, body) => {
    expect(detectBody(header, "tjansteutlatande")).toBe(body);
  });

  it.each([
    [["SOCIALNÄMNDEN", "KALLELSE"], "Socialnämnden"],
    [["TEKNISKA NÄMNDEN", "KALLELSE"], "Tekniska nämnden"],
    [["JÖNKÖPINGS KOMMUN", "BARN- OCH UTBILDNINGSNÄMNDEN"], "Barn- och utbildningsnämnden"],
    [["KOMMUNSTYRELSENS ARBETSUTSKOTT"], "Kommunstyrelsens arbetsutskott"],
    [["Kallelse till sammanträde med socialnämnden"], "Socialnämnden"],
    [["Norrvik kommun Föredragningslista Vård- och omsorgsnämnden"], "Vård- och omsorgsnämnden"],
    [["Protokoll fört vid sammanträde med Miljö- och", "hälsoskyddsnämnden"], "Miljö- och hälsoskyddsnämnden"],
    [["Samråd med boende i Stationsområdet"], null],
  ])("%j → %s", (header, body) => {
    expect(detectBody(header, "kallelse")).toBe(body);
  });

  it("reads the genitive of an arbetsutskott", () => {
    expect(bodyFromGenitive("kommunstyrelsens arbetsutskotts")).toBe("Kommunstyrelsens arbetsutskott");
  });
});
