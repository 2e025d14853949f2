/**
 * PDF rendering with pdfkit's standard Helvetica (WinAnsi covers å ä ö – — §).
 * Real page breaks; running header and footer drawn on every page afterwards,
 * with "Forts. § 12" above the text of a page that a § runs onto; header
 * fields and tables drawn as cells (pdf-cells.ts).
 */

import PDFDocument from "pdfkit";
import { BOLD, type Doc, ensureSpace, fields, LEFT, pair, REGULAR, table, WIDTH } from "./pdf-cells.ts";
import { continuation } from "./render-text.ts";
import type { Block, GeneratedRecord } from "./types.ts";

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
    case "pair":
      pair(doc, b);
      break;
    case "pagebreak":
      doc.addPage();
      break;
    case "mark":
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
  const fortsRoom = layout.continued ? 16 : 0;
  const top = 40 + 10 * (layout.headerColumns ? 1 : layout.header.length) + fortsRoom;
  const doc = new PDFDocument({
    size: "A4",
    margins: { top, bottom: 70, left: LEFT, right: LEFT },
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
  // Pages that open inside a § already begun (a break before its first block continues nothing).
  const continues = new Map<number, number>();
  let current: number | null = null;
  doc.on("pageAdded", () => {
    if (current !== null) continues.set(doc.bufferedPageRange().count - 1, current);
  });
  let pending: number | null = null;
  for (const b of layout.blocks) {
    if (b.k === "mark") [pending, current] = [b.paragraph, null];
    block(doc, b);
    if (b.k !== "mark") current = pending;
  }
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    running(doc, layout.header, layout.headerColumns, 28, i + 1, range.count);
    running(doc, layout.footer, true, doc.page.height - 45, i + 1, range.count);
    const forts = continues.get(i - range.start);
    if (layout.continued && forts !== undefined)
      doc
        .font(BOLD)
        .fontSize(10.5)
        .text(continuation(layout.continued, forts), LEFT, top - fortsRoom, {
          width: WIDTH,
          lineBreak: false,
        });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
