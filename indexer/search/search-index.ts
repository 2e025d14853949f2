import type { StoredDocument } from "../archive/archive.ts";
import type { RecordType } from "../model.ts";

export const SORTS = ["relevance", "newest", "oldest"] as const;
export type Sort = (typeof SORTS)[number];

export interface SearchQuery {
  q: string;
  type?: RecordType | undefined;
  body?: string | undefined;
  dnr?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  speaker?: string | undefined;
  party?: string | undefined;
  sort?: Sort | undefined;
  limit: number;
  offset: number;
}

export interface SearchHit {
  documentId: string;
  /** The § the hit is in, or null for a hit in a document without paragraphs. */
  paragraph: number | null;
  /** The page, for a hit in a record without §. */
  page: number | null;
  title: string | null;
  type: RecordType;
  body: string | null;
  date: string | null;
  diarienummer: string[];
  /** HTML in which only <mark> is markup; all document text is escaped. */
  snippet: string;
  /** How many chunks (§, or pages) of this document match; the hit shows the best one. */
  matches: number;
  /** The document's other matching §/pages, best first (at most five). */
  more: MoreHit[];
}

/** Another match in the same document, grouped under its best hit. */
export interface MoreHit {
  paragraph: number | null;
  page: number | null;
  title: string | null;
}

export const FACETS = ["type", "body", "year", "party", "speaker"] as const;
/** Counts of matching documents per value. */
export type Facets = Record<(typeof FACETS)[number], Record<string, number>>;

export interface SearchResult {
  /** Matching documents: one hit per document, paged by limit and offset; the facets count the same documents. */
  total: number;
  hits: SearchHit[];
  facets: Facets;
  /**
   * False when the query matched more than the engine ranks (very common
   * words): hits, total and facets then cover a bounded selection of the
   * matches (for the FTS5 engine: those with the words in a title, then the newest).
   */
  complete: boolean;
}

/**
 * The search engine port. The archive is the source of truth; an index can be
 * dropped and rebuilt from it at any time.
 */
export interface SearchIndex {
  index(doc: StoredDocument): Promise<void>;
  remove(documentId: string): Promise<void>;
  search(query: SearchQuery): Promise<SearchResult>;
  /**
   * The distinct words of a text (lower-cased) that a query matches, in any
   * form the engine matched them (exact, inflected, folded, compound part,
   * typo), so a document view can mark the hits in its text.
   */
  matchingWords(q: string, text: string): Promise<string[]>;
}
