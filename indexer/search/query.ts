import { findCaseNumbers } from "../understand/diarienummer.ts";

export interface ParsedQuery {
  /** An FTS5 MATCH expression, or null when the query has no words to match. */
  match: string | null;
  /** Canonical diarienummer found in the query: they filter, not match. */
  diarienummer: string[];
  isEmpty: boolean;
}

/**
 * Reads what an official typed. A diarienummer anywhere in it becomes a case
 * filter; every other word must occur. Words are quoted for FTS5, so no input
 * can be a syntax error.
 */
export function parseQuery(q: string): ParsedQuery {
  const found = findCaseNumbers(q);
  let rest = q;
  for (const c of found) rest = rest.replace(c.written, " ");
  const words = rest.match(/[\p{L}\p{N}]+/gu) ?? [];
  const match = words.length ? words.map((w) => `"${w}"`).join(" ") : null;
  return { match, diarienummer: found.map((c) => c.canonical), isEmpty: words.length === 0 && found.length === 0 };
}
