/**
 * Turns a generated (born-digital) PDF into what a scanner makes of the
 * printed copy: chosen pages rendered to images (poppler's pdftoppm) and
 * wrapped back into image-only PDF pages (img2pdf), the others kept as they
 * are, so tests and `eval:ocr` have scans with a known ground truth. The
 * pictures are clean (no skew, speckle or stamp): a scan of a real signed
 * copy reads worse than these.
 */

import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface ScanOptions {
  /** Rendering resolution (default 300 dpi, an ordinary office scanner's). */
  dpi?: number;
  /** 1-based pages to scan (default: every page). */
  pages?: number[];
}

/** The PDF with the chosen pages as images only; needs Debian's poppler-utils and img2pdf. */
export async function scanPdf(pdf: Uint8Array, options: ScanOptions = {}): Promise<Buffer> {
  const dpi = String(options.dpi ?? 300);
  const dir = await mkdtemp(join(tmpdir(), "scan-"));
  try {
    const source = join(dir, "in.pdf");
    await writeFile(source, pdf);
    const info = await run("pdfinfo", [source]);
    const count = Number(/^Pages:\s+(\d+)/m.exec(info.stdout)?.[1] ?? "0");
    const scanned = new Set(options.pages ?? Array.from({ length: count }, (_, i) => i + 1));
    const parts: string[] = [];
    for (let page = 1; page <= count; page++) {
      const part = join(dir, `part-${page}.pdf`);
      const p = String(page);
      if (scanned.has(page)) {
        const image = join(dir, `page-${page}`);
        await run("pdftoppm", ["-r", dpi, "-gray", "-png", "-f", p, "-l", p, "-singlefile", source, image]);
        await run("img2pdf", [`${image}.png`, "-o", part]);
      } else {
        await run("pdfseparate", ["-f", p, "-l", p, source, part]);
      }
      parts.push(part);
    }
    const out = join(dir, "out.pdf");
    if (parts.length === 1) return await readFile(parts[0] as string);
    await run("pdfunite", [...parts, out]);
    return await readFile(out);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
