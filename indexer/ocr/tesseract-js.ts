import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PDFParse } from "pdf-parse";
import { runLimited } from "./limited-process.ts";
import { type OcrEngine, OcrTimeoutError } from "./ocr-engine.ts";
import { parseTesseractTsv } from "./tsv.ts";

const require = createRequire(import.meta.url);

type TesseractWorker = Awaited<ReturnType<typeof import("tesseract.js")["createWorker"]>>;

export interface TesseractJsOptions {
  /** poppler's pdftoppm to render pages; null: pdf.js renders them (no system package at all). */
  pdftoppm: string | null;
  dpi?: number;
  /** Address-space limit of pdftoppm. */
  maxMemoryMb: number;
}

/** Null when tesseract.js and its Swedish model (`@tesseract.js-data/swe`, optional dependencies) are installed, else why not. */
export function tesseractJsMissing(): string | null {
  try {
    require.resolve("tesseract.js");
    require.resolve("@tesseract.js-data/swe");
    return null;
  } catch {
    return "tesseract.js and @tesseract.js-data/swe (optional npm dependencies) are not installed";
  }
}

/**
 * OCR without system packages: Tesseract compiled to WebAssembly (tesseract.js,
 * in a worker thread of its own) with the Swedish model from the npm package
 * `@tesseract.js-data/swe` as its `langPath`, so nothing is downloaded at run
 * time. Pages are rendered by pdftoppm where installed, else by pdf.js (on the
 * calling thread, ~0.5 s a page). The same page segmentation and TSV as the
 * command line, at about 1.4× its time a page. Past the time limit, or when
 * the signal aborts, the worker thread is terminated and a new one made for
 * the next page.
 */
export function createTesseractJsEngine(options: TesseractJsOptions): OcrEngine & { close(): Promise<void> } {
  const dpi = options.dpi ?? 300;
  let worker: Promise<TesseractWorker> | null = null;
  const start = async (): Promise<TesseractWorker> => {
    const { createWorker, OEM, PSM } = await import("tesseract.js");
    const model = require("@tesseract.js-data/swe") as { code: string; gzip: boolean; langPath: string };
    const w = await createWorker(model.code, OEM.LSTM_ONLY, {
      langPath: model.langPath,
      gzip: model.gzip,
      cacheMethod: "none",
      errorHandler: () => undefined,
    });
    await w.setParameters({ tessedit_pageseg_mode: PSM.SINGLE_COLUMN, user_defined_dpi: String(dpi) });
    return w;
  };
  const stop = async () => {
    const w = worker;
    worker = null;
    if (w) await (await w.catch(() => null))?.terminate();
  };
  return {
    name: "tesseract.js swe",
    async readPage(pdfPath, page, timeoutMs, signal) {
      const deadline = Date.now() + timeoutMs;
      const png = await render(pdfPath, page, dpi, options, timeoutMs, signal);
      worker ??= start();
      const recognize = (async () => {
        const { data } = await (await (worker as Promise<TesseractWorker>)).recognize(png, {}, { tsv: true });
        return parseTesseractTsv(data.tsv ?? "");
      })();
      let timer: NodeJS.Timeout | undefined;
      let onAbort: (() => void) | undefined;
      const stopped = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new OcrTimeoutError("tesseract.js", timeoutMs)), deadline - Date.now());
        onAbort = () => reject(signal?.reason);
        signal?.addEventListener("abort", onAbort, { once: true });
      });
      try {
        return await Promise.race([recognize, stopped]);
      } catch (error) {
        await stop();
        throw error;
      } finally {
        clearTimeout(timer);
        if (onAbort) signal?.removeEventListener("abort", onAbort);
        recognize.catch(() => undefined);
      }
    },
    close: stop,
  };
}

async function render(
  pdfPath: string,
  page: number,
  dpi: number,
  options: TesseractJsOptions,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<Buffer> {
  if (options.pdftoppm) {
    const dir = await mkdtemp(join(tmpdir(), "archive-ocr-"));
    try {
      const p = String(page);
      const image = join(dir, "page");
      const args = ["-r", String(dpi), "-gray", "-png", "-f", p, "-l", p, "-singlefile", pdfPath, image];
      await runLimited(options.pdftoppm, args, { timeoutMs, maxMemoryMb: options.maxMemoryMb, signal });
      return await readFile(`${image}.png`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  const parser = new PDFParse({ data: await readFile(pdfPath), verbosity: 0 });
  try {
    const shot = await parser.getScreenshot({
      partial: [page],
      scale: dpi / 72,
      imageDataUrl: false,
      imageBuffer: true,
    });
    const image = shot.pages[0]?.data;
    if (!image) throw new Error(`pdf.js rendered no page ${page}`);
    return Buffer.from(image);
  } finally {
    await parser.destroy().catch(() => undefined);
  }
}
