/** The archive's records: the list, one record with its §, people, links and text, and its original. */

import type { OcrInfo } from "../ocr-texts.ts";
import { arr, getJson, num, obj, query, str, strings } from "./http.ts";

export interface Person {
  name: string;
  party: string | null;
  role: string | null;
}

export interface DocumentSummary {
  id: string;
  filename: string | null;
  type: string;
  title: string | null;
  body: string | null;
  date: string | null;
  diarienummer: string[];
}

export interface DocumentList {
  total: number;
  documents: DocumentSummary[];
}

export interface Paragraph {
  number: number | null;
  title: string | null;
  diarienummer: string[];
  speakers: Person[];
  reservations: Person[];
  notes: Person[];
  attachments: { label: string; title: string | null }[];
  /** The page the paragraph starts on, and its text, when the API sends them. */
  page: number | null;
  text: string | null;
}

/** A passage that may need secrecy review: its kind, 1-based page and the text as written. */
export interface SensitiveFlag {
  kind: string;
  page: number | null;
  text: string;
}

export type LinkRel = "attachment" | "attached-to" | "references";

export interface DocumentLink {
  rel: string;
  documentId: string | null;
  paragraph: number | null;
  label: string | null;
}

export interface ArchiveDocument {
  id: string;
  filename: string | null;
  sha256: string | null;
  type: string;
  title: string | null;
  body: string | null;
  meetingDate: string | null;
  documentDate: string | null;
  diarienummer: string[];
  paragraphs: Paragraph[];
  attendees: Person[];
  links: DocumentLink[];
  /** Number of pages, when known. */
  pageCount: number | null;
  /** Text per page, when the API provides it (`pages: string[]` or `text`). */
  pageTexts: string[];
  sensitive: SensitiveFlag[];
  /** Which pages' text came from OCR, and where OCR of scanned pages stands. */
  ocr: OcrInfo;
}

function person(value: unknown): Person {
  const o = obj(value);
  return { name: str(o.name) ?? "", party: str(o.party), role: str(o.role) };
}
function people(value: unknown): Person[] {
  return arr(value)
    .map(person)
    .filter((p) => p.name !== "");
}

function summary(value: unknown): DocumentSummary {
  const o = obj(value);
  return {
    id: str(o.id) ?? "",
    filename: str(o.filename),
    type: str(o.type) ?? "ovrigt",
    title: str(o.title),
    body: str(o.body),
    date: str(o.date) ?? str(o.meetingDate) ?? str(o.documentDate),
    diarienummer: strings(o.diarienummer),
  };
}

function paragraph(value: unknown): Paragraph {
  const o = obj(value);
  return {
    number: num(o.number),
    title: str(o.title),
    diarienummer: strings(o.diarienummer),
    speakers: people(o.speakers),
    reservations: people(o.reservations),
    notes: people(o.notes),
    attachments: arr(o.attachments)
      .map((a) => ({ label: str(obj(a).label) ?? "", title: str(obj(a).title) }))
      .filter((a) => a.label !== ""),
    page: num(o.page),
    text: str(o.text),
  };
}

function archiveDocument(value: unknown): ArchiveDocument {
  const o = obj(value);
  const pages = o.pages;
  const pageText = (p: unknown): string => str(p) ?? str(obj(p).text) ?? "";
  let pageTexts: string[] = [];
  if (Array.isArray(pages)) pageTexts = pages.map(pageText);
  else if (Array.isArray(o.text)) pageTexts = o.text.map(pageText);
  else if (typeof o.text === "string" && o.text !== "") pageTexts = o.text.split("\f");
  return {
    id: str(o.id) ?? "",
    filename: str(o.filename),
    sha256: str(o.sha256),
    type: str(o.type) ?? "ovrigt",
    title: str(o.title),
    body: str(o.body),
    meetingDate: str(o.meetingDate),
    documentDate: str(o.documentDate),
    diarienummer: strings(o.diarienummer),
    paragraphs: arr(o.paragraphs).map(paragraph),
    attendees: people(o.attendees),
    links: arr(o.links).map((l) => {
      const link = obj(l);
      return {
        rel: str(link.rel) ?? "references",
        documentId: str(link.documentId),
        paragraph: num(link.paragraph),
        label: str(link.label),
      };
    }),
    pageCount: num(pages) ?? num(o.pageCount) ?? (Array.isArray(pages) ? pages.length : null),
    pageTexts,
    sensitive: arr(o.sensitive)
      .map((f) => ({ kind: str(obj(f).kind) ?? "", page: num(obj(f).page), text: str(obj(f).text) ?? "" }))
      .filter((f) => f.kind !== ""),
    ocr: ocrInfo(o.ocr),
  };
}

function ocrInfo(value: unknown): OcrInfo {
  const o = obj(value);
  return {
    status: str(o.status) ?? "none",
    pages: arr(o.pages)
      .map((p) => ({ page: num(obj(p).page) ?? 0, confidence: num(obj(p).confidence) ?? 0 }))
      .filter((p) => p.page > 0),
    missing: arr(o.missing)
      .map(num)
      .filter((n): n is number => n !== null),
  };
}

export async function listDocuments(
  params: { limit?: number; offset?: number },
  signal?: AbortSignal,
): Promise<DocumentList> {
  const o = obj(await getJson(`/api/documents?${query(params)}`, signal));
  const documents = arr(o.documents).map(summary);
  return { total: num(o.total) ?? documents.length, documents };
}

export async function getDocument(id: string, signal?: AbortSignal): Promise<ArchiveDocument> {
  return archiveDocument(await getJson(`/api/documents/${encodeURIComponent(id)}`, signal));
}

/** The document's words (lower-cased) that a search matched, in every form the engine matched them. */
export async function getHighlights(id: string, q: string, signal?: AbortSignal): Promise<string[]> {
  const o = obj(await getJson(`/api/documents/${encodeURIComponent(id)}/highlights?${query({ q })}`, signal));
  return strings(o.words);
}

/** The original file is downloaded by the browser itself; this is its address. */
export function documentFileUrl(id: string): string {
  return `/api/documents/${encodeURIComponent(id)}/file`;
}
