/**
 * The body (nämnd, beredning, utskott, fullmäktige, styrelse) a record belongs to, as written.
 */

const KIND = String.raw`(?:nämnd|beredning|utskott|fullmäktige|styrelse|direktion|råd)`;
/**
 * "Barn- och utbildningsnämnden", "Trygghets- och delaktighetsberedning", "Kommunstyrelsens
 * arbetsutskott", "Kommunfullmäktige". Group 1 is the body; a genitive ending is group 2.
 */
const BODY = new RegExp(
  String.raw`(?<![\p{L}-])((?:\p{Lu}\p{L}*[sa]\s+)?(?:\p{L}+-\s(?:och|&)\s)?\p{L}*${KIND}(?:ens|en|ets|et|ns|n|s)?)(?![\p{L}-])`,
  "gu",
);
const BAD_START = /^(?:till|för|av|om|i|och|enligt|samt|se|den|det|vid|inför|från|beredningen av|nämnd)\b/i;

function fromGenitive(word: string): string {
  return word
    .replace(/(nämnd|beredning|direktion)ens$/u, "$1en")
    .replace(/(styrelse)ns$/u, "$1n")
    .replace(/(utskott)ets$/u, "$1et")
    .replace(/fullmäktiges$/u, "fullmäktige")
    .replace(/(råd)ets$/u, "$1et");
}

/** Tidy one match: a leading genitive belongs ("Kommunstyrelsens arbetsutskott"), a trailing one does not. */
function tidy(raw: string): string | null {
  let text = raw.trim();
  const words = text.split(/\s+/);
  const head = words[0] ?? "";
  // "Kommunstyrelsens arbetsutskott": keep; "Nämndens beslut" never reaches here (no kind word after).
  if (words.length > 1 && !new RegExp(`${KIND}`, "u").test(words.slice(1).join(" "))) return null;
  if (BAD_START.test(text) || !/^\p{Lu}/u.test(head)) {
    const m = /\p{Lu}[\s\S]*$/u.exec(text);
    if (!m) return null;
    text = m[0];
  }
  return fromGenitive(text);
}

/** The body named in a header line, e.g. "JÖNKÖPINGS KOMMUN Barn- och utbildningsnämnden". */
export function findBodyIn(line: string): string | null {
  for (const m of line.matchAll(BODY)) {
    const body = tidy(m[1] ?? "");
    if (body && /^\p{Lu}/u.test(body) && !/^(?:Nämnden|Styrelsen|Utskottet|Beredningen)$/u.test(body)) return body;
  }
  return null;
}

/**
 * The body of a record from its header: an "Organ"/"Nämnd" label wins, then the first header
 * line naming one. Header lines only, so a body merely mentioned in the text is not taken.
 */
export function detectBody(header: string[]): string | null {
  for (const line of header) {
    const labelled = /^(?:organ|nämnd|instans|beslutande organ)[:\s]+(.+)$/i.exec(line);
    const body = labelled ? findBodyIn(labelled[1] ?? "") : null;
    if (body) return body;
  }
  for (const line of header.slice(0, 12)) {
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
  const body = findBodyIn(capitalised);
  return body ? fromGenitive(body) : null;
}
