import type { OcrSettings } from "../config.ts";
import type { OcrEngine } from "./ocr-engine.ts";
import { createTesseractEngine, pdftoppmAvailable, type TesseractOptions, tesseractMissing } from "./tesseract.ts";
import { createTesseractJsEngine, tesseractJsMissing } from "./tesseract-js.ts";

/** The OCR engine this process can use, or why there is none (a document then waits as "needs OCR"). */
export interface OcrSetup {
  engine: OcrEngine | null;
  /** Why `engine` is null. */
  missing: string | null;
  maxPages: number;
  timeoutMs: number;
}

/**
 * The OCR engine: Debian's tesseract where it is installed with its Swedish
 * model, else tesseract.js where its optional npm packages are, unless
 * configured otherwise. `tesseract` overrides the programs' paths (tests
 * point one at nothing to play a machine without them).
 */
export function openOcr(
  settings: OcrSettings,
  maxMemoryMb: number,
  tesseract: Omit<TesseractOptions, "maxMemoryMb"> = {},
): OcrSetup {
  const limits = { maxPages: settings.maxPages, timeoutMs: settings.timeoutMs };
  if (settings.mode === "off") return { engine: null, missing: "OCR is turned off (ARCHIVE_OCR=off)", ...limits };
  // Tesseract's Swedish model needs ~150 MB; rendering a page at 300 dpi a little more.
  const memory = Math.max(maxMemoryMb, 512);
  const cliMissing = settings.mode === "tesseract.js" ? "ARCHIVE_OCR=tesseract.js" : tesseractMissing(tesseract);
  if (!cliMissing)
    return { engine: createTesseractEngine({ ...tesseract, maxMemoryMb: memory }), missing: null, ...limits };
  if (settings.mode === "tesseract") return { engine: null, missing: cliMissing, ...limits };
  const jsMissing = tesseractJsMissing();
  if (jsMissing) return { engine: null, missing: `${cliMissing}; ${jsMissing}`, ...limits };
  const pdftoppm = tesseract.pdftoppm ?? "pdftoppm";
  const engine = createTesseractJsEngine({
    pdftoppm: pdftoppmAvailable(pdftoppm) ? pdftoppm : null,
    dpi: tesseract.dpi,
    maxMemoryMb: memory,
  });
  return { engine, missing: null, ...limits };
}

export { mendOcrText } from "./mend.ts";
export type { OcrEngine, OcrResult } from "./ocr-engine.ts";
export { OcrTimeoutError } from "./ocr-engine.ts";
