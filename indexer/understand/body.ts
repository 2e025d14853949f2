/**
 * The body (nämnd, beredning, utskott, fullmäktige, styrelse) a record belongs to, as written.
 * A förvaltning is not a body: "Kommunstyrelsens förvaltning" wrote a staff report, it did not
 * decide anything, so a tjänsteutlåtande has the body it is addressed to, or none.
 */
import type { RecordType } from "../model.ts";

const KIND = "(?:nämnd|beredning|utskott|fullmäktige|styrelse|direktion|(?<=s|hälso)råd)";
/**
 * "Barn- och utbildningsnämnden", "Trygghets- och delaktighetsberedning", "Kommunstyrelsens
 * arbetsutskott", "Kommunfullmäktige", "Tekniska nämnden". Group 1 is the body.
 */
const BODY = new RegExp(
  String.raw`(?<![\p{L}-])((?:\p{Lu}\p{L}*(?:s|la|ska)\s+)?(?:\p{L}+-\s(?:och|&)\s)?\p{L}*${KIND}(?:ens|en|ets|et|ns|n|s)?)(?![\p{L}-])`,
  "gu",
);
const BAD_START = /^(?:till|för|av|om|i|och|enligt|samt|se|den|det|vid|inför|från|beredningen av|nämnd)\b/i;
/** What may follow a body written in the genitive for the body itself to be meant. */
const GENITIVE_OF = /^\s*(?:sammanträde|protokoll|protokollsutdrag|kallelse|föredragningslista|möte|beslut)/i;
const GENITIVE_END = /(?:nämndens|beredningens|direktionens|styrelsens|utskottets|utskotts|fullmäktiges|rådets)$/iu;

function fromGenitive(word: string): string {
  return word
    .replace(/(nämnd|beredning|direktion)ens$/u, "$1en")
    .replace(/(styrelse)ns$/u, "$1n")
    .replace(/(utskott)e?ts$/u, "$1et")
    .replace(/(arbetsutskott|utskott)s$/u, "$1")
    .replace(/fullmäktiges$/u, "fullmäktige")
    .replace(/(råd)ets$/u, "$1et");
}

/** Tidy one match: a leading genitive belongs ("Kommunstyrelsens arbetsutskott"), a trailing one does not. */
function tidy(raw: string): string | null {
  let text = raw.trim();
  const words = text.split(/\s+/);
  const head = words[0] ?? "";
  if (words.length > 1 && !new RegExp(`${KIND}`, "u").test(words.slice(1).join(" "))) return null;
  if (BAD_START.test(text) || !/^\p{Lu}/u.test(head)) {
    const m = /\p{Lu}[\s\S]*$/u.exec(text);
    if (!m) return null;
    text = m[0];
  }
  return fromGenitive(text);
}

/**
 * The body named in a line, e.g. "JÖNKÖPINGS KOMMUN Barn- och utbildningsnämnden". A body in the
 * genitive counts only before "protokoll", "sammanträde" and the like: "Kommunstyrelsens
 * förvaltning" names an office.
 */
export function findBodyIn(line: string): string | null {
  for (const m of line.matchAll(BODY)) {
    const raw = m[1] ?? "";
    if (GENITIVE_END.test(raw) && !GENITIVE_OF.test(line.slice((m.index ?? 0) + m[0].length))) continue;
    const body = tidy(raw);
    if (body && /^\p{Lu}/u.test(body) && !/^(?:Nämnden|Styrelsen|Utskottet|Beredningen)$/u.test(body)) return body;
  }
  return null;
}

/**
 * Header lines as a body can be read from them: a body broken over two lines ("... med Miljö- och"
 * / "hälsoskyddsnämnden") joined, a line in capitals ("SOCIALNÄMNDEN") and "sammanträde med
 * socialnämnden" written as the name is.
 */
function joined(header: string[]): string[] {
  return header.map((line, i) => {
    const next = header[i + 1] ?? "";
    const whole = /^\p{Ll}/u.test(next) && /(?:s|-|och)$/u.test(line) ? `${line} ${next}` : line;
    if (/\p{Lu}{4}/u.test(whole) && whole === whole.toUpperCase()) {
      // "TEKNISKA NÄMNDEN" is "Tekniska nämnden": a kind word after the first is written in lower case.
      return (
        whole
          .replace(/\p{Lu}+/gu, (w) => w.charAt(0) + w.slice(1).toLowerCase())
          .replace(
            /(?<=\s)(?:Och|Nämnd|Styrelse|Beredning|Utskott|Fullmäktige|Direktion|Råd)(?=\p{Ll}*(?![\p{L}-]))/gu,
            (w) => w.toLowerCase(),
          )
          // ... and so is a compound one after a genitive or "och": "Barn- och utbildningsnämnden".
          .replace(
            /(?<=(?:s|\soch)\s)\p{Lu}(?=\p{Ll}*(?:nämnd|styrelse|beredning|utskott|fullmäktige|direktion|råd|kommun|region)\p{Ll}*(?![\p{L}-]))/gu,
            (c) => c.toLowerCase(),
          )
      );
    }
    return whole.replace(
      /(sammanträde med |möte med )(\p{Ll})/u,
      (_m, lead: string, c: string) => lead + c.toUpperCase(),
    );
  });
}

const RECIPIENT =
  /^(?:till|ärendet ska behandlas av|ska behandlas av|mottagare|beslutsinstans|beslutande organ|organ|nämnd|instans|för beslut i|beslut fattas av)\b[:\s]*(.*)$/i;

/** A tjänsteutlåtande's body: the one it is addressed to, labelled or on a line of its own. */
function recipient(header: string[]): string | null {
  for (let i = 0; i < header.length; i++) {
    const m = RECIPIENT.exec(header[i] ?? "");
    if (!m) continue;
    const body = findBodyIn(m[1]?.trim() || (header[i + 1] ?? ""));
    if (body) return body;
  }
  for (const line of header.slice(0, 12)) {
    const body = findBodyIn(line);
    if (body && body === line.trim()) return body;
  }
  return null;
}

/**
 * The body of a record from its header: an "Organ"/"Nämnd" label wins, then the first header
 * line naming one. Header lines only, so a body merely mentioned in the text is not taken.
 */
export function detectBody(header: string[], type: RecordType = "protokoll"): string | null {
  if (type === "bilaga") return null;
  const lines = joined(header);
  if (type === "tjansteutlatande") return recipient(lines);
  for (const line of lines) {
    const labelled = /^(?:organ|nämnd|instans|beslutande organ)[:\s]+(.+)$/i.exec(line);
    const body = labelled ? findBodyIn(labelled[1] ?? "") : null;
    if (body) return body;
  }
  for (const line of lines.slice(0, 12)) {
    if (/^(?:beslutande|övriga|närvarande|ledamöter)\b/i.test(line)) continue;
    const body = findBodyIn(line);
    if (body) return body;
  }
  return null;
}

/** "Trygghets- och delaktighetsberedningens" → "Trygghets- och delaktighetsberedningen". */
export function bodyFromGenitive(text: string): string | null {
  // "till kommunstyrelsens protokoll": running text writes the body in lower case.
  const capitalised = text.trim().replace(/^(?:till\s+)?(\p{Ll})/u, (_m, first: string) => first.toUpperCase());
  for (const m of capitalised.matchAll(BODY)) {
    const body = tidy(m[1] ?? "");
    if (body && /^\p{Lu}/u.test(body)) return fromGenitive(body);
  }
  return null;
}
