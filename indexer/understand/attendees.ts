/**
 * Who attended a meeting, from a protokoll's header: Beslutande (ledamöter, with ordförande
 * and ersättare marked), ersättare, and Övriga närvarande (officials as "Name, title").
 * Headers come as "Label value" lines, as label lines with the values below, or as a table
 * whose labels all come first and whose values follow (see attendance-table.ts).
 */
import type { Person } from "../model.ts";
import { assignValues, type Kind, kindOf } from "./attendance-table.ts";
import { addPerson, nameBefore, parseOfficial, partyMentions } from "./names.ts";

/** Header labels; the weak ones count only at a line start or before a colon. */
const LABEL = new RegExp(
  String.raw`(?<![\p{L}])(` +
    String.raw`(?:Ej|Icke|Inte) tjänstgörande ersättare|Tjänstgörande ersättare(?!\s+för)|Närvarande ersättare|Ersättare(?=\s*:|\s*$|\s*\n)|(?<=^|\n)\s*Ersättare(?!\s+för)|` +
    String.raw`Beslutande ledamöter|Tjänstgörande ledamöter|Närvarande ledamöter|Beslutande|Ledamöter(?=\s*:)|(?<=^|\n)\s*Ledamöter|` +
    String.raw`Övriga närvarande|Övriga deltagare|Övriga deltagande|Närvarande tjänstemän|Närvarande tjänstepersoner|Tjänstemän|Tjänstepersoner|Övriga(?=\s*:)|(?<=^|\n)\s*Övriga(?=\s*$|\s*\n)|` +
    String.raw`Frånvarande|Utses att justera|Justerare(?=\s*:)|(?<=^|\n)\s*Justerare|Justeringens plats och tid|Underskrifter|Paragrafer|Plats och tid|Tid och plats|ANSLAG\/BEVIS|Anslag\/Bevis|Bevis om justering|` +
    String.raw`(?<=^|\n)\s*(?:Sekreterare|Vice ordförande|Ordförande|Justerande|Underskrift)(?=\s*:|\s*$|\s*\n)` +
    String.raw`)(?![\p{L}])\s*:?`,
  "gu",
);

const STANDS_IN =
  /(?:ersätter|tjänstgör(?:ande)? för|(?:tjänstgörande )?ersättare för|i stället för|istället för)\s*$/i;
const ANNOTATION =
  /\b(?:närvarande|via länk|på länk|del av|tom|t\.o\.m\.?|from|fr\.o\.m\.?|kl\.?|deltar|deltog|ej)\b.*$|§.*$|\(.*$/i;
/** A page header that ran into the last row: an all-caps word, a date, "Sida". */
const PAGE_FURNITURE = /\s+(?:\p{Lu}{3,}|(?:19|20)\d\d-\d\d-\d\d|Sida\b).*$/u;

/** "ordförande", "1:e vice ordförande", "ordf." as written after a member's name. */
function roleFrom(annotation: string): string | null {
  const a = annotation
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^[,\s]+/, "")
    .toLowerCase();
  const vice = /^((?:\d:e |förste |andre |tredje )?)(?:vice|v\.?) ordf(?:örande|\.)?/.exec(a);
  if (vice) return `${vice[1] ?? ""}vice ordförande`;
  if (/^ordf(?:örande\b|\.|\b)/.test(a)) return "ordförande";
  return null;
}

function members(text: string, defaultRole: string, into: Person[]): void {
  const mentions = partyMentions(text);
  for (let k = 0; k < mentions.length; k++) {
    const m = mentions[k] as (typeof mentions)[number];
    const next = mentions[k + 1];
    const between = text.slice(m.end, next ? next.index : text.length);
    const person: Person = { ...m.person, role: roleFrom(between) ?? defaultRole };
    if (next && STANDS_IN.test(between.replace(/,?\s*kl\..*$/i, ""))) {
      person.role = "ersättare";
      k++;
    }
    addPerson(into, person);
  }
}

/**
 * Officials, one per line ("Name, title" or "title Name"), or flattened onto one line
 * ("Göran Ek, utbildningsdirektör David Lund, chef grundskola"): then each comma closes a name
 * and the words after it, up to the next name, are that person's title.
 */
function officials(text: string, into: Person[], known: Set<string>): void {
  let stripped = text;
  for (const m of partyMentions(text)) {
    addPerson(into, { ...m.person, role: null });
    stripped = stripped.replace(m.person.name, " ");
  }
  const lines = stripped
    .replace(/\([^)]*\)/g, " ")
    .split("\n")
    .map((l) => l.replace(PAGE_FURNITURE, "").trim())
    .filter((l) => l.length > 2);
  const oneEach = lines.every((l) => l.split(",").length <= 3 && !/,\s*\S+\s+\p{Lu}\p{Ll}+\s+\p{Lu}/u.test(l));
  if (oneEach) {
    for (const line of lines) {
      const person = parseOfficial(
        line.replace(/,\s*§.*$/, "").replace(/,\s*(?:kl\.?|t\.o\.m\.?|fr\.o\.m\.?).*$/i, ""),
      );
      if (person) addPerson(into, person);
    }
    return;
  }
  const segments = lines
    .join(" ")
    .split(",")
    .map((x) => x.trim());
  if (/^\p{Ll}/u.test(segments[0] ?? "") && segments.every((x) => !x || parseOfficial(x)?.role)) {
    // "regiondirektör Mona Ek, ekonomidirektör Jon Frisk": every entry is title first.
    for (const x of segments) {
      const person = x ? parseOfficial(x) : null;
      if (person) addPerson(into, person);
    }
    return;
  }
  let current: Person | null = null;
  for (const raw of lines.join(" ").split(",")) {
    const seg = raw.replace(/\s+/g, " ").trim();
    if (!seg) continue;
    const name = knownTail(nameBefore(seg, seg.length), known);
    const head = (name ? seg.slice(0, seg.length - name.length) : seg)
      .replace(ANNOTATION, "")
      .trim()
      .replace(/^\p{Lu}(?=\p{Ll}+(?:\s|$))/u, (c) => c.toLowerCase());
    if (current && !current.role && head && /^[\p{L}]/u.test(head)) current.role = head;
    if (name) {
      current = { name, party: null, role: null };
      addPerson(into, current);
    }
  }
}

/** Members and serving substitutes: those who decide, and so those a group reservation speaks for. */
const deciding = new WeakSet<Person>();

/** Names that stand alone on a line of the header, as signatures do ("Anna Engström"). */
function standaloneNames(text: string): Set<string> {
  const out = new Set<string>();
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line.length < 40 && line.includes(" ") && nameBefore(line, line.length) === line) out.add(line);
  }
  return out;
}

/**
 * "verksamhetschef Kost Anna Engström": three capitalised words, of which the last two are a name
 * the header writes on its own elsewhere; the first then ends the previous person's title.
 */
function knownTail(name: string | null, known: Set<string>): string | null {
  const words = name?.split(" ") ?? [];
  if (words.length < 3 || known.has(name ?? "")) return name;
  for (let k = 1; k < words.length - 1; k++) {
    const tail = words.slice(k).join(" ");
    if (known.has(tail)) return tail;
  }
  return name;
}

function collect(kind: Kind, block: string, out: Person[], known: Set<string>): void {
  const before = out.length;
  if (kind === "members" || kind === "serving") members(block, kind === "members" ? "ledamot" : "ersättare", out);
  else if (kind === "substitutes") members(block, "ersättare", out);
  else if (kind === "others") officials(block, out, known);
  if (kind === "members" || kind === "serving") for (const p of out.slice(before)) deciding.add(p);
}

/** Whether an attendee took part in the decisions (a member, or a substitute serving in a member's place). */
export function isDeciding(person: Person): boolean {
  return deciding.has(person);
}

/**
 * Attendees in the order the header lists them; a member that a substitute stands in for
 * ("X (S) ersätter Y (S)") did not attend and is left out, and so are the absent (Frånvarande).
 */
export function findAttendees(headerText: string): Person[] {
  const out: Person[] = [];
  const known = standaloneNames(headerText);
  const labels = [...headerText.matchAll(LABEL)];
  let stack: Kind[] = [];
  let signing = false;
  for (const [i, m] of labels.entries()) {
    const label = (m[1] ?? "").trim();
    let kind = kindOf(label);
    if (/^(?:underskrift|justera|utses)/i.test(label)) signing = true;
    // "Ordförande / Anna Ek (S)" before the signatures names the chair of the meeting.
    const chair = !signing && /^(?:vice )?ordförande$/i.test(label) ? label.toLowerCase() : null;
    if (chair) kind = "members";
    const start = (m.index ?? 0) + m[0].length;
    const block = headerText.slice(start, labels[i + 1]?.index ?? headerText.length);
    if (!block.trim()) {
      stack.push(kind);
      continue;
    }
    if (stack.length >= 2) {
      // Labels first, values after: share the values out among the stacked labels.
      for (const part of assignValues([...stack, kind], block)) collect(part.kind, part.text, out, known);
      stack = [];
      continue;
    }
    stack = [];
    const before = out.length;
    collect(kind, block, out, known);
    if (chair) for (const p of out.slice(before)) p.role = chair;
  }
  return out;
}
