import type { Meeting, StoredDocument } from "../indexer/archive/archive.ts";
import type { Link, SensitiveKind } from "../indexer/model.ts";
import { presentParagraph, presentRecord } from "../indexer/present.ts";
import type { SearchResult } from "../indexer/search/search-index.ts";

/** What leaves the server about one document: the extract fields plus identity, texts and links. */
export function presentDocument(doc: StoredDocument, links: Link[]) {
  const { file: _file, ...record } = presentRecord(doc.filename, doc.pages.length, doc.record);
  return {
    id: doc.id,
    filename: doc.filename,
    sha256: doc.sha256,
    size: doc.size,
    format: doc.format,
    ingestedAt: doc.ingestedAt,
    ...record,
    paragraphs: doc.record.paragraphs.map((p) => ({ ...presentParagraph(p), page: p.page, text: p.text })),
    links,
    /** Passages that may need secrecy review; offsets are into `text[page - 1]`. */
    sensitive: doc.record.sensitive ?? [],
    ocr: presentOcr(doc),
    text: doc.pages,
  };
}

/**
 * Which pages' text came from OCR, with Tesseract's confidence, and where the
 * document's OCR stands: `none`, `pending`, `done`, `partial` (with `reason`),
 * `needed` (no engine; read when there is one) or `failed`. `missing` lists the
 * scanned pages still without OCR text.
 */
function presentOcr(doc: StoredDocument) {
  const ocr = doc.ocr ?? { status: "none", pages: [], needed: [], reason: null };
  const read = new Set(ocr.pages.map((p) => p.page));
  return {
    // Stored before OCR existed and not looked at yet: nothing known to be missing.
    status: ocr.status === "unchecked" ? "none" : ocr.status,
    pages: ocr.pages.map((p) => ({ page: p.page, confidence: p.confidence })),
    missing: ocr.needed.filter((p) => !read.has(p)),
    reason: ocr.reason,
  };
}

/** Search hits with the kinds of sensitive content their documents hold, so an official sees them at once. */
export function presentSearch(result: SearchResult, kinds: Map<string, SensitiveKind[]>) {
  return { ...result, hits: result.hits.map((hit) => ({ ...hit, flags: kinds.get(hit.documentId) ?? [] })) };
}

/** A meeting's records: paragraphs where a record has them, a bilaga's label and § where it names them. */
export function presentMeeting(meeting: Meeting) {
  return {
    body: meeting.body,
    date: meeting.date,
    documents: meeting.documents.map((d) => ({
      id: d.id,
      type: d.type,
      title: d.title,
      filename: d.filename,
      body: d.body,
      ...(d.paragraphs.length > 0 ? { paragraphs: d.paragraphs } : {}),
      ...(d.type === "bilaga" ? { label: d.label, paragraph: d.paragraph } : {}),
    })),
  };
}
