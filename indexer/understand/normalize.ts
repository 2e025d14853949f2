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
  /^(?:sida:? \d+(?: ?(?:av|\/|\() ?\d+\)?)?|\d{1,3} ?\(\d{1,3}\)|\d{1,3} ?av ?\d{1,3}|forts(?:\.|ättning)? ?§ ?\d+\.?|§ ?\d+ ?\(?forts(?:\.|ättning)?\)?|signerat? .*bankid.*)$/i;
/** The fields of a protokoll's footer: signature boxes, the extract's certification, "Sida". */
const SIGN_FIELD = String.raw`(?:(?:justerandes?|justerares|ordförandes?|sekreterarens?)\s*sign(?:atur|\.)?|utdragsbestyrkande|sida:?)`;
/** A page number as footers write it: "6", "6 av 8", "6/8", "6 (8)". */
const PAGE_NUMBER = String.raw`\d{1,3}(?:\s*(?:av|\/)\s*\d{1,3}|\s*\(\s*\d{1,3}\s*\))?`;
/**
 * A footer line made of signature fields and a page number only, however the text layer spaced or
 * glued them: "Justerandes sign Utdragsbestyrkande 3 (20)", "Justerandes sign1", "Justerandes signSida 1 av 1".
 */
const FOOTER = new RegExp(
  String.raw`^(?:${SIGN_FIELD}\s*)+(?:${PAGE_NUMBER})?$|^${PAGE_NUMBER}\s*(?:${SIGN_FIELD}\s*)+$`,
  "i",
);
/**
 * A line that ends one page in a flattened text: the footer every page of a protokoll carries, with
 * a signature field and the certification or a page number ("Justerandes sign Sida 6 av 8"), or a
 * page number right under a signature field. A "Sida 6 av 8" alone may stand in the page's header.
 */
function isPageEnd(line: string, previous: string): boolean {
  const text = line.trim();
  if (!FOOTER.test(text)) return false;
  if (/sign|utdragsbestyrkande/i.test(text)) return /utdragsbestyrkande|\d/i.test(text);
  return /\d/.test(text) && /sign(?:atur|\.)?$/i.test(previous.trim());
}
/**
 * A running header's first line: the municipality or region in capitals, perhaps followed by the
 * kind of record, body and date ("HÄSTHOLMEN KOMMUN SAMMANTRÄDESPROTOKOLL Vård- och omsorgsnämnden
 * 2009-01-12"), or the kind alone in capitals.
 */
const RUNNING_HEADER =
  /^(?:REGION \p{Lu}[\p{Lu} -]*|\p{Lu}[\p{Lu} -]*? (?:KOMMUN|STAD|LANDSTING))(?: .*)?$|^(?:(?:UTDRAG UR )?(?:SAMMANTRÄDES)?PROTOKOLL?|PROTOKOLLSUTDRAG|UTDRAG UR SAMMANTRÄDE\p{Lu}*|KALLELSE|FÖREDRAGNINGSLISTA)(?: .*)?$/u;
/** What may follow a running header's first line: the rest of the kind, the body, the date. */
const HEADER_TAIL = /^(?!§|.*[.!?:;]$)\S+(?: \S+){0,4}$/;
const BARE_NUMBER = /^[-–]?\s*\d{1,3}\s*[-–]?$/;
const EDGE = 6;
/** Section headings recur on many pages but are content, never furniture. */
const SECTION =
  /^(?:beslut|sammanfattning|ärendet|bakgrund|beslutsunderlag|yrkanden?|överläggning|propositionsordning|beslutsgång|reservation|protokollsanteckning|förslag till beslut|ärendebeskrivning|.{0,50}s beslut)$/i;
/** "Barnoch utbildningsnämnden", "planoch bygglag": the text layer lost "- " of a compound (no Swedish word ends in "och"). */
const LOST_HYPHEN = /\b(\p{Lu}\p{Ll}+)och (?=\p{Ll}+(?:nämnd|förvaltning|styrelse))|\b(\p{Ll}{3,})och (?=\p{Ll}{3,})/gu;
const HEADING_LIKE = /^§|(?:\/|:)(?:19|20)\d\d|(?:19|20)\d\d[/:]\d/;

/** "3/12" as a page number, never "161/05" (a diarienummer: 161 cannot be a page of 5). */
function isPageOf(text: string): boolean {
  const m = /^(\d{1,3}) ?\/ ?(\d{1,3})$/.exec(text);
  return m !== null && Number(m[1]) <= Number(m[2]);
}

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
  let previous = "";
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (isPageEnd(line, previous)) {
      out.push(lines.slice(start, i + 1).join("\n"));
      start = i + 1;
    }
    if (line.trim()) previous = line;
  }
  if (out.length < 2) return [text];
  out.push(lines.slice(start).join("\n"));
  return out;
}

/** Page numbers vary from page to page; case numbers and years do not make two lines the same. */
const keyOf = (s: string) => s.toLowerCase().replace(/(?<!\d)\d{1,3}(?!\d)/g, "#");

/** Join a word broken at a line end ("sti-" + "mulans"), keeping "Barn-" + "och" as written. */
function joinHyphens(lines: Line[]): Line[] {
  const out: Line[] = [];
  for (let i = 0; i < lines.length; i++) {
    const cur = lines[i] as Line;
    const next = lines[i + 1];
    if (!cur.text.endsWith("-") || !next || next.page !== cur.page) {
      out.push(cur);
      continue;
    }
    // "Lars-" + "Göran Dahlberg (MP)": a double first name broken at the line end.
    if (/(?:^|\s)\p{Lu}\p{Ll}+-$/u.test(cur.text) && /^\p{Lu}\p{Ll}+ \p{Lu}/u.test(next.text)) {
      lines[i + 1] = { text: cur.text + next.text, page: next.page };
      continue;
    }
    if (/\p{Ll}-$/u.test(cur.text) && /^\p{Ll}/u.test(next.text)) {
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
  const noise = (text: string) => text.length < 90 && (NOISE.test(text) || FOOTER.test(text) || isPageOf(text));
  const edges = split.map((lines) => edgeIndexes(lines, noise));
  const counts = new Map<string, number>();
  for (const [p, lines] of split.entries()) {
    const keys = new Set((edges[p] ?? []).map((i) => keyOf(lines[i] ?? "")));
    for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const minRepeats = Math.max(2, Math.ceil(split.length * 0.3));
  const furniture = (text: string) =>
    BARE_NUMBER.test(text) ||
    (!(/[.!?]$/.test(text) && text.split(" ").length >= 3) &&
      !HEADING_LIKE.test(text) &&
      !SECTION.test(text) &&
      !/^(?:dnr|diarienummer)\b/i.test(text) &&
      (counts.get(keyOf(text)) ?? 0) >= minRepeats);
  const out: Line[] = [];
  split.forEach((lines, p) => {
    const drop = runningLines(lines, edges[p] ?? [], split.length > 1 ? furniture : () => false, p === 0);
    lines.forEach((text, i) => {
      if (!text) out.push({ text, page: p + 1 });
      else if (!noise(text) && !drop.has(i))
        out.push({
          text: text.includes("och ")
            ? text.replace(LOST_HYPHEN, (_m, a?: string, b?: string) => `${a ?? b}- och `)
            : text,
          page: p + 1,
        });
    });
  });
  return joinHyphens(out);
}

/** The first and last few filled lines of a page, page furniture (noise) skipped. */
function edgeIndexes(lines: string[], noise: (t: string) => boolean): number[] {
  const filled = lines.flatMap((l, i) => (l && !noise(l) ? [i] : []));
  if (filled.length <= EDGE * 2) return filled;
  return [...filled.slice(0, EDGE), ...filled.slice(-EDGE)];
}

/**
 * The running header and footer of one page: the lines repeated across pages, read inward from
 * each edge and stopping at the first line of content, so a line that merely recurs in the
 * text ("Beslut", a decision repeated on two pages) is never taken for furniture. A header in
 * its usual shape goes even on a page of its own (a text layer may put it at the page's foot,
 * with its body and date below it), but never from the top of the first page, where it says what
 * the record is.
 */
function runningLines(lines: string[], edge: number[], furniture: (t: string) => boolean, first: boolean): Set<number> {
  const drop = new Set<number>();
  let content = -1;
  for (const i of edge.slice(0, EDGE)) {
    const text = lines[i] ?? "";
    content = i;
    if (!furniture(text) && (first || !RUNNING_HEADER.test(text))) break;
    drop.add(i);
  }
  // From the foot up, never past the page's first line of content (a short page is all edge).
  let tail: number[] = [];
  for (const i of edge.slice(-EDGE).reverse()) {
    if (i <= content && !drop.has(i)) break;
    const text = lines[i] ?? "";
    if (RUNNING_HEADER.test(text) || (tail.length === 0 && furniture(text))) {
      for (const t of [...tail, i]) drop.add(t);
      tail = [];
    } else if (tail.length < 5 && (HEADER_TAIL.test(text) || furniture(text))) tail.push(i);
    else break;
  }
  return drop;
}

/** The first lines of the first page, before noise removal: where a record says what it is. */
export function headerLines(pages: string[], max = 40): string[] {
  const first = splitPages(pages)[0] ?? "";
  const out: string[] = [];
  for (const raw of first.split(/\r?\n/)) {
    const line = cleanLine(raw);
    if (line && !NOISE.test(line) && !FOOTER.test(line)) out.push(line);
    if (out.length >= max) break;
  }
  return out;
}
