import { inflateRawSync } from "node:zlib";
import type { RecordType } from "../model.ts";
import type { Highlight } from "./expression.ts";
import type { MoreHit, SearchHit } from "./search-index.ts";
import { escapeHtml, snippetHtml } from "./snippet.ts";
import { compoundParts, fold, stem } from "./swedish.ts";

/** A matching chunk as collected in temp.search_hits. */
export interface Candidate {
  id: number;
  document_id: string;
  type: RecordType;
  body: string | null;
  date: string | null;
  score: number;
  tier: number;
}

/** A chunk's stored row, for the hit that shows it. */
export interface ChunkRow {
  id: number;
  paragraph: number | null;
  page: number | null;
  title: string | null;
  /** The chunk's text, deflated. */
  text: Buffer;
  diarienummer: string;
}

/** One document of a result page with its matching chunks, best first. */
export interface DocumentGroup {
  id: string;
  tier: number;
  score: number;
  date: string | null;
  chunks: Candidate[];
}

/** A hit lists at most this many other matching chunks of its document. */
export const MORE = 5;

/**
 * One hit per document: its best chunk with a snippet (only the matched
 * words marked, all text escaped), the others by § and title only.
 */
export function presentHits(page: DocumentGroup[], rows: Map<number, ChunkRow>, highlight: Highlight): SearchHit[] {
  const isMatch = matcher(highlight);
  const snippet = (row: ChunkRow) => {
    const text = inflateRawSync(row.text).toString();
    return isMatch ? snippetHtml(text, isMatch) : escapeHtml(text.slice(0, 240).replace(/\s+/g, " ").trim());
  };
  return page.map((group) => {
    const [best, ...others] = group.chunks as [Candidate, ...Candidate[]];
    const row = rows.get(best.id) as ChunkRow;
    const more: MoreHit[] = others.slice(0, MORE).map((c) => {
      const other = rows.get(c.id) as ChunkRow;
      return { paragraph: other.paragraph, page: other.page, title: other.title };
    });
    return {
      documentId: group.id,
      paragraph: row.paragraph,
      page: row.page,
      title: row.title,
      type: best.type,
      body: best.body,
      date: group.date,
      diarienummer: JSON.parse(row.diarienummer) as string[],
      snippet: snippet(row),
      matches: group.chunks.length,
      more,
    };
  });
}

/** Whether a token of the text is one the query matched, in any of the forms it was looked for. */
export function matcher(h: Highlight): ((token: string) => boolean) | null {
  if (h.exact.size + h.stems.size + h.folded.size + h.parts.size + h.prefixes.length === 0) return null;
  const seen = new Map<string, boolean>();
  const test = (token: string) => {
    if (h.exact.has(token) || h.stems.has(stem(token))) return true;
    if (h.folded.size && (h.folded.has(fold(token)) || h.folded.has(fold(stem(token))))) return true;
    if (h.prefixes.some((p) => token.startsWith(p) || fold(token).startsWith(p))) return true;
    return h.parts.size > 0 && compoundParts(token).some((p) => h.parts.has(stem(p)));
  };
  return (token) => {
    let known = seen.get(token);
    if (known === undefined) {
      known = test(token);
      seen.set(token, known);
    }
    return known;
  };
}
