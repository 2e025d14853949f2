import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runLimited } from "./limited-process.ts";
import type { OcrEngine } from "./ocr-engine.ts";
import { parseTesseractTsv } from "./tsv.ts";

export interface TesseractOptions {
  /** The `tesseract` program (Debian: tesseract-ocr); a path for tests and odd installs. */
  tesseract?: string;
  /** poppler's `pdftoppm` (Debian: poppler-utils), which renders the page. */
  pdftoppm?: string;
  /** Tesseract's model: Swedish (Debian: tesseract-ocr-swe). */
  language?: string;
  /** Rendering resolution: 300 dpi is what Tesseract reads best. */
  dpi?: number;
  /** Address-space limit of each child process. */
  maxMemoryMb: number;
}

/**
 * Whether pages can be read here: pdftoppm runs, and tesseract runs and has
 * the Swedish model. Null when ready, else the reason, for logs and for the
 * document's "needs OCR" state.
 */
export function tesseractMissing(options: Omit<TesseractOptions, "maxMemoryMb"> = {}): string | null {
  const language = options.language ?? "swe";
  if (!pdftoppmAvailable(options.pdftoppm)) return "pdftoppm (poppler-utils) is not installed";
  const langs = spawnSync(options.tesseract ?? "tesseract", ["--list-langs"], { encoding: "utf8", timeout: 5000 });
  if (langs.error || langs.status !== 0) return "tesseract (tesseract-ocr) is not installed";
  const listed = `${langs.stdout}\n${langs.stderr}`.split(/\s+/);
  if (!listed.includes(language)) return `tesseract has no ${language} model (tesseract-ocr-${language})`;
  return null;
}

/** Whether poppler's pdftoppm runs here. */
export function pdftoppmAvailable(command = "pdftoppm"): boolean {
  const probe = spawnSync(command, ["-v"], { stdio: "ignore", timeout: 5000 });
  return !probe.error && probe.status === 0;
}

/**
 * OCR through Debian's tesseract: pdftoppm renders one page to a grey PNG in
 * a temp folder, tesseract reads it with the Swedish model and writes TSV
 * (words with their confidence). Page segmentation 4 (one column of lines of
 * varying size) reads across the page, so a header's "Sammanträdesdatum
 * 2018-01-23" stays one line; the default (3) reads each column on its own,
 * every label first and every value after. Both run as child processes under the time
 * left and a memory limit; tesseract on one thread (OMP_THREAD_LIMIT=1), since
 * its OpenMP threads make a page no faster on a busy machine and starve the rest.
 */
export function createTesseractEngine(options: TesseractOptions): OcrEngine {
  const tesseract = options.tesseract ?? "tesseract";
  const pdftoppm = options.pdftoppm ?? "pdftoppm";
  const language = options.language ?? "swe";
  const dpi = options.dpi ?? 300;
  const version = spawnSync(tesseract, ["--version"], { encoding: "utf8", timeout: 5000 });
  const name = `${(version.stdout ?? "").split("\n")[0]?.trim() || "tesseract"} ${language}`;
  const env = { ...process.env, OMP_THREAD_LIMIT: "1" };
  return {
    name,
    async readPage(pdfPath, page, timeoutMs, signal) {
      const deadline = Date.now() + timeoutMs;
      const dir = await mkdtemp(join(tmpdir(), "archive-ocr-"));
      try {
        const image = join(dir, "page");
        const p = String(page);
        await runLimited(
          pdftoppm,
          ["-r", String(dpi), "-gray", "-png", "-f", p, "-l", p, "-singlefile", pdfPath, image],
          {
            timeoutMs: deadline - Date.now(),
            maxMemoryMb: options.maxMemoryMb,
            signal,
          },
        );
        await runLimited(tesseract, [`${image}.png`, join(dir, "out"), "-l", language, "--psm", "4", "tsv"], {
          timeoutMs: deadline - Date.now(),
          maxMemoryMb: options.maxMemoryMb,
          env,
          signal,
        });
        return parseTesseractTsv(await readFile(join(dir, "out.tsv"), "utf8"));
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}
