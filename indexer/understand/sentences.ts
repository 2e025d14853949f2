/**
 * Sentences of a paragraph as the people finders need them. Text layers drop the blank line
 * between a section heading and its text ("Yrkanden" / "Anna Ek (S) yrkar ..."), so a short
 * line without closing punctuation right after a finished sentence stands on its own.
 */

const HEADING_LINE = /^\p{Lu}[^.!?:;,()]{0,48}$/u;
/** Section headings end what came before even when the text layer lost the full stop. */
const SECTION =
  /^(?:§.*|sammanfattning(?: av ärendet)?|beskrivning av ärendet|ärendebeskrivning|ärendet|bakgrund|beslutsunderlag|handlingar|förslag till beslut|beslut|yrkanden?|överläggning|debatt|propositionsordning|beslutsgång|proposition|omröstning|votering|reservationer?|protokollsanteckningar?|särskilda? yttranden?|jäv|ajournering|.{0,50}s beslut)$/iu;
const SPLIT = /(?<=[^.\s]{2}[.!?][”"’]?)\s+(?=[\p{Lu}"”])/u;

/** Sentences, not split at "f.d." or "bl.a."; blank lines and headings end a sentence too. */
export function sentences(text: string): string[] {
  const out: string[] = [];
  let buf: string[] = [];
  const flush = () => {
    if (buf.length > 0) for (const s of buf.join(" ").split(SPLIT)) if (s.trim()) out.push(s.trim());
    buf = [];
  };
  for (const raw of text.split("\n")) {
    const line = raw.replace(/\s+/g, " ").trim();
    if (!line) {
      flush();
      continue;
    }
    const prev = buf.at(-1);
    const afterHeading = out.at(-1)?.startsWith("§") === true && buf.length === 0;
    if (
      afterHeading ||
      SECTION.test(line) ||
      ((prev === undefined || /[.!?:]$/.test(prev)) && HEADING_LINE.test(line))
    ) {
      flush();
      out.push(line);
      continue;
    }
    buf.push(line);
  }
  flush();
  return out;
}
