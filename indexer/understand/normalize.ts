/**
 * Page texts → clean lines. Text layers repeat a header and footer on every page, break
 * words at line ends and leave markdown or layout debris; everything downstream wants
 * the content lines only, each knowing its page.
 */

export interface Line {
  text: string;
  /** 1-based page. */
  page: number;
}

/** Lines that are page furniture wherever they stand. */
const NOISE =
  /^(?:justerandes? sign(?:atur|\.)?|justerandes? sign(?:atur)? ?utdragsbestyrkande|utdragsbestyrkande|ordförandes sign(?:atur)?|sekreterarens sign(?:atur)?|sida:? \d+(?: ?(?:av|\/|\() ?\d+\)?)?|\d{1,3} ?\(\d{1,3}\)|\d{1,3} ?(?:av|\/) ?\d{1,3}|forts(?:\.|ättning)? ?§ ?\d+\.?|signerat? .*bankid.*)$/i;
/** A line that ends one page in a flattened text: the footer every page of a protokoll carries. */
const PAGE_END = /^\s*(?:justerandes? sign(?:atur)?\s+)?utdragsbestyrkande\s*$/i;
const BARE_NUMBER = /^[-–]?\s*\d{1,3}\s*[-–]?$/;
const ZONE = 3;
/** "Barnoch utbildningsnämnden": the text layer lost "- " of a compound. */
const LOST_HYPHEN = /\b(\p{Lu}\p{Ll}+)och (?=\p{Ll}+(?:nämnd|förvaltning|styrelse))/gu;
const HEADING_LIKE = /^§|(?:\/|:)(?:19|20)\d\d|(?:19|20)\d\d[/:]\d/;

/** Strip markdown emphasis and heading marks a converter may have left. */
function cleanLine(raw: string): string {
  let s = raw;
  if (/[*_#•]/.test(s)) {
    s = s.replace(/^\s*#{1,6}\s+/, "").replace(/^\s*[*•]\s+(?=\S)/, "- ");
    s = s.replace(/(^|\s)[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}(?=\s|$|[:.,])/g, "$1");
  }
  return s.replace(/[\s\u200b]+/g, " ").trim();
}

/** One flattened text (DOCX, .txt, a converter's output) cut back into pages at its footers. */
function splitPages(pages: string[]): string[] {
  if (pages.length !== 1) return pages.flatMap((p) => p.split("\f"));
  const text = pages[0] ?? "";
  if (text.includes("\f")) return text.split("\f");
  const lines = text.split(/\r?\n/);
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < lines.length; i++) {
    if (PAGE_END.test(lines[i] ?? "")) {
      out.push(lines.slice(start, i + 1).join("\n"));
      start = i + 1;
    }
  }
  if (out.length < 2) return [text];
  out.push(lines.slice(start).join("\n"));
  return out;
}

function zoneIndexes(lines: string[]): number[] {
  const filled = lines.flatMap((l, i) => (l ? [i] : []));
  if (filled.length <= ZONE * 2) return filled;
  return [...filled.slice(0, ZONE), ...filled.slice(-ZONE)];
}

const keyOf = (s: string) => s.toLowerCase().replace(/\d+/g, "#");

/** Join a word broken at a line end ("sti-" + "mulans"), keeping "Barn-" + "och" as written. */
function joinHyphens(lines: Line[]): Line[] {
  const out: Line[] = [];
  for (let i = 0; i < lines.length; i++) {
    const cur = lines[i] as Line;
    const next = lines[i + 1];
    if (next && next.page === cur.page && /\p{Ll}-$/u.test(cur.text) && /^\p{Ll}/u.test(next.text)) {
      const word = /^\S+/.exec(next.text)?.[0] ?? "";
      const keep = /^(?:och|eller|samt|respektive|till|som)$/.test(word);
      lines[i + 1] = { text: keep ? `${cur.text} ${next.text}` : cur.text.slice(0, -1) + next.text, page: next.page };
      continue;
    }
    out.push(cur);
  }
  return out;
}

/**
 * Clean lines of a document, blank lines kept as "" (they separate a heading from its text),
 * with page headers, footers and page numbers removed.
 */
export function normalize(pages: string[]): Line[] {
  const split = splitPages(pages).map((p) => p.split(/\r?\n/).map(cleanLine));
  const counts = new Map<string, number>();
  const zones = split.map(zoneIndexes);
  for (const [p, lines] of split.entries()) {
    const keys = new Set((zones[p] ?? []).map((i) => keyOf(lines[i] ?? "")));
    for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const minRepeats = Math.max(2, Math.ceil(split.length * 0.3));
  const out: Line[] = [];
  split.forEach((lines, p) => {
    const zone = new Set(zones[p]);
    lines.forEach((text, i) => {
      if (!text) {
        out.push({ text, page: p + 1 });
        return;
      }
      if (text.length < 70 && NOISE.test(text)) return;
      if (zone.has(i) && split.length > 1) {
        if (BARE_NUMBER.test(text)) return;
        const sentence = /[.!?]$/.test(text) && text.split(" ").length >= 3;
        if (!sentence && !HEADING_LIKE.test(text) && (counts.get(keyOf(text)) ?? 0) >= minRepeats) return;
      }
      out.push({ text: text.includes("och ") ? text.replace(LOST_HYPHEN, "$1- och ") : text, page: p + 1 });
    });
  });
  return joinHyphens(out);
}

/** The first lines of the first page, before noise removal: where a record says what it is. */
export function headerLines(pages: string[], max = 40): string[] {
  const first = splitPages(pages)[0] ?? "";
  const out: string[] = [];
  for (const raw of first.split(/\r?\n/)) {
    const line = cleanLine(raw);
    if (line && !NOISE.test(line)) out.push(line);
    if (out.length >= max) break;
  }
  return out;
}
