/**
 * DOCX rendering with the docx package: real headings, header fields and
 * tables as Word tables, lists, page breaks, and a page header and footer
 * with live page numbers, as municipal Word templates have them.
 */

import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableRow,
  TabStopPosition,
  TabStopType,
  TextRun,
  WidthType,
} from "docx";
import { coreProperties, stampZip } from "./docx-stamp.ts";
import type { Block, GeneratedRecord } from "./types.ts";

const NONE = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };

function runs(text: string, bold = false): TextRun[] {
  return text.split("\n").map((line, i) => new TextRun({ text: line, bold, break: i > 0 ? 1 : 0 }));
}

/** A running line: "{page}" and "{pages}" become Word's page fields. */
function runningRun(line: string): TextRun {
  const children: (string | (typeof PageNumber)[keyof typeof PageNumber])[] = [];
  for (const part of line.split(/(\{page\}|\{pages\})/)) {
    if (part === "{page}") children.push(PageNumber.CURRENT);
    else if (part === "{pages}") children.push(PageNumber.TOTAL_PAGES);
    else if (part) children.push(part);
  }
  return new TextRun({ children, size: 16 });
}

function cell(lines: string[], width: number, bold = false): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.PERCENTAGE },
    children: lines.map((l) => new Paragraph({ children: runs(l, bold) })),
  });
}

function running(lines: string[], columns: boolean): (Paragraph | Table)[] {
  if (!columns) return lines.map((l) => new Paragraph({ children: [runningRun(l)] }));
  const w = Math.floor(100 / lines.length);
  return [
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      borders: NO_BORDERS,
      rows: [
        new TableRow({
          children: lines.map(
            (l) =>
              new TableCell({
                width: { size: w, type: WidthType.PERCENTAGE },
                children: [new Paragraph({ children: [runningRun(l)] })],
              }),
          ),
        }),
      ],
    }),
  ];
}

function block(b: Block): (Paragraph | Table)[] {
  switch (b.k) {
    case "title":
      return [new Paragraph({ heading: HeadingLevel.TITLE, children: runs(b.text) })];
    case "h":
      return [
        new Paragraph({
          heading: b.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
          children: runs(b.text),
        }),
      ];
    case "p":
      return [new Paragraph({ children: runs(b.text), spacing: { after: 120 } })];
    case "list":
      return b.items.map((item, i) =>
        b.marker === "•"
          ? new Paragraph({ bullet: { level: 0 }, children: runs(item) })
          : new Paragraph({
              indent: { left: 360 },
              children: runs(`${b.marker === "1." ? `${i + 1}.` : b.marker}${b.marker ? " " : ""}${item}`),
            }),
      );
    case "fields":
      if (b.layout === "grid")
        return [
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: pairs(b.rows).map(
              ([a, z]) =>
                new TableRow({
                  children: [
                    cell([a.label], 18, true),
                    cell(a.lines, 32),
                    cell([z?.label ?? ""], 18, true),
                    cell(z?.lines ?? [""], 32),
                  ],
                }),
            ),
          }),
          new Paragraph(""),
        ];
      if (b.layout === "lines")
        return b.rows.flatMap((r) => [
          new Paragraph({ children: runs(r.label, true) }),
          ...r.lines.map((l) => new Paragraph({ children: runs(l) })),
        ]);
      return [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          borders: b.layout === "columns" ? NO_BORDERS : undefined,
          rows: b.rows.map((r) => new TableRow({ children: [cell([r.label], 30, true), cell(r.lines, 70)] })),
        }),
        new Paragraph(""),
      ];
    case "table":
      return [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: b.rows.map(
            (row, r) =>
              new TableRow({
                children: row.map((c, i) => cell([c], Math.round((b.widths[i] ?? 0.2) * 100), b.head && r === 0)),
              }),
          ),
        }),
        new Paragraph(""),
      ];
    case "pair":
      return [
        new Paragraph({
          heading: HeadingLevel.HEADING_1,
          tabStops: [{ type: TabStopType.RIGHT, position: TabStopPosition.MAX }],
          children: [new TextRun({ text: b.left, bold: b.bold }), new TextRun({ children: [new Tab(), b.right] })],
        }),
      ];
    case "pagebreak":
      return [new Paragraph({ children: [new PageBreak()] })];
    case "mark":
      return [];
  }
}

type Row = { label: string; lines: string[] };

/** Rows two by two, for a header table with two label/value pairs per row. */
function pairs(rows: Row[]): [Row, Row | undefined][] {
  const out: [Row, Row | undefined][] = [];
  for (let i = 0; i < rows.length; i += 2) out.push([rows[i] as Row, rows[i + 1]]);
  return out;
}

/** Renders a record to DOCX bytes; dated by the record, so the same seed gives the same bytes. */
export async function renderDocx(record: GeneratedRecord): Promise<Buffer> {
  const { layout, truth } = record;
  const date = new Date(`${truth.meetingDate ?? truth.documentDate ?? "2020-01-01"}T12:00:00Z`);
  const doc = new Document({
    creator: truth.municipality,
    title: truth.title,
    sections: [
      {
        headers: { default: new Header({ children: running(layout.header, layout.headerColumns) }) },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: layout.footer.map((l, i) => runningRun(i > 0 ? `    ${l}` : l)),
              }),
            ],
          }),
        },
        children: layout.blocks.flatMap(block),
      },
    ],
  });
  const core = { path: "docProps/core.xml", data: coreProperties(truth.title, truth.municipality, date) };
  return stampZip(await Packer.toBuffer(doc, undefined, [core]), date);
}
