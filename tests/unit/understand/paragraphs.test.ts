import { describe, expect, it } from "vitest";
import { understand } from "../../../indexer/understand/index.ts";
import { normalize } from "../../../indexer/understand/normalize.ts";
import { findParagraphs } from "../../../indexer/understand/paragraphs.ts";
import { buildProtocol, flatten, type TestParagraph } from "./builders.ts";

const run = (pages: string[]) => understand({ pages, filename: "protokoll.pdf" }).paragraphs;
const three: TestParagraph[] = [
  { number: 46, title: "Bygglov för förskola i Ekby", dnr: "MBN 2021/77.231" },
  { number: 47, title: "Tillsyn av avlopp", dnr: "MBN-2021/5" },
  { number: 48, title: "Övrigt" },
];

describe("paragraphs", () => {
  it("finds every § with number, title, own diarienummer and page", () => {
    const found = run(buildProtocol({ paragraphs: three }));
    expect(found.map((p) => [p.number, p.title, p.diarienummer, p.page])).toEqual([
      [46, "Bygglov för förskola i Ekby", ["MBN-2021/77.231"], 2],
      [47, "Tillsyn av avlopp", ["MBN-2021/5"], 3],
      [48, "Övrigt", [], 4],
    ]);
  });

  it("keeps each paragraph's text from its heading to the next heading", () => {
    const [first] = run(buildProtocol({ paragraphs: three }));
    expect(first?.text.startsWith("§ 46")).toBe(true);
    expect(first?.text).toContain("Nämnden godkänner redovisningen.");
    expect(first?.text).not.toContain("§ 47");
    expect(first?.text).not.toContain("Justerandes sign");
  });

  it("reads '§ 12 Dnr ...' on one line with the title on the next", () => {
    const found = run(
      buildProtocol({
        paragraphs: [{ number: 12, title: "Taxa för tillsyn", dnr: "KS-2020/42.142", dnrOnHeadingLine: true }],
      }),
    );
    expect(found[0]).toMatchObject({ number: 12, title: "Taxa för tillsyn", diarienummer: ["KS-2020/42.142"] });
  });

  it("ignores an announced range that admits no heading at all (OCR read 'Paragrafer §46-§48' as '846-848')", () => {
    const pages = buildProtocol({ paragraphs: three }).map((p) => p.replace("Paragrafer 46-48", "Paragrafer 846 -848"));
    expect(pages.join("\n")).toContain("Paragrafer 846 -848");
    expect(run(pages).map((p) => p.number)).toEqual([46, 47, 48]);
  });

  it("does not take the table of contents for paragraphs", () => {
    const found = run(buildProtocol({ paragraphs: three, toc: true }));
    expect(found.map((p) => p.number)).toEqual([46, 47, 48]);
    expect(found[0]?.page).toBe(3);
  });

  it("recovers a heading the text layer lost from the table of contents", () => {
    const [first, second, third] = three as [(typeof three)[number], (typeof three)[number], (typeof three)[number]];
    const paragraphs = [{ ...first, title: "" }, second, third];
    const pages = buildProtocol({ paragraphs, toc: true }).map((p) =>
      p.replace("  § 46  ", "  § 46  Bygglov för förskola i Ekby"),
    );
    expect(run(pages)[0]?.title).toBe("Bygglov för förskola i Ekby");
  });

  it("does not take references for paragraphs", () => {
    const body = [
      "Ärendet återremitterades enligt KS protokoll 2021-04-06, § 44, och enligt",
      "§ 5 kommunallagen ska beslutet justeras.",
      "Sekretess gäller enligt 21 kap. 7 § OSL.",
      "§ 44 i föregående protokoll",
      "Närvarande §§ 1-4",
    ];
    const found = run(
      buildProtocol({
        paragraphs: [
          { number: 3, title: "Motion om parker", body },
          { number: 4, title: "Övrigt" },
        ],
      }),
    );
    expect(found.map((p) => p.number)).toEqual([3, 4]);
  });

  it("uses the announced range to reject a stray heading-like line", () => {
    const body = ["Beslutet fattades tidigare, se", "§ 95 Budget 2020 i förra årets protokoll."];
    const found = run(
      buildProtocol({
        paragraphs: [
          { number: 10, title: "Budget", body },
          { number: 11, title: "Övrigt" },
        ],
      }),
    );
    expect(found.map((p) => p.number)).toEqual([10, 11]);
  });

  it("works on a flattened text (DOCX, converter output)", () => {
    const found = run(flatten(buildProtocol({ paragraphs: three, toc: true })));
    expect(found.map((p) => [p.number, p.title])).toEqual([
      [46, "Bygglov för förskola i Ekby"],
      [47, "Tillsyn av avlopp"],
      [48, "Övrigt"],
    ]);
  });

  it("joins a title wrapped onto a second line and reads a bullet-marked heading", () => {
    const lines = normalize([
      "Paragrafer 7-8\n\n- § 7\n\nYttrande över remiss om\nförändrade föreskrifter\n\nBUN 2023/12\n\nSammanfattning\n\nText.\n\n§ 8\n\nÖvrigt",
    ]);
    const found = findParagraphs(lines, { from: 7, to: 8 });
    expect(found.map((p) => [p.number, p.title, p.diarienummer])).toEqual([
      [7, "Yttrande över remiss om förändrade föreskrifter", ["BUN-2023/12"]],
      [8, "Övrigt", []],
    ]);
  });

  it("leaves paragraphs empty for records that are not protocols", () => {
    const found = understand({
      pages: ["Tjänsteutlåtande\nDatum 2020-02-06\n§ 4 Något"],
      filename: "t.pdf",
    }).paragraphs;
    expect(found).toEqual([]);
  });
});

describe("paragraphs: diarienummer above the heading and wrapped titles", () => {
  const lines = (text: string) => normalize([text]);

  it("gives 'Diarienummer X' printed above '§ N' to the paragraph below it", () => {
    const text = [
      "Diarienummer RS10/00028",
      "§ 2 Mål och budget",
      "Beslut",
      "Budgeten fastställs.",
      "",
      "Diarienummer RS10/00041",
      "",
      "§ 3 Klimatstrategi",
      "Beslut",
      "Strategin antas.",
    ].join("\n");
    expect(findParagraphs(lines(text), null).map((p) => [p.number, p.diarienummer])).toEqual([
      [2, ["RS-2010/28"]],
      [3, ["RS-2010/41"]],
    ]);
  });

  it.each([
    [
      "§ 2 Uppföljning av program för trygghet\n2010–2012\nRS-2011-00017\nBeslut",
      "Uppföljning av program för trygghet 2010–2012",
    ],
    [
      "§ 12 Detaljplan för Gärdet, del av Kvarnen 2:14 –\nantagande\nRS-2011-00123\nBeslut",
      "Detaljplan för Gärdet, del av Kvarnen 2:14 – antagande",
    ],
    [
      "§ 10 Motion om en ny simhall i\nTallhöjden\n\n15 januari 2013\n\nKS 2012/34\nSammanfattning",
      "Motion om en ny simhall i Tallhöjden",
    ],
    ["§ 13\n\nInformationsärenden\n\nnämndsekreterare Eva Ek informerar om:", "Informationsärenden"],
  ])("title of %j", (text, title) => {
    expect(findParagraphs(lines(text), null)[0]?.title).toBe(title);
  });
});
