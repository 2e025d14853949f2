/**
 * The API promises a snippet in which only <mark> is markup, but the text comes
 * from arbitrary municipal documents, so we never hand it to the HTML parser.
 * Instead we split on the two tags we allow and decode entities ourselves.
 */

export interface SnippetSegment {
  text: string;
  mark: boolean;
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00a0",
  shy: "\u00ad",
  ndash: "\u2013",
  mdash: "\u2014",
  hellip: "\u2026",
  sect: "\u00a7",
};

const ENTITY = /&(?:#(\d{1,8})|#[xX]([0-9a-fA-F]{1,7})|([a-zA-Z]{2,8}));/g;
const MARK_TAG = /<(\/?)mark\s*>/gi;

function fromCodePoint(code: number): string {
  const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
  return valid ? String.fromCodePoint(code) : "\ufffd";
}

/**
 * Decodes entities in one pass, so "&amp;lt;" stays the literal text "&lt;"
 * rather than being decoded twice. Unknown named entities are kept verbatim.
 */
export function decodeEntities(text: string): string {
  return text.replace(ENTITY, (whole, dec?: string, hex?: string, name?: string) => {
    if (dec !== undefined) return fromCodePoint(Number.parseInt(dec, 10));
    if (hex !== undefined) return fromCodePoint(Number.parseInt(hex, 16));
    return NAMED_ENTITIES[name ?? ""] ?? whole;
  });
}

/**
 * Turns a snippet into plain text segments, each flagged as highlighted or not.
 * Anything that is not <mark> or </mark> (including raw tags such as
 * <img onerror=...>) stays text; stray closing tags are ignored and adjacent
 * segments with the same flag are merged.
 */
export function parseSnippet(snippet: string): SnippetSegment[] {
  const segments: SnippetSegment[] = [];
  let depth = 0;
  let last = 0;
  const push = (raw: string): void => {
    if (raw === "") return;
    const text = decodeEntities(raw);
    const mark = depth > 0;
    const prev = segments[segments.length - 1];
    if (prev && prev.mark === mark) prev.text += text;
    else segments.push({ text, mark });
  };
  for (const match of snippet.matchAll(MARK_TAG)) {
    push(snippet.slice(last, match.index));
    last = match.index + match[0].length;
    if (match[1] === "/") depth = Math.max(0, depth - 1);
    else depth += 1;
  }
  push(snippet.slice(last));
  return segments;
}

/** DOM for a snippet: text nodes and <mark> elements only. */
export function renderSnippet(snippet: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const segment of parseSnippet(snippet)) {
    const text = document.createTextNode(segment.text);
    if (segment.mark) {
      const mark = document.createElement("mark");
      mark.appendChild(text);
      fragment.appendChild(mark);
    } else {
      fragment.appendChild(text);
    }
  }
  return fragment;
}
