/**
 * The generator's data: a record's layout (blocks that every renderer draws in
 * its own way) and its ground truth, which follows the contract's `extract`
 * shape plus what the evaluation of links needs.
 */

import type {
  AttachmentRef,
  BelongsTo,
  CaseNumber,
  DocumentReference,
  LinkRel,
  Person,
  RecordType,
} from "../../indexer/model.ts";

export type Block =
  /** The document's kind in large type ("SAMMANTRÄDESPROTOKOLL", "Tjänsteutlåtande"). */
  | { k: "title"; text: string }
  /** A heading; level 1 is a § heading or matter title, level 2 a section such as "Beslut". */
  | { k: "h"; text: string; level: 1 | 2 }
  | { k: "p"; text: string }
  | { k: "list"; items: string[]; marker: "-" | "•" | "1." | "" }
  /** Label/value pairs of a header: drawn as a table, as label lines, or as columns. */
  | { k: "fields"; rows: { label: string; lines: string[] }[]; layout: FieldLayout }
  | { k: "table"; rows: string[][]; widths: number[]; head: boolean }
  /** One line with text at the left and at the right ("§ 12 Title ... KS 2014/742.912"). */
  | { k: "pair"; left: string; right: string; bold: boolean }
  | { k: "pagebreak" }
  /**
   * Draws nothing: tells renderers which § the following blocks belong to
   * (null after its end), so a page that starts inside it can get "Forts. § 12".
   */
  | { k: "mark"; paragraph: number | null };

/**
 * How label/value pairs are drawn: a label column beside the values, labels
 * above values, long lists split into columns, or two pairs side by side (a
 * two-column header table, which text layers read across both columns).
 */
export type FieldLayout = "table" | "lines" | "columns" | "grid";

/** A record as renderers see it. Running lines may hold {page} and {pages}. */
export interface Layout {
  header: string[];
  footer: string[];
  /** Running header drawn as columns across the page rather than stacked lines. */
  headerColumns: boolean;
  blocks: Block[];
  /** Heading drawn at the top of a page that continues a § ("Forts. § {n}"); absent where the house has none. */
  continued?: string;
}

export type OutputFormat = "pdf" | "docx" | "txt";
export type TextEncoding = "utf-8" | "windows-1252";

export interface TruthParagraph {
  number: number;
  title: string;
  diarienummer: string[];
  speakers: Person[];
  reservations: Person[];
  notes: Person[];
  attachments: AttachmentRef[];
}

export interface TruthLink {
  rel: LinkRel;
  /** File name of the other record, in the same output folder. */
  file: string;
  paragraph: number | null;
  label: string | null;
}

/** Ground truth for one file, written beside it as `<file>.truth.json`. */
export interface Truth {
  file: string;
  format: OutputFormat;
  /** For .txt files: the encoding the file is written in. */
  encoding: TextEncoding | null;
  municipality: string;
  type: RecordType;
  title: string;
  body: string | null;
  meetingDate: string | null;
  documentDate: string | null;
  diarienummer: string[];
  paragraphs: TruthParagraph[];
  attendees: Person[];
  /** Bilagor listed outside paragraphs (a tjänsteutlåtande's "Bilagor"). */
  attachments: AttachmentRef[];
  belongsTo: BelongsTo | null;
  references: DocumentReference[];
  links: TruthLink[];
  caseNumbersWritten: CaseNumber[];
}

export interface GeneratedRecord {
  truth: Truth;
  layout: Layout;
}
