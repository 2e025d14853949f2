import { describe, expect, it } from "vitest";
import {
  csvField,
  type ExportedDocument,
  entryNames,
  exportFilename,
  manifestCsv,
  safeEntryName,
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
});
