/**
 * Who spoke, moved, reserved themselves or entered a protokollsanteckning in one paragraph.
 * Voters listed under Omröstning/Votering are not speakers; a member who declares jäv takes
 * no part; a särskilt yttrande is handed in, not spoken, and is not a protokollsanteckning.
 */
import type { Person } from "../model.ts";
import { addPerson, isNameToken, nameBefore, normalizeParty, parseOfficial, partyMentions } from "./names.ts";
import { sentences } from "./sentences.ts";

export { sentences } from "./sentences.ts";

/** Verbs of taking the floor; in "I ärendet yttrar sig A, B och C" the speakers follow the verb. */
const SPEAKS =
  /\b(?:yttrar sig|yttrade sig|har yttrat sig|deltar(?! inte| ej)|deltog(?! inte| ej)|informerar|informerade|redogör|redogjorde|föredrar|föredrog|rapporterar|rapporterade|tar upp|tog upp|ställer (?:en |några )?frågo?r?|frågar|svarar|besvarar|anför|anförde|redovisar|redovisade|presenterar|presenterade|lämnar (?:en )?(?:information|redovisning|rapport|lägesrapport)|kommenterar|berättar|framför|påtalar)\b/i;
const MOVES =
  /\b(?:yrka[rd]?|yrkande[nt]?|yrkandet|tilläggsyrkande[nt]?|ändringsyrkande[nt]?|föreslår|tillstyrker|instämmer|instämmande)\b/i;
const RESERVES = /\breserv(?:erar|erade|ation(?:er)?)\b/i;
const NOTES = /\bprotokollsanteckning(?:ar)?\b/i;
/** Sentences about something else than speaking: jäv, a särskilt yttrande, who checks the minutes. */
const NOT_SPEECH = /\bjäv\b|\bsärskil(?:t|da) yttrande|\batt justera\b|\bjusterare\b/i;
const VOTE_START =
  /^(?:omröstning|votering|omröstningsresultat|voteringsresultat|ja-röster|nej-röster|ja:|nej:|avstår|avstod|följande röstar|ledamot\s+ja\s+nej)|\b(?:ja-röst|nej-röst|röstar ja|röstar nej)/i;
const VOTE_END =
  /^(?:reservation|protokollsanteckning|särskil[td]a? yttrande|beslut|.{0,60}s beslut|jäv|beslutet (?:expedieras|skickas)|expedieras|paragrafen|yrkande|propositionsordning|beslutsgång|överläggning|sammanfattning|med \d+ (?:ja|nej)-röster|(?:kommun)?fullmäktige beslutar|nämnden beslutar)/i;
/** Where the speakers after an inverted verb end: "I ärendet yttrar sig A och B om ...". */
const LIST_END =
  /\s(?:om|angående|kring|gällande|i frågan|i ärendet|samt lämnar|och besvarar|och svarar|med anledning)\s|:/i;
const LEADING =
  /^(?:i ärendet|i överläggningen|under överläggningen|vid sammanträdet|därefter|vidare|sedan|även|dessutom|slutligen)\s+/i;
const ANY =
  /yttra|yrka|yrkande|föreslår|tillstyrk|instäm|delta|deltog|informer|redog|föredr|rapporter|tar upp|tog upp|fråg|svarar|anför|redovis|presenter|lämnar|kommenter|berättar|framför|påtalar/i;

/** "Ordförande Anna Ek för M och KD yrkar": a chair named without a party. */
const CHAIR = /^(Vice ordförande|Ordförande)n?\s+(\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+){1,2})(?![\p{L}-]|\s*,?\s*\()/u;

/** The paragraph text without voting lists, so voters never count as speakers. */
function withoutVotes(text: string): string {
  const out: string[] = [];
  let voting = false;
  for (const line of text.split("\n")) {
    if (VOTE_START.test(line)) voting = true;
    else if (voting && VOTE_END.test(line.trim())) voting = false;
    if (!voting) out.push(line);
  }
  return out.join("\n");
}

/** "A (S), B (M), C, säkerhetschef och D (MP)" → people with party or role. */
export function parseList(list: string): Person[] {
  const people: Person[] = [];
  // "Kultur- och fritidschef Ragnar Öst": an "och" after a hyphen joins a compound, not two people.
  const items = list.split(/\s*,\s*|(?<!-)\s+och\s+|\s+samt\s+/);
  let last: Person | null = null;
  for (const raw of items) {
    const item = raw.trim().replace(/[.;:]+$/, "");
    if (!item) continue;
    const party = /^\((?:f\.\s?d\.?\s*)?([A-Za-zÅÄÖåäö]{1,5})\)$/.exec(item);
    if (party && last) {
      last.party = last.party ?? normalizeParty(party[1] ?? "");
      continue;
    }
    const mention = item.includes("(") ? partyMentions(item)[0] : undefined;
    if (mention) {
      last = { ...mention.person };
      people.push(last);
      continue;
    }
    const words = item.split(/\s+/);
    const name = words.some((w) => isNameToken(w)) ? nameBefore(item, item.length) : null;
    if (name && item.endsWith(name)) {
      last = parseOfficial(item);
      if (last?.role && !/^(?:\p{Ll}|\p{Lu}{2,}-)/u.test(last.role)) last.role = null;
      if (last) people.push(last);
    } else if (/^(?:\p{Ll}|\p{Lu}{2,}-\p{Ll})[\p{L}\s&/-]*$/u.test(item) && last && !last.party && !last.role) {
      last.role = item;
    }
  }
  return people;
}

/** "Erik Johanssons (SD) yrkande" → "Erik Johansson (SD) yrkande", so lists and mentions read one name. */
function ungenitive(s: string): string {
  return s.replace(GENITIVE, "$1$2");
}
const GENITIVE =
  /(\p{Lu}\p{Ll}+)s(,?\s*\((?:f\.\s?d\.?\s*)?[A-Za-zÅÄÖåäö]{1,5}\)\s*(?:yrkande|förslag|tilläggsyrkande|ändringsyrkande|ändringsförslag|tilläggsförslag|reservation|motion))/gu;

/** The people of one sentence that takes the floor or moves, in the order the sentence names them. */
function speakersIn(sentence: string, into: Person[]): void {
  const s = ungenitive(sentence);
  const speak = SPEAKS.exec(s);
  const move = MOVES.exec(s);
  const verb = speak && (!move || speak.index < move.index) ? speak : move;
  if (!verb) return;
  const subject = s.slice(0, verb.index).replace(LEADING, "");
  const found = parseList(subject);
  const chair = found.length === 0 ? CHAIR.exec(subject) : null;
  if (chair) found.push({ name: chair[2] ?? "", party: null, role: (chair[1] ?? "").toLowerCase() });
  if (found.length === 0 && verb === speak) {
    const after = s.slice(verb.index + verb[0].length);
    const end = LIST_END.exec(after);
    found.push(...parseList(end ? after.slice(0, end.index) : after));
  }
  const known = new Set(found.map((p) => `${p.name}|${p.party}`));
  for (const m of partyMentions(s)) {
    const key = `${m.person.name}|${m.person.party}`;
    if (known.has(key)) {
      const own = found.find((p) => `${p.name}|${p.party}` === key);
      if (own && !own.role && m.person.role) own.role = m.person.role;
      continue;
    }
    if (verb === move || m.index < verb.index) found.push(m.person);
  }
  for (const p of found) addPerson(into, p);
}

/** People who speak or make a motion. */
export function findSpeakers(text: string): Person[] {
  const people: Person[] = [];
  if (!ANY.test(text)) return people;
  for (const s of sentences(withoutVotes(text))) {
    if (!ANY.test(s) || RESERVES.test(s) || NOTES.test(s) || NOT_SPEECH.test(s)) continue;
    speakersIn(s, people);
  }
  return people;
}

/** Party names as a group reservation writes them ("Ledamöterna från Sverigedemokraterna"). */
const PARTY_NAMES: Record<string, string> = {
  socialdemokraterna: "S",
  moderaterna: "M",
  sverigedemokraterna: "SD",
  centerpartiet: "C",
  vänsterpartiet: "V",
  kristdemokraterna: "KD",
  liberalerna: "L",
  folkpartiet: "FP",
  miljöpartiet: "MP",
};
const GROUP =
  /\b(?:ledamöterna|ledamot(?:en|erna)?|ersättarna|gruppen|företrädarna)\s+(?:för|från|i|ur)\s+(\p{L}+(?:\s+de\s+gröna)?)|\b(\p{Lu}\p{Ll}+partiet|\p{Lu}\p{Ll}+(?:kraterna|erna))(?:s ledamöter|s grupp)?\s+reserverar/giu;

/** People named before the point where a reservation or note turns to what it is about. */
function namedIn(text: string, keyword: RegExp, attendees: Person[]): Person[] {
  const people: Person[] = [];
  if (!keyword.test(text)) return people;
  for (const raw of sentences(text)) {
    const s = ungenitive(raw);
    if (!keyword.test(s) || /\bsärskil(?:t|da) yttrande/i.test(s)) continue;
    const at = keyword.exec(s)?.index ?? 0;
    const cut = /\btill förmån\b|\bmot\b|\bse bilaga\b|:|\bangående\b|\bom att\b|\bi enlighet\b/i.exec(s.slice(at));
    const head = cut ? s.slice(0, at + cut.index) : s;
    for (const m of partyMentions(head)) addPerson(people, { ...m.person, role: null });
    for (const g of head.matchAll(GROUP)) {
      const party = PARTY_NAMES[(g[1] ?? g[2] ?? "").toLowerCase().replace(/\s+de\s+gröna$/, "")];
      if (!party) continue;
      for (const a of attendees) if (a.party === party) addPerson(people, { name: a.name, party, role: null });
    }
  }
  return people;
}

/**
 * People who enter a reservation ("X (SD) reserverar sig", "reservation från X (V)"); a group
 * ("Ledamöterna från Sverigedemokraterna reserverar sig") stands for its members among the attendees.
 */
export function findReservations(text: string, attendees: Person[] = []): Person[] {
  return namedIn(text, RESERVES, attendees);
}

/** People who enter a protokollsanteckning. */
export function findNotes(text: string): Person[] {
  return namedIn(text, NOTES, []);
}
