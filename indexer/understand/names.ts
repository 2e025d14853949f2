/**
 * People as records write them: "Name (Party)", "Name, (Party)", "Name, title", "title Name",
 * "Ordförande Name (Party)" and the genitive "Erik Johanssons (SD) yrkande". Shared by
 * speakers and attendance.
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
    "Tilläggsyrkande Ändringsyrkande Utbildningsdirektör Förvaltningschef Kommundirektör Ordförandens Votering Omröstning " +
    "Debatt Propositionsordning Beslutsgång Proposition Informationsärenden Övrigt Ärendet Sammanfattning Vidare " +
    "Därefter Slutligen Dessutom Jäv Deltar Deltog Närvarade Ersätter Tjänstgör Yttrande Rapport Information " +
    "Vice Tjänstemän Tjänstepersoner Deltagare Anmälan"
  ).split(" "),
);
/** A title written capitalised at the start of a line or sentence: "Kostchef", "Förvaltningschef", "Nämndsekreterare". */
const TITLE_WORD =
  /^\p{Ll}*(?:chef|direktör|sekreterare|ansvarig|strateg|controller|samordnare|handläggare|planerare|arkitekt|jurist|ingenjör|ledare|utvecklare|rektor|läkare|sköterska|assistent|analytiker|konsult|inspektör|utredare|ekonom|registrator|förvaltare|specialist|pedagog|kurator|psykolog|administratör|tekniker|revisor|statistiker|handledare|kommunikatör|lärare|lärarna|råd|rådet|ombudsman)(?:er|erna|arna|na|n)?$/u;
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
/**
 * A bracketed party after a name, with an optional comma before it ("Frida Andersson, (MP)"),
 * and "(f.d. M)" for a member who has left the party. Group 1: "f.d.", group 2: the party.
 */
export const PARTY = /,?\s*\((f\.\s?d\.?\s*)?([A-Za-zÅÄÖåäö]{1,5})\)/gu;
const GENITIVE_NOUN =
  /^\s*(?:yrkande|förslag|tilläggsyrkande|ändringsyrkande|motion|reservation|protokollsanteckning|ändringsförslag|tilläggsförslag|särskilda yttrande)/i;
/** "Ordförande Anna Ek (S) yrkar": a political title written before the name. */
const CHAIR_BEFORE = /(?:^|[\s(])((?:\d:e\s+|förste\s+|andre\s+)?vice\s+ordförande|ordförande)n?\s*$/iu;

/** "(s)" and "(mp)" in older records mean S and MP; unknown lower-case words are not parties. */
export function normalizeParty(raw: string): string | null {
  if (raw === raw.toLowerCase()) return LOWER_PARTIES.has(raw) ? raw.toUpperCase() : null;
  if (/^\p{Lu}{1,5}$/u.test(raw)) return raw;
  return LOWER_PARTIES.has(raw.toLowerCase()) ? raw.toUpperCase() : null;
}

/**
 * The party of one bracket match. "(f.d. M)" stays "f.d. M": the member has left M, and filing
 * them under M would credit the party with what an independent said.
 */
export function partyOf(m: RegExpMatchArray): string | null {
  const party = normalizeParty(m[2] ?? "");
  return party && m[1] ? `f.d. ${party}` : party;
}

/** A capitalised word that is a title, not a name ("Kostchef Lina Ek"). */
export function isTitleWord(word: string): boolean {
  return /^\p{Lu}/u.test(word) && TITLE_WORD.test(word.toLowerCase());
}

/** The name written right before `end` in `text`: up to four capitalised words, particles inside. */
export function nameBefore(text: string, end: number): string | null {
  const words = text
    .slice(Math.max(0, end - 90), end)
    .trimEnd()
    .split(/(?=\n)|[ \t]+/);
  const name: string[] = [];
  for (let i = words.length - 1; i >= 0 && name.length < 5; i--) {
    const raw = words[i] ?? "";
    const w = raw.trim().replace(/^[("“”']+/, "");
    if (NAME_TOKEN.test(w) && !STOP.has(w) && !isTitleWord(w)) name.unshift(w);
    else if (PARTICLES.has(w) && name.length > 0) name.unshift(w);
    else break;
    if (/^[("“”']/.test(raw.trim())) break;
    // A name wraps onto a new line ("Astrid\nLundberg (SD)"), but two words on a line make a name of their own.
    if (raw.startsWith("\n") && name.length >= 2) break;
  }
  while (name.length > 0 && PARTICLES.has(name[0] ?? "")) name.shift();
  return name.length >= 2 ? name.join(" ") : null;
}

/** Where the last `n` words before `end` begin. */
function startOfWords(text: string, end: number, n: number): number {
  let i = end;
  for (let k = 0; k < n; k++) {
    while (i > 0 && /\s/.test(text[i - 1] ?? "")) i--;
    while (i > 0 && !/\s/.test(text[i - 1] ?? "")) i--;
  }
  return i;
}

export interface Mention {
  person: Person;
  index: number;
  end: number;
}

/** Every "Name (Party)" in a text, the genitive form reduced to the name and a chair's title kept. */
export function partyMentions(text: string): Mention[] {
  const out: Mention[] = [];
  for (const m of text.matchAll(PARTY)) {
    const party = partyOf(m);
    const index = m.index ?? 0;
    if (!party) continue;
    let name = nameBefore(text, index);
    if (!name) continue;
    const start = startOfWords(text, index, name.split(" ").length);
    const after = text.slice(index + m[0].length, index + m[0].length + 40);
    if (/s$/.test(name) && GENITIVE_NOUN.test(after)) name = name.slice(0, -1);
    const before = text.slice(Math.max(0, start - 40), start);
    const chair = CHAIR_BEFORE.exec(before);
    // "Anna Ek (S), ordförande Bo Lund (M)": the title closes the previous entry.
    const own = chair && !/\)[\s,]*$/.test(before.slice(0, chair.index + 1));
    const role = own ? (chair[1] ?? "").toLowerCase().replace(/\s+/g, " ") : null;
    out.push({ person: { name, party, role }, index: start, end: index + m[0].length });
  }
  return out;
}

/**
 * Add a person unless the same name and party is already listed: party is part of identity, and
 * an official ("Jan Ek, säkerhetschef") is not the politician "Jan Ek (KD)". A person is listed as
 * first written; `fillRole` lets a later mention add a missing role (attendance lists, where the
 * role is the meeting's, not the sentence's).
 */
export function addPerson(list: Person[], p: Person, fillRole = false): void {
  const same = list.find(
    (q) =>
      q.name === p.name &&
      (q.party === p.party || (q.party === null && q.role === null) || (p.party === null && p.role === null)),
  );
  if (!same) list.push(p);
  else {
    if (!same.party && p.party) same.party = p.party;
    if (fillRole && !same.role && p.role) same.role = p.role;
  }
}

export function isNameToken(word: string): boolean {
  return NAME_TOKEN.test(word) && !STOP.has(word);
}

/**
 * One official written as "Name, title", "Name title" or "title Name" ("verksamhetschef förskola
 * Johan Ek", "Kostchef Lina Ek"). The title keeps its written case except a capital that only
 * starts the line.
 */
export function parseOfficial(segment: string): Person | null {
  const text = segment.replace(/\s+/g, " ").trim();
  const name = nameBefore(text, text.length);
  if (name && text.endsWith(name)) {
    const title = text
      .slice(0, text.length - name.length)
      .replace(/[,:]\s*$/, "")
      .trim();
    return { name, party: null, role: title ? lowerTitle(title) : null };
  }
  const comma = /^([^,]+),\s*(.+)$/.exec(text);
  const head = comma ? (comma[1] ?? "") : text;
  const lead = nameBefore(head, head.length);
  if (!lead || !head.startsWith(lead)) return null;
  const rest = (comma ? (comma[2] ?? "") : head.slice(lead.length)).trim();
  return { name: lead, party: null, role: rest && /^\p{L}/u.test(rest) ? lowerTitle(rest) : null };
}

/** "Kostchef" at a line start is "kostchef"; "HR-chef" and "IT-strateg" keep their capitals. */
export function lowerTitle(title: string): string {
  return title.replace(/^\p{Lu}(?=\p{Ll})/u, (c) => c.toLowerCase());
}
