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
  title: string | null;
  type: RecordType;
  body: string | null;
  date: string | null;
  diarienummer: string[];
  /** HTML in which only <mark> is markup; all document text is escaped. */
  snippet: string;
}

export type Facets = Record<"type" | "body" | "year", Record<string, number>>;

export interface SearchResult {
  total: number;
  hits: SearchHit[];
  facets: Facets;
}

/**
 * The search engine port. The archive is the source of truth; an index can be
 * dropped and rebuilt from it at any time.
 */
export interface SearchIndex {
  index(doc: StoredDocument): Promise<void>;
  remove(documentId: string): Promise<void>;
  search(query: SearchQuery): Promise<SearchResult>;
}
