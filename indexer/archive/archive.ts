import type {
  ExtractedText,
  FileFormat,
  Link,
  OcrState,
  OcrStatus,
  RecordData,
  RecordType,
  SensitiveKind,
} from "../model.ts";

/** A document as the pipeline hands it to the store. */
export interface NewDocument {
  id: string;
  sha256: string;
  filename: string;
  format: FileFormat;
  size: number;
  text: ExtractedText;
  record: RecordData;
  /** Where OCR of its scanned pages stands; none when absent. */
  ocr?: OcrState;
}

/** A stored document with everything the API shows about it. */
export interface StoredDocument extends Omit<NewDocument, "text" | "ocr"> {
  pages: string[];
  ingestedAt: string;
  /** Where OCR of its scanned pages stands (the archive always says; absent in hand-built documents). */
  ocr?: OcrState;
}

/** A document whose scanned pages wait for OCR, with what a job needs to find its original. */
export interface OcrCandidate {
  id: string;
  sha256: string;
  filename: string;
  status: OcrStatus;
}

export interface DocumentSummary {
  id: string;
  filename: string;
  type: RecordType;
  title: string | null;
  body: string | null;
  date: string | null;
  diarienummer: string[];
}

export interface CaseEntry {
  id: string;
  type: RecordType;
  title: string | null;
  body: string | null;
  date: string | null;
  paragraph: number | null;
}

/** One record of a meeting, with what the meeting's overview shows of it. */
export interface MeetingDocument {
  id: string;
  type: RecordType;
  title: string | null;
  filename: string;
  /** The body as this record writes it. */
  body: string | null;
  /** Its numbered paragraphs (a protokoll's or an utdrag's §), without their text. */
  paragraphs: { number: number; title: string | null; diarienummer: string[] }[];
  /** For a bilaga: its label ("8.1") and the § it belongs to, where it says. */
  label: string | null;
  paragraph: number | null;
}

/** A meeting: one body's records of one day (kallelse, protokoll, utdrag, bilagor). */
export interface Meeting {
  /** The body as its protokoll writes it, else as most of the records do. */
  body: string;
  date: string;
  documents: MeetingDocument[];
}

export interface MeetingSummary {
  body: string;
  date: string;
  documentCount: number;
  /** The record types present, in the order a meeting produces them. */
  types: RecordType[];
}

export interface Page<T> {
  total: number;
  items: T[];
}

/**
 * The archive store: the source of truth for documents and their links. The
 * search index can always be rebuilt from it.
 */
export interface Archive {
  /** The document with these bytes, if already archived. */
  findBySha256(sha256: string): DocumentSummary | null;
  /** Stores a new document and resolves links to and from it, atomically. */
  save(doc: NewDocument): void;
  get(id: string): StoredDocument | null;
  list(limit: number, offset: number): Page<DocumentSummary>;
  links(id: string): Link[];
  /** Every document and paragraph naming the case, oldest first; null when the query is no diarienummer. */
  findCase(query: string): { diarienummer: string; documents: CaseEntry[] } | null;
  /**
   * A body's records of one meeting day, the body matched on its normalized
   * name; null when the archive has none.
   */
  meeting(body: string, date: string): Meeting | null;
  /** Meetings newest first: one body's (matched as in `meeting`), or every body's when `body` is null. */
  meetings(body: string | null, limit: number, offset: number): Page<MeetingSummary>;
  /**
   * Stores a document's new reading (its pages after OCR) in place of the old
   * one, atomically: the same id and ingestion time, its case numbers, people
   * and links derived again, links from other documents kept or resolved anew.
   * The document counts as unindexed until the search index confirms it.
   */
  replace(doc: NewDocument): void;
  /** Sets where a document's OCR stands. */
  setOcr(id: string, state: OcrState): void;
  /** Documents whose OCR is in one of these states, oldest first. */
  ocrCandidates(statuses: OcrStatus[]): OcrCandidate[];
  /** Ids of stored documents not yet confirmed in the search index. */
  unindexed(): string[];
  markIndexed(id: string): void;
  /**
   * The kinds of sensitive content in each of these documents, for search hits'
   * tags; unknown ids are left out.
   */
  sensitiveKinds(ids: string[]): Map<string, SensitiveKind[]>;
  /** Ids of every document, for rebuilding the search index. */
  allIds(): Iterable<string>;
  close(): void;
}

/** Original files, stored once by content hash and never modified. */
export interface OriginalStore {
  put(sha256: string, bytes: Uint8Array): Promise<void>;
  has(sha256: string): Promise<boolean>;
  /** A local path to read the original from. */
  path(sha256: string): string;
}

export type AuditAction =
  | "export"
  | "download"
  | "token-create"
  | "token-revoke"
  | "sign-in"
  | "sign-in-refused"
  | "sign-out";

export interface AuditEntry {
  id: number;
  /** ISO timestamp. */
  at: string;
  action: AuditAction;
  /** Who asked, as the server could tell (see server/auth.ts requestActor). */
  actor: string;
  detail: Record<string, unknown>;
}

/** What was handed out, to whom: answers "who got this record?" after a public-records request. */
export interface AuditLog {
  record(action: AuditAction, actor: string, detail: Record<string, unknown>): void;
  /** Newest first. */
  list(limit: number, offset: number): Page<AuditEntry>;
}
