/**
 * What kind of record a file is, read from its header: the words deep in a protokoll
 * ("enligt tjänsteutlåtande ...") say nothing about the protokoll itself.
 */
import type { RecordType } from "../model.ts";

const HEADER_LINES = 14;
const RATT_UTDRAGET = /\brätt utdraget (?:betygar|intygar|bestyrkes)\b/i;

const KINDS: Array<[RegExp, RecordType]> = [
  [/\b(?:protokollsutdrag|utdrag)\b/i, "protokollsutdrag"],
  [/\b(?:sammanträdesprotokoll|protokoll|justeringsprotokoll|mötesprotokoll)\b/i, "protokoll"],
  [/\btjänste(?:utlåtande|skrivelse|yttrande|PM)\b/i, "tjansteutlatande"],
  [/\b(?:kallelse|föredragningslista|dagordning|ärendelista)\b/i, "kallelse"],
];

/** Words that only a protokoll carries in its header, for records whose first line is just the body. */
const PROTOCOL_SIGNS =
  /^(?:sammanträdesdatum|paragraf(?:er)?\b|§\s?\d|beslutande\b|justerare\b|utses att justera|justeringens plats)/i;

/**
 * The record type from the header lines alone: the first kind word wins, "Bilaga" as the
 * first word makes an attachment, and a header with protokoll signs but no kind word is a protokoll.
 */
export function detectType(header: string[], fullText: string): RecordType {
  const first = header[0] ?? "";
  if (/^bilaga\b/i.test(first)) return "bilaga";
  // A running page header ("Älvsnäs kommun") may come before the heading in reading order.
  if (header.slice(1, 3).some((l) => /^bilaga\s+\d+(?:\.\d+)?\s*$/i.test(l))) return "bilaga";
  const lines = header.slice(0, HEADER_LINES);
  for (const line of lines) {
    if (/^(?:paragraf\s+)?§\s?\d/i.test(line)) break;
    if (line.length > 90) continue;
    if (/^bilaga\s+\d/i.test(line) && /\btill\b/i.test(line)) return "bilaga";
    if (/^utdragsbestyrkande$/i.test(line)) continue;
    for (const [re, type] of KINDS) {
      if (!re.test(line) || /^(?:godkännande av|fastställande av) dagordning/i.test(line)) continue;
      if (type === "protokoll" && RATT_UTDRAGET.test(fullText)) return "protokollsutdrag";
      return type;
    }
  }
  if (RATT_UTDRAGET.test(fullText)) return "protokollsutdrag";
  if (lines.some((l) => PROTOCOL_SIGNS.test(l))) return "protokoll";
  return "ovrigt";
}
