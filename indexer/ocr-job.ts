import type { OcrCandidate } from "./archive/archive.ts";
import { isFileRejected } from "./errors.ts";
import { pagesWithoutTextLayer } from "./extract/text-layer.ts";
import type { OcrPage, OcrState, RecordData } from "./model.ts";
import { mendOcrText, type OcrEngine, type OcrSetup, OcrTimeoutError } from "./ocr/index.ts";
import type { PipelineDeps } from "./pipeline.ts";

/**
 * Where a newly read document's OCR starts: nothing to do, waiting for its
 * job, or needing an engine this machine does not have.
 */
export function initialOcrState(needed: number[], ocr: OcrSetup | undefined): OcrState {
  if (needed.length === 0) return { status: "none", pages: [], needed, reason: null };
  if (ocr?.engine) return { status: "pending", pages: [], needed, reason: null };
  return { status: "needed", pages: [], needed, reason: ocr?.missing ?? "no OCR engine" };
}

/**
 * The OCR job: reads a stored document's scanned pages with OCR, puts their
 * text in place of the empty or unusable text layer, understands the whole
 * document again and stores and indexes it anew, so its diarienummer, dates,
 * § and speakers are found like those of any record. Search serves the
 * document as first stored meanwhile.
 *
 * Idempotent and crash-safe: a document whose OCR is done (or partial, or
 * not needed) is left alone; the new pages, record and OCR state are written
 * in one transaction, so a crash leaves the document as it was, still
 * "pending", and the job (or start-up) runs it again. Pages past the page
 * limit, or past the time limit, stay unread and the state says why.
 */
export async function readScannedPages(deps: PipelineDeps, sha256: string, signal?: AbortSignal): Promise<string> {
  const id = deps.archive.findBySha256(sha256)?.id;
  const doc = id ? deps.archive.get(id) : null;
  if (!id || !doc) throw new Error(`no document with SHA-256 ${sha256} to read with OCR`);
  const state = doc.ocr ?? initialOcrState([], deps.ocr);
  if (!["pending", "needed", "failed"].includes(state.status)) return id;
  const engine = deps.ocr?.engine;
  if (!deps.ocr || !engine) {
    deps.archive.setOcr(id, { ...state, status: "needed", reason: deps.ocr?.missing ?? "no OCR engine" });
    deps.logger.warn({ documentId: id, reason: deps.ocr?.missing }, "scanned pages need OCR, which is not available");
    return id;
  }
  const started = Date.now();
  const { pages, state: done } = await readPages(engine, deps.originals.path(sha256), doc.pages, state.needed, {
    ...deps.ocr,
    signal,
    onPageError: (page, error) => deps.logger.warn({ err: error, documentId: id, page }, "OCR could not read a page"),
  });
  // Understood off this thread, under the extraction pool's limits, as at ingestion.
  let record: RecordData;
  try {
    record = await deps.extractor.understand({ pages, filename: doc.filename });
  } catch (error) {
    // Refused (too slow to understand): a verdict, not a passing failure; the document keeps its first reading.
    if (!isFileRejected(error)) throw error;
    deps.archive.setOcr(id, {
      ...done,
      status: "failed",
      reason: `the text read by OCR was refused: ${error.message}`,
    });
    return id;
  }
  deps.archive.replace({
    id,
    sha256,
    filename: doc.filename,
    format: doc.format,
    size: doc.size,
    text: { format: doc.format, pages },
    record,
    ocr: done,
  });
  const stored = deps.archive.get(id);
  if (stored) {
    await deps.search.index(stored);
    deps.archive.markIndexed(id);
  }
  deps.logger.info(
    { documentId: id, engine: engine.name, pages: done.pages.length, status: done.status, ms: Date.now() - started },
    "scanned pages read with OCR",
  );
  return id;
}

export interface ReadLimits {
  maxPages: number;
  timeoutMs: number;
  /** Stops the reading (the archive closing): rejects with its reason, nothing stored. */
  signal?: AbortSignal;
  onPageError?: (page: number, error: unknown) => void;
}

/**
 * Reads the `needed` pages of the PDF at `pdfPath` with OCR, within the page
 * and time limits, and puts their text in place of those in `texts`. The
 * resulting state is `done`, or `partial` with the reason: the limit reached,
 * or the pages that failed (one page's failure costs that page only).
 */
export async function readPages(
  engine: OcrEngine,
  pdfPath: string,
  texts: string[],
  needed: number[],
  limits: ReadLimits,
): Promise<{ pages: string[]; state: OcrState }> {
  const deadline = Date.now() + limits.timeoutMs;
  const pages = [...texts];
  const read: OcrPage[] = [];
  const unread: string[] = [];
  let stopped = false;
  const todo = needed.slice(0, limits.maxPages);
  for (const page of todo) {
    const left = deadline - Date.now();
    if (left <= 0) {
      stopped = true;
      break;
    }
    limits.signal?.throwIfAborted();
    try {
      const result = await engine.readPage(pdfPath, page, left, limits.signal);
      pages[page - 1] = mendOcrText(result.text);
      read.push({ page, confidence: result.confidence });
    } catch (error) {
      if (limits.signal?.aborted) throw error;
      if (error instanceof OcrTimeoutError) {
        stopped = true;
        break;
      }
      unread.push(`page ${page}: ${error instanceof Error ? error.message : String(error)}`);
      limits.onPageError?.(page, error);
    }
  }
  const reasons: string[] = [];
  if (stopped) {
    const seconds = Math.round(limits.timeoutMs / 1000);
    reasons.push(
      `time limit: ${read.length} of ${needed.length} scanned pages read in ${seconds} s (ARCHIVE_OCR_TIMEOUT_S)`,
    );
  } else if (todo.length < needed.length) {
    reasons.push(`page limit: ${todo.length} of ${needed.length} scanned pages read (ARCHIVE_OCR_MAX_PAGES)`);
  }
  reasons.push(...unread);
  const partial = reasons.length > 0;
  return {
    pages,
    state: {
      status: partial ? "partial" : "done",
      pages: read,
      needed,
      reason: partial ? reasons.join("; ").slice(0, 1000) : null,
    },
  };
}

/**
 * At start-up (runtime open, worker start): the documents whose OCR should
 * be queued now. PDFs stored before OCR existed are looked at first (an empty
 * scan then is the "empty document" this stage exists for); documents that
 * waited for an engine are pending again when one is here.
 */
export async function documentsAwaitingOcr(deps: PipelineDeps, signal?: AbortSignal): Promise<OcrCandidate[]> {
  let checked = 0;
  for (const c of deps.archive.ocrCandidates(["unchecked"])) {
    // Closing stops the pass; the documents not looked at yet stay unchecked for the next start.
    if (signal?.aborted) return [];
    const doc = deps.archive.get(c.id);
    if (!doc) continue;
    deps.archive.setOcr(c.id, initialOcrState(pagesWithoutTextLayer(doc.pages), deps.ocr));
    // Yield now and then: an old archive's first start reads every PDF's pages once.
    if (++checked % 200 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  if (deps.ocr?.engine) {
    for (const c of deps.archive.ocrCandidates(["needed"])) {
      const doc = deps.archive.get(c.id);
      if (doc?.ocr) deps.archive.setOcr(c.id, { ...doc.ocr, status: "pending", reason: null });
    }
  }
  const waiting = deps.archive.ocrCandidates(["pending"]);
  if (checked || waiting.length) {
    deps.logger.info({ checked, queued: waiting.length }, "documents with scanned pages queued for OCR");
  }
  return waiting;
}
