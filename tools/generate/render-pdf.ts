/**
 * PDF rendering with pdfkit's standard Helvetica (WinAnsi covers å ä ö – — §).
 * Real page breaks; running header and footer drawn on every page afterwards;
 * header fields and tables drawn at x positions on one baseline, so text
 * layers interleave them the way they do with real protocols.
 */

import PDFDocument from "pdfkit";
import type { Block, GeneratedRecord } from "./types.ts";

type Doc = InstanceType<typeof PDFDocument>;

const LEFT = 60;
const WIDTH = 595.28 - 2 * LEFT;
const LABEL_W = 150;
const REGULAR = "Helvetica";
const BOLD = "Helvetica-Bold";

function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

function fields(doc: Doc, b: Extract<Block, { k: "fields" }>): void {
  doc.fontSize(10);
  for (const row of b.rows) {
    if (b.layout === "lines") {
      ensureSpace(doc, 28);
      doc.font(BOLD).text(row.label, LEFT, doc.y).font(REGULAR);
      for (const line of row.lines) doc.text(line, LEFT, doc.y, { width: WIDTH });
      doc.moveDown(0.5);
      continue;
    }
    ensureSpace(doc, 14);
    const y0 = doc.y;
    doc
      .font(BOLD)
      .text(row.label, LEFT, y0, { width: LABEL_W - 8 })
      .font(REGULAR);
    const labelEnd = doc.y;
    doc.y = y0;
    const twoCols = b.layout === "columns" && row.lines.length > 3;
    const half = twoCols ? Math.ceil(row.lines.length / 2) : row.lines.length;
    const colW = twoCols ? (WIDTH - LABEL_W) / 2 : WIDTH - LABEL_W;
    for (let i = 0; i < half; i++) {
      ensureSpace(doc, 12);
      const y = doc.y;
      doc.text(row.lines[i] ?? "", LEFT + LABEL_W, y, { width: colW - 6 });
      const end = doc.y;
      const right = row.lines[half + i];
      if (twoCols && right) doc.text(right, LEFT + LABEL_W + colW, y, { width: colW - 6 });
      doc.y = Math.max(end, doc.y);
    }
    doc.y = Math.max(doc.y, labelEnd) + 5;
  }
  doc.x = LEFT;
  doc.moveDown(0.5);
}

function table(doc: Doc, b: Extract<Block, { k: "table" }>): void {
  doc.fontSize(9.5);
  const xs: number[] = [];
  let x = LEFT;
  for (const w of b.widths) {
    xs.push(x);
    x += w * WIDTH;
  }
  b.rows.forEach((row, r) => {
    doc.font(b.head && r === 0 ? BOLD : REGULAR);
    const heights = row.map((cell, i) => doc.heightOfString(cell || " ", { width: (b.widths[i] ?? 0.2) * WIDTH - 6 }));
    const h = Math.max(...heights) + 3;
    ensureSpace(doc, h);
    const y = doc.y;
    row.forEach((cell, i) => {
      if (cell) doc.text(cell, xs[i] ?? LEFT, y, { width: (b.widths[i] ?? 0.2) * WIDTH - 6 });
    });
    doc.y = y + h;
  });
  doc.font(REGULAR);
  doc.x = LEFT;
  doc.moveDown(0.6);
}

function block(doc: Doc, b: Block): void {
  switch (b.k) {
    case "title":
      doc.font(BOLD).fontSize(17).text(b.text, LEFT, doc.y, { width: WIDTH }).moveDown(0.5);
      break;
    case "h":
      ensureSpace(doc, 40);
      if (b.level === 1) doc.moveDown(0.4).font(BOLD).fontSize(12.5);
      else doc.font(BOLD).fontSize(10.5);
      doc.text(b.text, LEFT, doc.y, { width: WIDTH }).moveDown(0.2);
      break;
    case "p":
      doc.font(REGULAR).fontSize(10.5).text(b.text, LEFT, doc.y, { width: WIDTH }).moveDown(0.6);
      break;
    case "list":
      doc.font(REGULAR).fontSize(10.5);
      b.items.forEach((item, i) => {
        ensureSpace(doc, 14);
        const marker = b.marker === "1." ? `${i + 1}.` : b.marker;
        const y = doc.y;
        if (marker) doc.text(marker, LEFT + 4, y);
        doc.text(item, LEFT + (marker ? 22 : 0), y, { width: WIDTH - 22 });
      });
      doc.x = LEFT;
      doc.moveDown(0.6);
      break;
    case "fields":
      fields(doc, b);
      break;
    case "table":
      table(doc, b);
      break;
    case "pair": {
      ensureSpace(doc, 40);
      doc.moveDown(0.4);
      const y = doc.y;
      doc
        .font(b.bold ? BOLD : REGULAR)
        .fontSize(12)
        .text(b.left, LEFT, y, { width: WIDTH * 0.66 });
      const end = doc.y;
      doc
        .font(REGULAR)
        .fontSize(10.5)
        .text(b.right, LEFT + WIDTH * 0.7, y + 1, { width: WIDTH * 0.3 });
      doc.y = Math.max(end, doc.y);
      doc.x = LEFT;
      doc.moveDown(0.4);
      break;
    }
    case "pagebreak":
      doc.addPage();
      break;
  }
}

function running(doc: Doc, lines: string[], columns: boolean, y: number, page: number, pages: number): void {
  const filled = lines.map((l) => l.replace("{page}", String(page)).replace("{pages}", String(pages)));
  doc.font(REGULAR).fontSize(8);
  if (columns) {
    const w = WIDTH / filled.length;
    filled.forEach((l, i) => {
      doc.text(l, LEFT + i * w, y, { width: w - 4, lineBreak: false });
    });
  } else {
    filled.forEach((l, i) => {
      doc.text(l, LEFT, y + i * 10, { width: WIDTH, lineBreak: false });
    });
  }
}

/** Renders a record to PDF bytes; the creation date is fixed by the record so output is reproducible. */
export function renderPdf(record: GeneratedRecord): Promise<Buffer> {
  const { layout, truth } = record;
  const date = new Date(`${truth.meetingDate ?? truth.documentDate ?? "2020-01-01"}T12:00:00Z`);
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: 40 + 10 * (layout.headerColumns ? 1 : layout.header.length), bottom: 70, left: LEFT, right: LEFT },
    bufferPages: true,
    info: {
      Title: truth.title,
      Author: truth.municipality,
      Producer: "namndarkiv sample generator",
      CreationDate: date,
      ModDate: date,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  for (const b of layout.blocks) block(doc, b);
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    running(doc, layout.header, layout.headerColumns, 28, i + 1, range.count);
    running(doc, layout.footer, true, doc.page.height - 45, i + 1, range.count);
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
