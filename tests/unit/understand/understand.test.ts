import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { understand } from "../../../indexer/understand/index.ts";
import { buildProtocol, buildReport } from "./builders.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const sample = resolve(root, "../shared/samples/protokoll-huddinge-tdb-2020-02-20-p8.txt");

describe("understand: the shared sample", () => {
  it.skipIf(!existsSync(sample))("comes out as the contract's example", () => {
    const data = understand({ pages: [readFileSync(sample, "utf8")], filename: "protokoll-2020-02-20.pdf" });
    expect(data).toMatchObject({
      type: "protokoll",
      title: "Protokoll Trygghets- och delaktighetsberedning 2020-02-20",
      body: "Trygghets- och delaktighetsberedning",
      meetingDate: "2020-02-20",
      documentDate: null,
      diarienummer: ["KS-2020/42.142"],
    });
    expect(data.paragraphs).toHaveLength(1);
    const [p] = data.paragraphs;
    expect(p).toMatchObject({
      number: 8,
      title: "Uppföljning av Program för trygghet och säkerhet 2018-2021 avseende 2019",
      diarienummer: ["KS-2020/42.142"],
      reservations: [],
      notes: [
        { name: "Frida Andersson", party: "MP", role: null },
        { name: "Nujin Alacabek", party: "V", role: null },
      ],
      attachments: [
        { label: "8.1", title: null },
        { label: "8.2", title: null },
      ],
      page: 1,
    });
    expect(p?.speakers.map((s) => [s.name, s.party, s.role])).toEqual([
      ["Ingalill Söderberg", "DP", null],
      ["Caroline Örtholm", "M", null],
      ["Frida Ryberg", null, "säkerhetschef"],
      ["Louise Rollins", "MP", null],
      ["Toralf Nilsson", null, "kanslidirektör"],
      ["Nicolas Holst", "M", null],
      ["Pran Malhotra", "S", null],
      ["Frida Andersson", "MP", null],
      ["Nujin Alacabek", "V", null],
    ]);
    expect(data.references).toEqual([
      { label: "1", targetType: "tjansteutlatande", date: "2020-02-06", diarienummer: "KS-2020/42.142", paragraph: 8 },
    ]);
  });
});

describe("understand: built records", () => {
  it("reads a protokoll end to end", () => {
    const pages = buildProtocol({
      body: "Kultur- och fritidsnämnden",
      date: "2021-03-16",
      toc: true,
      paragraphs: [
        {
          number: 5,
          title: "Bidrag till föreningar",
          dnr: "KFN 2021/12.805",
          body: ["I ärendet yttrar sig Nils Dahl (V).", "", "Se bilaga 5.1."],
        },
        { number: 6, title: "Övrigt" },
      ],
    });
    const data = understand({ pages, filename: "kfn.pdf" });
    expect(data).toMatchObject({
      type: "protokoll",
      title: "Protokoll Kultur- och fritidsnämnden 2021-03-16",
      body: "Kultur- och fritidsnämnden",
      meetingDate: "2021-03-16",
      diarienummer: ["KFN-2021/12.805"],
      attendees: [
        { name: "Kalle Ekdahl", party: "S", role: "ordförande" },
        { name: "Maja Lindqvist", party: "M", role: "ledamot" },
        { name: "Olle Fors", party: "C", role: "ledamot" },
      ],
    });
    expect(data.paragraphs.map((p) => [p.number, p.title, p.diarienummer, p.speakers.length, p.attachments])).toEqual([
      [5, "Bidrag till föreningar", ["KFN-2021/12.805"], 1, [{ label: "5.1", title: null }]],
      [6, "Övrigt", [], 0, []],
    ]);
  });

  it("reads a tjänsteutlåtande: documentDate, matter title and its Bilagor list", () => {
    const pages = buildReport({
      title: "Uppföljning av trygghetsprogrammet",
      date: "2020-02-06",
      dnr: "KS-2020/42.142",
      attachments: ["1. Uppföljning 2019"],
    });
    expect(understand({ pages, filename: "tu.docx" })).toMatchObject({
      type: "tjansteutlatande",
      title: "Uppföljning av trygghetsprogrammet",
      meetingDate: null,
      documentDate: "2020-02-06",
      diarienummer: ["KS-2020/42.142"],
      paragraphs: [],
      attachments: [{ label: "1", title: "Uppföljning 2019" }],
    });
  });

  it("reads a bilaga and what it belongs to", () => {
    const text =
      "Bilaga 8.1\nProtokollsanteckning till Kulturnämndens protokoll 2020-02-20, § 8\n\nVi anser att uppföljningen är bra.\nFrida Ek (MP)";
    const data = understand({ pages: [text], filename: "bilaga.pdf" });
    expect(data).toMatchObject({
      type: "bilaga",
      body: "Kulturnämnden",
      meetingDate: "2020-02-20",
      belongsTo: { label: "8.1", body: "Kulturnämnden", meetingDate: "2020-02-20", paragraph: 8 },
      paragraphs: [],
    });
  });

  it("gives empty data, not an error, for an empty file", () => {
    expect(understand({ pages: [""], filename: "tom.txt" })).toMatchObject({
      type: "ovrigt",
      paragraphs: [],
      diarienummer: [],
    });
  });

  // Its speed is measured by `npm run bench:ingest` (understanding's share of ingestion), not here.
  it("understands a 30-page protokoll with a table of contents", () => {
    const paragraphs = Array.from({ length: 30 }, (_, i) => ({
      number: i + 1,
      title: `Ärende nummer ${i + 1}`,
      dnr: `KS 2021/${i + 100}`,
      body: Array.from(
        { length: 20 },
        (_, k) => `Rad ${k} där Anna Ek (S) yrkar bifall enligt bilaga ${i + 1}.${k} och § ${k} i lagen.`,
      ),
    }));
    const pages = buildProtocol({ paragraphs, toc: true });
    const data = understand({ pages, filename: "big.pdf" });
    expect(data.paragraphs.map((p) => p.number)).toEqual(paragraphs.map((p) => p.number));
    expect(data.paragraphs[29]?.diarienummer).toEqual(["KS-2021/129"]);
  });
});

describe("a bilaga to a protokoll", () => {
  it("belongs to the body its heading names, even in lower case", () => {
    const record = understand({
      pages: [
        "Bilaga 15.1\nProtokollsanteckning\ntill kommunstyrelsens protokoll 13 januari 2016, § 15\nDet är viktigt att nämnden får en återrapportering.\nOla Berg (L)",
      ],
      filename: "bilaga.pdf",
    });
    expect(record).toMatchObject({ type: "bilaga", body: "Kommunstyrelsen", meetingDate: "2016-01-13" });
    expect(record.belongsTo).toMatchObject({ label: "15.1", paragraph: 15, body: "Kommunstyrelsen" });
  });
});
