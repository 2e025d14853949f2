/**
 * Plain-text rendering: page texts as a text layer would give them (running
 * header and footer on every page, header fields side by side), usable by
 * benchmarks without touching files, and the .txt writer in UTF-8 or
 * Windows-1252 like exports from older systems.
 */

import { encodeCp1252 } from "./cp1252.ts";
import type { Block, FieldLayout, GeneratedRecord, Layout } from "./types.ts";

const WIDTH = 92;
const LINES_PER_PAGE = 52;
const LABEL = 30;

export function wrap(text: string, width: number, indent = ""): string[] {
  const out: string[] = [];
  for (const para of text.split("\n")) {
    let line = "";
    for (const word of para.split(" ")) {
      if (line && line.length + 1 + word.length > width) {
        out.push(line);
        line = indent + word;
      } else line = line ? `${line} ${word}` : word;
    }
    out.push(line);
  }
  return out;
}

function tableLines(rows: string[][], widths: number[]): string[] {
  const cols = widths.map((w) => Math.max(4, Math.floor(w * WIDTH) - 2));
  const out: string[] = [];
  for (const row of rows) {
    const cells = row.map((cell, i) => wrap(cell, cols[i] ?? 20));
    const height = Math.max(1, ...cells.map((c) => c.length));
    for (let l = 0; l < height; l++)
      out.push(
        cells
          .map((c, i) => (c[l] ?? "").padEnd((cols[i] ?? 20) + 2))
          .join("")
          .trimEnd(),
      );
  }
  return out;
}

function blockLines(b: Block): string[] {
  switch (b.k) {
    case "title":
      return [b.text, ""];
    case "h":
      return b.level === 1 ? ["", b.text] : [b.text];
    case "p":
      return [...wrap(b.text, WIDTH), ""];
    case "list":
      return [
        ...b.items.flatMap((item, i) =>
          wrap(`${b.marker === "1." ? `${i + 1}.` : b.marker}${b.marker ? " " : ""}${item}`, WIDTH, "  "),
        ),
        "",
      ];
    case "fields":
      if (b.layout === "grid") return [...gridLines(b.rows), ""];
      return [...b.rows.flatMap((r) => fieldLines(r.label, r.lines, b.layout)), ""];
    case "table":
      return [...tableLines(b.rows, b.widths), ""];
    case "pair": {
      const gap = WIDTH - b.left.length - b.right.length;
      return gap >= 3 ? [b.left + " ".repeat(gap) + b.right] : [...wrap(b.left, WIDTH), b.right.padStart(WIDTH)];
    }
    case "pagebreak":
    case "mark":
      return [];
  }
}

/** Two label/value cells side by side, read across as a text layer does. */
function gridLines(rows: { label: string; lines: string[] }[]): string[] {
  const half = Math.floor(WIDTH / 2);
  const cell = (r: { label: string; lines: string[] } | undefined): string[] =>
    r ? [r.label, ...r.lines.flatMap((l) => wrap(l, half - 3))] : [];
  const out: string[] = [];
  for (let i = 0; i < rows.length; i += 2) {
    const left = cell(rows[i]);
    const right = cell(rows[i + 1]);
    for (let l = 0; l < Math.max(left.length, right.length); l++)
      out.push(`${(left[l] ?? "").padEnd(half)}${right[l] ?? ""}`.trimEnd());
    out.push("");
  }
  return out;
}

function fieldLines(label: string, lines: string[], layout: FieldLayout): string[] {
  if (layout === "lines") return [label, ...lines, ""];
  if (layout === "columns" && lines.length > 3) {
    const half = Math.ceil(lines.length / 2);
    return lines
      .slice(0, half)
      .map((l, i) =>
        `${i === 0 ? label.padEnd(LABEL) : " ".repeat(LABEL)}${l.padEnd(34)} ${lines[half + i] ?? ""}`.trimEnd(),
      );
  }
  return lines.flatMap((l, i) =>
    wrap(l, WIDTH - LABEL).map((part, j) => `${i === 0 && j === 0 ? label.padEnd(LABEL) : " ".repeat(LABEL)}${part}`),
  );
}

/** "Forts. § {n}" filled in. */
export function continuation(template: string, paragraph: number): string {
  return template.replace("{n}", String(paragraph));
}

function running(lines: string[], columns: boolean, page: number, pages: number): string[] {
  const filled = lines.map((l) => l.replace("{page}", String(page)).replace("{pages}", String(pages)));
  return columns ? [filled.join("    ")] : filled;
}

/**
 * Page texts of a record, with running header and footer on every page, and
 * the house's "Forts. § 12" atop a page that a § runs onto.
 */
export function renderPages(record: GeneratedRecord | Layout): string[] {
  const layout = "layout" in record ? record.layout : record;
  const bodies: string[][] = [[]];
  // The § being drawn, once a line of it is on the page: a page break before its heading continues nothing.
  let inParagraph: number | null = null;
  let begun = false;
  for (const block of layout.blocks) {
    const current = bodies[bodies.length - 1] as string[];
    if (block.k === "mark") [inParagraph, begun] = [block.paragraph, false];
    if (block.k === "pagebreak") {
      if (current.length > 0) bodies.push([]);
      continue;
    }
    for (const line of blockLines(block)) {
      const page = bodies[bodies.length - 1] as string[];
      if (page.length >= LINES_PER_PAGE) {
        const forts = layout.continued && begun && inParagraph !== null;
        bodies.push(forts ? [continuation(layout.continued ?? "", inParagraph ?? 0), "", line] : [line]);
      } else if (!(page.length === 0 && line === "")) page.push(line);
      if (line) begun = true;
    }
  }
  const pages = bodies.length;
  return bodies.map((body, i) =>
    [
      ...running(layout.header, layout.headerColumns, i + 1, pages),
      "",
      ...body,
      "",
      ...running(layout.footer, true, i + 1, pages),
    ].join("\n"),
  );
}

/** The bytes of a .txt file: pages separated by form feeds or blank lines, in the record's encoding. */
export function renderTextFile(record: GeneratedRecord): Buffer {
  const pages = renderPages(record);
  const cp1252 = record.truth.encoding === "windows-1252";
  const formFeeds = record.truth.file.length % 2 === 0;
  let text = pages.join(formFeeds ? "\n\f" : "\n\n\n");
  if (cp1252) return encodeCp1252(text.replace(/\n/g, "\r\n"));
  if (record.truth.file.length % 3 === 0) text = `\uFEFF${text}`;
  return Buffer.from(text, "utf8");
}
