import { describe, expect, it } from "vitest";
import { mendOcrText } from "../../../indexer/ocr/mend.ts";
import { parseTesseractTsv } from "../../../indexer/ocr/tsv.ts";

const HEAD = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext";
const word = (block: number, line: number, n: number, conf: number, text: string) =>
  `5\t1\t${block}\t1\t${line}\t${n}\t0\t0\t10\t10\t${conf}\t${text}`;

describe("parseTesseractTsv", () => {
  it("keeps Tesseract's lines and blocks and averages the words' confidence", () => {
    const tsv = [
      HEAD,
      "1\t1\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t",
      "2\t1\t1\t0\t0\t0\t0\t0\t100\t100\t-1\t",
      word(1, 1, 1, 96, "Sammanträdesdatum"),
      word(1, 1, 2, 90, "2020-02-20"),
      word(1, 2, 1, 80, "Kommunstyrelsen"),
      word(2, 1, 1, 60, "§"),
      word(2, 1, 2, 94, "12"),
      "5\t1\t2\t1\t1\t3\t0\t0\t10\t10\t-1\t ",
    ].join("\n");
    const result = parseTesseractTsv(tsv);
    expect(result.text).toBe("Sammanträdesdatum 2020-02-20\nKommunstyrelsen\n\n§ 12");
    expect(result.words).toBe(5);
    expect(result.confidence).toBe(84);
  });

  /** A line's words at their places: [text, left] pairs, 40 px high, 20 px a letter. */
  const placed = (block: number, line: number, words: [string, number][]) =>
    words.map(
      ([text, left], n) =>
        `5\t1\t${block}\t1\t${line}\t${n + 1}\t${left}\t${line * 60}\t${text.length * 20}\t40\t90\t${text}`,
    );

  it("reads a header of two columns of cells column by column, as pdftotext does", () => {
    const rows: [string, number][][] = [
      [
        ["Beslutande", 200],
        ["Ersättare", 1300],
      ],
      [
        ["Anna", 200],
        ["Ek", 300],
        ["(S),", 360],
        ["ordförande", 460],
        ["Bo", 1300],
        ["Berg", 1360],
        ["(M)", 1460],
      ],
      [
        ["Cecilia", 200],
        ["Dahl", 360],
        ["(C)", 460],
      ],
      [
        ["Övriga", 200],
        ["deltagare", 340],
        ["Utses", 1300],
        ["att", 1420],
        ["justera", 1500],
      ],
      [
        ["Eva", 200],
        ["Fors,", 280],
        ["sekreterare", 400],
        ["Anna", 1300],
        ["Ek", 1400],
        ["(S)", 1460],
      ],
    ];
    const tsv = [HEAD, ...rows.flatMap((words, i) => placed(1, i + 1, words))].join("\n");
    expect(parseTesseractTsv(tsv).text).toBe(
      [
        "Beslutande",
        "Anna Ek (S), ordförande",
        "Cecilia Dahl (C)",
        "Övriga deltagare",
        "Eva Fors, sekreterare",
        "",
        "Ersättare",
        "Bo Berg (M)",
        "Utses att justera",
        "Anna Ek (S)",
      ].join("\n"),
    );
  });

  it("keeps the rows of a table of labels beside their values", () => {
    const rows: [string, number][][] = [
      [
        ["Beslutande", 200],
        ["Anna", 900],
        ["Ek", 1000],
        ["(S)", 1060],
      ],
      [
        ["Bo", 900],
        ["Berg", 960],
        ["(M)", 1060],
      ],
      [
        ["Sekreterare", 200],
        ["Eva", 900],
        ["Fors", 980],
      ],
    ];
    const tsv = [HEAD, ...rows.flatMap((words, i) => placed(1, i + 1, words))].join("\n");
    expect(parseTesseractTsv(tsv).text).toBe("Beslutande Anna Ek (S)\nBo Berg (M)\nSekreterare Eva Fors");
  });

  it("reads an empty page as no text with no confidence", () => {
    expect(parseTesseractTsv(`${HEAD}\n1\t1\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t\n`)).toEqual({
      text: "",
      confidence: 0,
      words: 0,
    });
  });
});

describe("mendOcrText: a § read as 8, S or $", () => {
  it("mends § headings at a line's start", () => {
    expect(mendOcrText("8 1 Dnr: KSN-2017-00047\nMotion")).toBe("§ 1 Dnr: KSN-2017-00047\nMotion");
    expect(mendOcrText("S 12 Motion om simhall")).toBe("§ 12 Motion om simhall");
    expect(mendOcrText("$12 Budget 2021")).toBe("§ 12 Budget 2021");
    expect(mendOcrText("Text\n8 14\nTitel")).toBe("Text\n§ 14\nTitel");
    expect(mendOcrText("$ I Dnr: KSN-2017-00047")).toBe("§ 1 Dnr: KSN-2017-00047");
  });

  it("mends a § heading after a leading dash", () => {
    expect(mendOcrText("-8 14 Budget 2021\n– 8 15 Dnr KS-2021/3")).toBe("-§ 14 Budget 2021\n– § 15 Dnr KS-2021/3");
    expect(mendOcrText("- 8 000 kronor")).toBe("- 8 000 kronor");
  });

  it("mends the header's §§ before the announced range", () => {
    expect(mendOcrText("Justeringens plats och tid Paragrafer88 1-14")).toBe(
      "Justeringens plats och tid Paragrafer §§ 1-14",
    );
  });

  it("mends the § of a meeting after its date", () => {
    expect(mendOcrText("till nämndens protokoll 2017-01-16, 8 4")).toBe("till nämndens protokoll 2017-01-16, § 4");
    expect(mendOcrText("gav den 23 juni 2017, 8 13, kommunstyrelsen")).toBe(
      "gav den 23 juni 2017, § 13, kommunstyrelsen",
    );
    expect(mendOcrText("under 2017, 8 000 kronor")).toBe("under 2017, 8 000 kronor");
  });

  it("writes a spaced dash and a range's dash as the en dash Swedish records use", () => {
    expect(mendOcrText("Systematiskt kvalitetsarbete — huvudmannens analys")).toBe(
      "Systematiskt kvalitetsarbete – huvudmannens analys",
    );
    expect(mendOcrText("kl. 18.30—-20.15")).toBe("kl. 18.30–20.15");
    expect(mendOcrText("Detaljplan för bostäder vid Gärdet —- beslut om samråd")).toBe(
      "Detaljplan för bostäder vid Gärdet – beslut om samråd",
    );
  });

  it("leaves amounts, counts and ordinary lines alone", () => {
    for (const line of ["8 000 kronor avsätts", "S 3 rum och kök", "8 ledamöter deltog", "2018 Budget"]) {
      expect(mendOcrText(line)).toBe(line);
    }
  });
});
