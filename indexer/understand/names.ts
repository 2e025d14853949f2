/**
 * People as records write them: "Name (Party)", "Name, (Party)", "Name, title", "title Name",
 * and the genitive "Erik Johanssons (SD) yrkande". Shared by speakers and attendance.
 */
import type { Person } from "../model.ts";

/** "Anna", "AnneMarie", "Stig-Arne", "O'Neil"; not "HR-chef" or an all-caps word. */
const NAME_TOKEN = /^\p{Lu}[\p{Ll}'’]+(?:\p{Lu}\p{Ll}+)?(?:-\p{Lu}[\p{Ll}'’]+)*$/u;
const PARTICLES = new Set(["af", "von", "van", "de", "der", "den", "la", "le", "du", "da", "di", "bin", "al", "el"]);
const STOP = new Set(
  (
    "Ordförande Ordföranden Ordf Vice Ledamoten Ledamöterna Ledamot Ledamöter Ersättaren Ersättare Tjänstgörande " +
    "Även Och Samt Men Då Där Efter Enligt I Med Mot Från Av Till För Om Vid Under Yrkande Yrkanden Beslut " +
    "Reservation Reservationer Protokollsanteckning Protokollsanteckningar Ja Nej Härefter Sedan Kommunalråd " +
    "Kommunalrådet Oppositionsråd Oppositionsrådet Gruppledare Gruppledaren Motionären Nämnden Nämndens Partigrupp " +
    "Förste Andre Överläggning Särskilt Bifall Avslag Beslutande Närvarande Övriga Justerare Sekreterare Justerande " +
    "Utses Att Det Den De Vi Han Hon Förvaltningen Kommunstyrelsen Kommunfullmäktige Styrelsen Ledamöterna Förslag " +
    "Tilläggsyrkande Ändringsyrkande Utbildningsdirektör Förvaltningschef Kommundirektör Ordförandens Votering Omröstning"
  ).split(" "),
);
const LOWER_PARTIES = new Set([
  "s",
  "m",
  "c",
  "v",
  "kd",
  "l",
  "fp",
  "mp",
  "sd",
  "dp",
  "hp",
  "med",
  "spi",
  "pp",
  "fi",
  "kv",
  "vl",
  "sp",
]);
/** A bracketed party after a name, with an optional comma before it ("Frida Andersson, (MP)"). */
export const PARTY = /,?\s*\((?:f\.d\.\s*)?([A-Za-zÅÄÖåäö]{1,5})\)/gu;
const GENITIVE_NOUN =
  /^\s*(?:yrkande|förslag|tilläggsyrkande|ändringsyrkande|motion|reservation|protokollsanteckning|ändringsförslag|tilläggsförslag)/i;

/** "(s)" and "(mp)" in older records mean S and MP; unknown lower-case words are not parties. */
export function normalizeParty(raw: string): string | null {
  if (raw === raw.toLowerCase()) return LOWER_PARTIES.has(raw) ? raw.toUpperCase() : null;
  if (/^\p{Lu}{1,5}$/u.test(raw)) return raw;
  return LOWER_PARTIES.has(raw.toLowerCase()) ? raw.toUpperCase() : null;
}

/** The name written right before `end` in `text`: up to four capitalised words, particles inside. */
export function nameBefore(text: string, end: number): string | null {
  const words = text
    .slice(Math.max(0, end - 90), end)
    .trimEnd()
    .split(/\s+/);
  const name: string[] = [];
  for (let i = words.length - 1; i >= 0 && name.length < 5; i--) {
    const w = (words[i] ?? "").replace(/^[("“”']+/, "");
    if (NAME_TOKEN.test(w) && !STOP.has(w)) name.unshift(w);
    else if (PARTICLES.has(w) && name.length > 0) name.unshift(w);
    else break;
    if (/^[("“”']/.test(words[i] ?? "")) break;
  }
  while (name.length > 0 && PARTICLES.has(name[0] ?? "")) name.shift();
  return name.length >= 2 ? name.join(" ") : null;
}

export interface Mention {
  person: Person;
  index: number;
  end: number;
}

/** Every "Name (Party)" in a text, the genitive form reduced to the name. */
export function partyMentions(text: string): Mention[] {
  const out: Mention[] = [];
  for (const m of text.matchAll(PARTY)) {
    const party = normalizeParty(m[1] ?? "");
    const index = m.index ?? 0;
    if (!party) continue;
    let name = nameBefore(text, index);
    if (!name) continue;
    const after = text.slice(index + m[0].length, index + m[0].length + 40);
    if (/s$/.test(name) && GENITIVE_NOUN.test(after)) name = name.slice(0, -1);
    out.push({ person: { name, party, role: null }, index: index - name.length, end: index + m[0].length });
  }
  return out;
}

/** Add a person unless the same name and party is already listed: party is part of identity. */
export function addPerson(list: Person[], p: Person): void {
  const same = list.find((q) => q.name === p.name && (q.party === p.party || q.party === null || p.party === null));
  if (!same) list.push(p);
  else {
    if (!same.party && p.party) same.party = p.party;
    if (!same.role && p.role) same.role = p.role;
  }
}

export function isNameToken(word: string): boolean {
  return NAME_TOKEN.test(word) && !STOP.has(word);
}
