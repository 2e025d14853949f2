import type { ExtractedText } from "../model.ts";
import { extractPdfWithPdftotext, type PdftotextOptions, pdftotextAvailable } from "./pdftotext.ts";
import type { ExtractionPool } from "./pool.ts";
import { sniffFormat } from "./sniff.ts";
import { decodeText } from "./text.ts";
import type { ZipLimits } from "./zip.ts";

export interface TextExtractor {
  /** Bytes → text per page, or a FileRejectedError saying why not. */
  extract(bytes: Uint8Array, filename: string): Promise<ExtractedText>;
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
 * pool, and plain text decoded here (cheap and never blocking).
 */
export function createTextExtractor(pool: ExtractionPool, options: ExtractorOptions = {}): TextExtractor {
  const pdftotext = options.pdftotext ?? { timeoutMs: 120_000, maxMemoryMb: 1024 };
  return {
    async extract(bytes, filename) {
      const format = sniffFormat(bytes, filename, options.zipLimits);
      if (format === "text") return { format, pages: decodeText(bytes) };
      if (format === "pdf" && options.pdfEngine === "pdftotext") {
        return { format, pages: await extractPdfWithPdftotext(bytes, pdftotext) };
      }
      return { format, pages: await pool.extract(format, bytes) };
    },
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
