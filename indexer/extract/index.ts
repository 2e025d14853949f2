import type { ExtractedText, RecordData } from "../model.ts";
import { extractPdfWithPdftotext, type PdftotextOptions, pdftotextAvailable } from "./pdftotext.ts";
import type { ExtractionPool } from "./pool.ts";
import { sniffFormat } from "./sniff.ts";
import { pagesWithoutTextLayer } from "./text-layer.ts";
import type { ZipLimits } from "./zip.ts";

export interface TextExtractor {
  /** Bytes → text per page, or a FileRejectedError saying why not. */
  extract(bytes: Uint8Array, filename: string): Promise<ExtractedText>;
  /**
   * Pages → record (understand/index.ts), off the caller's thread and under
   * the same time and memory limits as reading: a huge record never holds
   * the server's event loop, and one that takes too long is refused.
   */
  understand(input: { pages: string[]; filename: string }): Promise<RecordData>;
}

export type PdfEngine = "pdftotext" | "pdf-parse";

export interface ExtractorOptions {
  /** Which adapter reads PDFs; both give text per page to the same understanding stage. */
  pdfEngine?: PdfEngine;
  pdftotext?: PdftotextOptions;
  zipLimits?: ZipLimits;
}

/**
 * The extraction port's default: format by bytes, then PDF through poppler's
 * pdftotext (a child process) or pdf-parse (in the worker pool), DOCX in the
 * pool, and plain text decoded in the pool as well. A PDF's pages
 * without a usable text layer (scans) are named for the OCR stage.
 */
export function createTextExtractor(pool: ExtractionPool, options: ExtractorOptions = {}): TextExtractor {
  const pdftotext = options.pdftotext ?? { timeoutMs: 120_000, maxMemoryMb: 1024 };
  return {
    async extract(bytes, filename) {
      const format = sniffFormat(bytes, filename, options.zipLimits);
      // Even text is decoded in the pool: a 5 MB line would otherwise hold the event loop for seconds.
      if (format === "text") return { format, pages: await pool.extract("text", bytes) };
      if (format === "pdf") {
        const pages =
          options.pdfEngine === "pdftotext"
            ? await extractPdfWithPdftotext(bytes, pdftotext)
            : await pool.extract(format, bytes);
        return { format, pages, needsOcr: pagesWithoutTextLayer(pages) };
      }
      return { format, pages: await pool.extract(format, bytes) };
    },
    understand: (input) => pool.understand(input),
  };
}

/** The PDF engine to use: the configured one, or pdftotext where it is installed. */
export function choosePdfEngine(configured: PdfEngine | "auto"): PdfEngine {
  if (configured !== "auto") return configured;
  return pdftotextAvailable() ? "pdftotext" : "pdf-parse";
}

export { pdftotextAvailable } from "./pdftotext.ts";
export { ExtractionPool } from "./pool.ts";
export { CONTENT_TYPES, sniffFormat } from "./sniff.ts";
