/**
 * Who spoke, moved, reserved themselves or entered a protokollsanteckning in one paragraph.
 * Voters listed under Omröstning/Votering are not speakers.
 */
import type { Person } from "../model.ts";
import { addPerson, isNameToken, nameBefore, normalizeParty, partyMentions } from "./names.ts";

const SPEAKS = /\b(?:yttrar sig|yttrade sig|har yttrat sig)\b/i;
const MOVES =
  /\b(?:yrka[rd]?|yrkande[nt]?|yrkandet|tilläggsyrkande[nt]?|ändringsyrkande[nt]?|föreslår|tillstyrker|instämmer|instämmande)\b/i;
const RESERVES = /\breserv(?:erar|erade|ation(?:er)?)\b/i;
const NOTES = /\bprotokollsanteckning(?:ar)?\b/i;
const VOTE_START =
  /^(?:omröstning|votering|omröstningsresultat|voteringsresultat|ja-röster|nej-röster|ja:|nej:|avstår|avstod|följande röstar)|\b(?:ja-röst|nej-röst|röstar ja|röstar nej)/i;
const VOTE_END =
  /^(?:reservation|protokollsanteckning|särskilt yttrande|beslut|.{0,60}s beslut|jäv|beslutet expedieras|paragrafen|yrkande|propositionsordning|beslutsgång|överläggning|sammanfattning)/i;
const POLITICAL_TITLE =
  /\b(Ordförande(?:n)?|Vice ordförande(?:n)?)\s+(\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+){1,2})(?![\p{L}-]|\s*,?\s*\()/gu;

/** The paragraph text without voting lists, so voters never count as speakers. */
function withoutVotes(text: string): string {
  const out: string[] = [];
  let voting = false;
  for (const line of text.split("\n")) {
    if (VOTE_START.test(line)) voting = true;
    else if (voting && VOTE_END.test(line)) voting = false;
    if (!voting) out.push(line);
  }
  return out.join("\n");
}

/** Sentences, not split at "f.d." or "bl.a."; blank lines end a sentence too. */
export function sentences(text: string): string[] {
  return text
    .split(/\n\s*\n|(?<=[^.\s]{2}[.!?])\s+(?=[\p{Lu}"”])/u)
    .map((s) => s.replace(/\s+/g, " ").trim())
    .filter(Boolean);
}

/** "A (S), B (M), C, säkerhetschef och D (MP)" → people with party or role. */
export function parseList(list: string): Person[] {
  const people: Person[] = [];
  const items = list.split(/\s*,\s*|\s+och\s+|\s+samt\s+/);
  let last: Person | null = null;
  for (const raw of items) {
    const item = raw.trim().replace(/[.;:]+$/, "");
    if (!item) continue;
    const party = /^\((?:f\.d\.\s*)?([A-Za-zÅÄÖåäö]{1,5})\)$/.exec(item);
    if (party && last) {
      last.party = last.party ?? normalizeParty(party[1] ?? "");
      continue;
    }
    const mention = partyMentions(item)[0];
    if (mention) {
      last = { ...mention.person };
      people.push(last);
      continue;
    }
    const words = item.split(/\s+/);
    const firstName = words.findIndex((w) => isNameToken(w));
    const name = firstName >= 0 ? nameBefore(item, item.length) : null;
    if (name && item.endsWith(name)) {
      const title = item.slice(0, item.length - name.length).trim();
      last = { name, party: null, role: title && /^\p{Ll}/u.test(title) ? title : null };
      people.push(last);
    } else if (/^\p{Ll}[\p{L}\s-]*$/u.test(item) && last && !last.party && !last.role) {
      last.role = item;
    }
  }
  return people;
}

/** Blocks (split at blank lines) that contain a keyword, cut into sentences: most text never needs splitting. */
function sentencesWith(text: string, keyword: RegExp): string[] {
  return text
    .split(/\n\s*\n/)
    .filter((b) => keyword.test(b))
    .flatMap(sentences);
}

const ANY_SPEECH = /yttra|yrka|yrkande|föreslår|tillstyrk|instäm/i;

/** People who speak or make a motion. */
export function findSpeakers(text: string): Person[] {
  const people: Person[] = [];
  if (!ANY_SPEECH.test(text)) return people;
  for (const s of sentencesWith(withoutVotes(text), ANY_SPEECH)) {
    const speak = SPEAKS.exec(s);
    if (speak) {
      for (const p of parseList(s.slice((speak.index ?? 0) + speak[0].length))) addPerson(people, p);
      for (const m of partyMentions(s.slice(0, speak.index))) addPerson(people, m.person);
      continue;
    }
    if (!MOVES.test(s) || RESERVES.test(s) || NOTES.test(s)) continue;
    const found: Array<{ index: number; person: Person }> = partyMentions(s).map((m) => ({
      index: m.index,
      person: m.person,
    }));
    for (const m of s.matchAll(POLITICAL_TITLE)) {
      found.push({
        index: m.index ?? 0,
        person: { name: m[2] ?? "", party: null, role: (m[1] ?? "").toLowerCase().replace(/n$/, "") },
      });
    }
    found.sort((a, b) => a.index - b.index);
    for (const f of found) addPerson(people, f.person);
  }
  return people;
}

/** People named before the point where a reservation or note turns to what it is about. */
function namedIn(text: string, keyword: RegExp): Person[] {
  const people: Person[] = [];
  if (!keyword.test(text)) return people;
  for (const s of sentencesWith(text, keyword)) {
    if (!keyword.test(s)) continue;
    const at = keyword.exec(s)?.index ?? 0;
    const cut = /\btill förmån\b|\bmot\b|\bse bilaga\b|:|\bangående\b|\bom att\b/i.exec(s.slice(at));
    for (const m of partyMentions(cut ? s.slice(0, at + cut.index) : s)) addPerson(people, m.person);
  }
  return people;
}

/** People who enter a reservation ("X (SD) reserverar sig", "reservation från X (V)"). */
export function findReservations(text: string): Person[] {
  return namedIn(text, RESERVES);
}

/** People who enter a protokollsanteckning. */
export function findNotes(text: string): Person[] {
  return namedIn(text, NOTES);
}
