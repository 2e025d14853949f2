import { describe, expect, it } from "vitest";
import {
  coverSheet,
  csvField,
  type ExportedDocument,
  entryNames,
  exportFilename,
  manifestCsv,
  safeEntryName,
  selectionFilename,
  selectionText,
} from "../../server/case-export.ts";
import { parseCsv } from "../helpers/zip-read.ts";

const doc = (over: Partial<ExportedDocument> = {}): ExportedDocument => ({
  id: "d1",
  filename: "a.pdf",
  type: "protokoll",
  body: "Kommunstyrelsen",
  meetingDate: "2020-02-06",
  paragraphs: [12, 14],
  diarienummer: ["KS-2020/42"],
  sha256: "ab".repeat(32),
  pages: 3,
  flags: ["personnummer", "secrecy"],
  ...over,
});

describe("case export", () => {
  it("names entries NN-<name>, safe to unpack on any system", () => {
    expect(safeEntryName("../../etc/passwd")).toBe("_._etc_passwd");
    expect(safeEntryName("a\u0000b\\c:d.pdf")).toBe("ab_c_d.pdf");
    expect(safeEntryName("..")).toBe("handling");
    expect(entryNames(["Protokoll åäö.pdf", "b.docx"])).toEqual(["01-Protokoll åäö.pdf", "02-b.docx"]);
    expect(entryNames(Array.from({ length: 100 }, () => "x.pdf"))[99]).toBe("100-x.pdf");
    expect(safeEntryName(`${"å".repeat(300)}.pdf`)).toMatch(/^å{146}\.pdf$/);
  });

  it("writes a manifest Swedish Excel opens: BOM, ';', quoted values read back as written", () => {
    const tricky = doc({ body: 'Nämnden "Bygg; Miljö"\nAvd 2', flags: [] });
    const csv = manifestCsv([
      { file: "01-a.pdf", doc: doc() },
      { file: "02-b.pdf", doc: tricky },
    ]);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(csv.toString("utf8").slice(1));
    expect(rows[0]).toEqual([
      "fil",
      "typ",
      "organ",
      "sammanträdesdatum",
      "paragraf",
      "diarienummer",
      "sha256",
      "sidor",
      "flaggor",
    ]);
    expect(rows[1]).toEqual([
      "01-a.pdf",
      "protokoll",
      "Kommunstyrelsen",
      "2020-02-06",
      "12, 14",
      "KS-2020/42",
      "ab".repeat(32),
      "3",
      "personnummer, secrecy",
    ]);
    expect(rows[2]?.[2]).toBe('Nämnden "Bygg; Miljö"\nAvd 2');
    expect(rows).toHaveLength(3);
  });

  it("keeps Excel from running a value as a formula", () => {
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField("2020-02-06")).toBe("2020-02-06");
  });

  it("names the ZIP after the case and the Swedish date", () => {
    expect(exportFilename("MÖN-2020/42", new Date("2025-03-01T23:30:00Z"))).toBe("arende-mon-2020-42-2025-03-02.zip");
  });

  it("says on the cover sheet what was asked: the case as typed and found, or the searches a selection came from", () => {
    const at = new Date("2025-03-01T09:00:00Z");
    const common = { at, actor: "lokal användare", documents: 3, flagged: 0 };
    const asCase = coverSheet({
      ...common,
      request: { kind: "case", asked: "ks 2020/42", diarienummer: "KS-2020/42" },
    });
    expect(asCase).toContain("Begärt ärende:   ks 2020/42\r\nDiarienummer:    KS-2020/42\r\n");
    const picked = coverSheet({ ...common, request: { kind: "selection", queries: ["bistånd\nhemtjänst"] } });
    expect(picked).toContain("Begärt:          Urval av 3 dokument från sökningen ”bistånd hemtjänst”\r\n");
    expect(picked).toContain("Sammanställt:    2025-03-01T09:00:00.000Z\r\nSammanställt av: lokal användare\r\n");
    expect(picked).not.toContain("Diarienummer");
    expect(selectionText(2, [])).toBe("Urval av 2 dokument");
    expect(selectionText(4, ["a", "b", "c"])).toBe("Urval av 4 dokument från sökningarna ”a”, ”b” och ”c”");
  });

  it("names a selection's ZIP after its first search and the Swedish date", () => {
    const at = new Date("2025-03-01T23:30:00Z");
    expect(selectionFilename(["Bistånd hemtjänst", "x"], at)).toBe("urval-bistand-hemtjanst-2025-03-02.zip");
    expect(selectionFilename([], at)).toBe("urval-2025-03-02.zip");
    expect(selectionFilename(["”§”"], at)).toBe("urval-2025-03-02.zip");
    expect(selectionFilename([`${"a".repeat(39)} bcd`], at)).toBe(`urval-${"a".repeat(39)}-2025-03-02.zip`);
  });
});
