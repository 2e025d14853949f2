/**
 * The parts of a PDF page drawn at x positions on one baseline: header fields
 * (label column, columns, a two-column grid), tables, and a title with its
 * diarienummer at the right. Text layers read such cells across, interleaving
 * them the way they do with real protocols.
 */

import type PDFDocument from "pdfkit";
import type { Block } from "./types.ts";

export type Doc = InstanceType<typeof PDFDocument>;

export const LEFT = 60;
export const WIDTH = 595.28 - 2 * LEFT;
export const REGULAR = "Helvetica";
export const BOLD = "Helvetica-Bold";
const LABEL_W = 150;

export function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

type Row = { label: string; lines: string[] };

/** Two cells side by side, each a bold label over its values, drawn line by line so page breaks stay aligned. */
function grid(doc: Doc, rows: Row[]): void {
  const half = WIDTH / 2;
  for (let i = 0; i < rows.length; i += 2) {
    const cells = [rows[i], rows[i + 1]].map((r) => (r ? [r.label, ...r.lines] : []));
    const [left = [], right = []] = cells;
    for (let l = 0; l < Math.max(left.length, right.length); l++) {
      ensureSpace(doc, 12);
      const y = doc.y;
      let end = y;
      [left[l], right[l]].forEach((text, c) => {
        if (!text) return;
        doc.font(l === 0 ? BOLD : REGULAR).text(text, LEFT + c * half, y, { width: half - 8 });
        end = Math.max(end, doc.y);
      });
      doc.y = end;
    }
    doc.y += 6;
  }
  doc.font(REGULAR);
}

export function fields(doc: Doc, b: Extract<Block, { k: "fields" }>): void {
  doc.fontSize(10);
  if (b.layout === "grid") grid(doc, b.rows);
  else
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

export function table(doc: Doc, b: Extract<Block, { k: "table" }>): void {
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

export function pair(doc: Doc, b: Extract<Block, { k: "pair" }>): void {
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
}
