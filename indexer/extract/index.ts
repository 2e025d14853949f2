import type { ExtractedText } from "../model.ts";
import type { ExtractionPool } from "./pool.ts";
import { sniffFormat } from "./sniff.ts";
import { decodeText } from "./text.ts";
import type { ZipLimits } from "./zip.ts";

export interface TextExtractor {
  /** Bytes → text per page, or a FileRejectedError saying why not. */
  extract(bytes: Uint8Array, filename: string): Promise<ExtractedText>;
}

/**
 * The extraction port's default: format by bytes, then PDF and DOCX parsed in
 * the worker pool and plain text decoded here (cheap and never blocking).
 */
export function createTextExtractor(pool: ExtractionPool, zipLimits?: ZipLimits): TextExtractor {
  return {
    async extract(bytes, filename) {
      const format = sniffFormat(bytes, filename, zipLimits);
      if (format === "text") return { format, pages: decodeText(bytes) };
      return { format, pages: await pool.extract(format, bytes) };
    },
  };
}

export { ExtractionPool } from "./pool.ts";
export { CONTENT_TYPES, sniffFormat } from "./sniff.ts";
