/**
 * The records' types: what the indexer understands from a file and what the
 * archive keeps. Shapes follow ../shared/contract.md; everything outside the
 * contract is ours to change.
 */

export const RECORD_TYPES = [
  "protokoll",
  "protokollsutdrag",
  "tjansteutlatande",
  "bilaga",
  "kallelse",
  "ovrigt",
] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

/** A person as the contract shows one: `party` and `role` are null where the record gives none. */
export interface Person {
  name: string;
  party: string | null;
  role: string | null;
}

/** A bilaga named in the text ("se bilaga 8.1"). */
export interface AttachmentRef {
  label: string;
  title: string | null;
}

/** What a bilaga says it belongs to: a protokoll paragraph or a tjänsteutlåtande. */
export interface BelongsTo {
  /** Label of this bilaga, e.g. "8.1" or "1". */
  label: string | null;
  body: string | null;
  meetingDate: string | null;
  paragraph: number | null;
  /** For a bilaga to a tjänsteutlåtande: its date and diarienummer. */
  documentDate: string | null;
  diarienummer: string | null;
}

/**
 * A reference in decision text to another document's bilaga, e.g. "bilaga 1 till
 * kommunstyrelsens tjänsteutlåtande daterat den 6 februari 2020".
 */
export interface DocumentReference {
  label: string;
  targetType: RecordType;
  date: string | null;
  diarienummer: string | null;
  paragraph: number | null;
}

/** A diarienummer as written, with its canonical form. */
export interface CaseNumber {
  canonical: string;
  written: string;
}

export interface Paragraph {
  number: number;
  title: string | null;
  diarienummer: string[];
  speakers: Person[];
  reservations: Person[];
  notes: Person[];
  attachments: AttachmentRef[];
  /** The paragraph's own text, from its heading to the next paragraph. */
  text: string;
  /** 1-based page where the paragraph starts. */
  page: number | null;
}

/** The output of the understanding stage: pure data derived from page texts. */
export interface RecordData {
  type: RecordType;
  title: string | null;
  body: string | null;
  meetingDate: string | null;
  documentDate: string | null;
  diarienummer: string[];
  /** Every diarienummer as written, for display. */
  caseNumbers: CaseNumber[];
  paragraphs: Paragraph[];
  attendees: Person[];
  /** For a bilaga: what it says it belongs to. */
  belongsTo: BelongsTo | null;
  /** Attachments named outside paragraphs (a tjänsteutlåtande's bilagor). */
  attachments: AttachmentRef[];
  references: DocumentReference[];
  /**
   * What may need secrecy review (personnummer, OSL references, e-mail, phone).
   * Optional: records stored before it existed get it computed from their pages on read.
   */
  sensitive?: SensitiveFlag[];
}

export const SENSITIVE_KINDS = ["personnummer", "samordningsnummer", "secrecy", "email", "phone"] as const;
export type SensitiveKind = (typeof SENSITIVE_KINDS)[number];

/** A passage an official may need to review before handing a record out; flagged, never masked. */
export interface SensitiveFlag {
  kind: SensitiveKind;
  /** 1-based page. */
  page: number;
  /** Character offsets in that page's text (as stored and shown), end exclusive. */
  start: number;
  end: number;
  text: string;
}

/** Text of one file, page by page, before understanding. */
export interface ExtractedText {
  format: FileFormat;
  pages: string[];
  /** 1-based pages of a PDF without a usable text layer (scans): what OCR should read. */
  needsOcr?: number[];
}

/**
 * Where a document's OCR stands: `none` (every page had a text layer), `pending`
 * (queued or running), `done`, `partial` (a page or time limit stopped it, see
 * `reason`), `needed` (no OCR engine here; read again when one is), `failed`.
 * `unchecked` marks documents stored before OCR existed, until start-up looks at their pages.
 */
export const OCR_STATUSES = ["none", "pending", "done", "partial", "needed", "failed", "unchecked"] as const;
export type OcrStatus = (typeof OCR_STATUSES)[number];

/** A page whose text came from OCR, with Tesseract's mean word confidence (0–100). */
export interface OcrPage {
  page: number;
  confidence: number;
}

export interface OcrState {
  status: OcrStatus;
  /** Pages read with OCR. */
  pages: OcrPage[];
  /** Pages without a usable text layer (1-based), read or not. */
  needed: number[];
  /** Why OCR is partial, needed or failed; null otherwise. */
  reason: string | null;
}

export type FileFormat = "pdf" | "docx" | "text";

export const LINK_RELS = ["attachment", "attached-to", "references"] as const;
export type LinkRel = (typeof LINK_RELS)[number];

export interface Link {
  rel: LinkRel;
  documentId: string | null;
  paragraph: number | null;
  label: string | null;
}
