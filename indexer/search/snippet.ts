import { tokenSpans } from "./swedish.ts";

/** Markers that cannot occur in extracted text (control characters are stripped before indexing). */
export const MARK_START = "\u0001";
export const MARK_END = "\u0002";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

/**
 * Turns an engine's snippet with our private markers into safe HTML: the
 * document text is escaped first, then only the markers become <mark>.
 */
export function markedSnippetToHtml(snippet: string): string {
  return escapeHtml(snippet).replaceAll(MARK_START, "<mark>").replaceAll(MARK_END, "</mark>");
}

/** Removes control characters that could forge markers or break output. */
export function stripControls(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  return text.replace(/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g, "");
}

const WINDOW = 32;

/**
 * The stretch of a chunk's text with the most query matches, as safe HTML:
 * the text is escaped and only the matched words are wrapped in <mark>. Done
 * here rather than by FTS5's snippet(), so that a word found by its stem, its
 * folded form, a compound part or a typo correction is marked too.
 */
export function snippetHtml(text: string, isMatch: (token: string) => boolean): string {
  const spans = tokenSpans(text);
  if (spans.length === 0) return escapeHtml(text.slice(0, 200).replace(/\s+/g, " ").trim());
  const hits = spans.map((s) => isMatch(s.token));
  let bestEnd = 0;
  let bestCount = -1;
  let count = 0;
  for (let i = 0; i < spans.length; i++) {
    if (hits[i]) count++;
    if (i >= WINDOW && hits[i - WINDOW]) count--;
    if (count > bestCount) {
      bestCount = count;
      bestEnd = i;
    }
  }
  const windowStart = Math.max(0, bestEnd - WINDOW + 1);
  const firstHit = hits.indexOf(true, windowStart);
  const start = firstHit < 0 ? 0 : Math.max(0, firstHit - 4);
  const end = Math.min(spans.length, start + WINDOW);
  let out = start > 0 ? "… " : "";
  let cursor = (spans[start] as { start: number }).start;
  for (let i = start; i < end; i++) {
    const span = spans[i] as { start: number; end: number };
    out += escapeHtml(text.slice(cursor, span.start));
    const word = escapeHtml(text.slice(span.start, span.end));
    out += hits[i] ? `<mark>${word}</mark>` : word;
    cursor = span.end;
  }
  if (end < spans.length) out += " …";
  return out.replace(/\s+/g, " ").trim();
}
