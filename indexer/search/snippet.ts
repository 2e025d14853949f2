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
