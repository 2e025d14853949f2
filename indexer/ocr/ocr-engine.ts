/**
 * The OCR port: one page of a stored PDF in, its text and the engine's
 * confidence out. Tesseract's command line (Debian's tesseract-ocr with the
 * Swedish model) is the one adapter; a page is rendered to an image first.
 */

export interface OcrResult {
  text: string;
  /** Mean word confidence, 0–100; 0 when no word was read. */
  confidence: number;
  words: number;
}

export interface OcrEngine {
  /** Names the engine and its model in logs ("tesseract 5.3.0 swe"). */
  readonly name: string;
  /**
   * Reads one page (1-based) of the PDF at `pdfPath`. Rejects with an
   * OcrTimeoutError past `timeoutMs`, or the signal's reason when it aborts,
   * its child processes killed either way.
   */
  readPage(pdfPath: string, page: number, timeoutMs: number, signal?: AbortSignal): Promise<OcrResult>;
  /** Stops what the engine keeps running between pages (tesseract.js's worker thread). */
  close?(): Promise<void>;
}

export class OcrTimeoutError extends Error {
  constructor(what: string, timeoutMs: number) {
    super(`${what} took longer than ${Math.round(timeoutMs / 1000)} s`);
    this.name = "OcrTimeoutError";
  }
}
