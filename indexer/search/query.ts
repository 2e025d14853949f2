/**
 * What an official typed, read the way other search boxes read it:
 * "exact phrase", -exclude, OR, prefix*, and fields (dnr:, typ:, organ:,
 * talare:, parti:, datum:A..B, år:). A diarienummer anywhere, in any spelling,
 * becomes a case filter. Nothing here throws: whatever does not parse as
 * syntax is read as plain words.
 */
import type { RecordType } from "../model.ts";
import { canonicalize, findCaseNumbers } from "../understand/diarienummer.ts";
import { fold, tokenize } from "./swedish.ts";

/** One thing to match: a word (maybe a prefix) or a phrase of words, all lower-cased. */
export type Term = { kind: "word"; word: string; prefix: boolean } | { kind: "phrase"; words: string[] };

export interface QueryFilters {
  types: RecordType[];
  /** Parts of body names, folded: "organ:kommunstyrelsen" or "organ:bun". */
  bodies: string[];
  /** Parts of speakers' names, folded. */
  speakers: string[];
  parties: string[];
  from: string | null;
  to: string | null;
}

export interface ParsedQuery {
  /** Every group must match; a group matches when any of its terms does (OR). */
  groups: Term[][];
  /** Terms no hit may contain. */
  excluded: Term[];
  /** Canonical diarienummer named in the query: they filter to the case. */
  diarienummer: string[];
  filters: QueryFilters;
  isEmpty: boolean;
}

/** Prefixes shorter than this match too much to rank; they are read as whole words. */
export const MIN_PREFIX = 3;

const TYPE_NAMES: Record<string, RecordType> = {
  protokoll: "protokoll",
  sammantradesprotokoll: "protokoll",
  protokollsutdrag: "protokollsutdrag",
  utdrag: "protokollsutdrag",
  tjansteutlatande: "tjansteutlatande",
  tjansteskrivelse: "tjansteutlatande",
  tjansteyttrande: "tjansteutlatande",
  bilaga: "bilaga",
  bilagor: "bilaga",
  kallelse: "kallelse",
  foredragningslista: "kallelse",
  dagordning: "kallelse",
  ovrigt: "ovrigt",
  annat: "ovrigt",
};

const FIELDS: Record<string, string> = {
  dnr: "dnr",
  diarienummer: "dnr",
  typ: "typ",
  type: "typ",
  organ: "organ",
  body: "organ",
  namnd: "organ",
  talare: "talare",
  speaker: "talare",
  parti: "parti",
  party: "parti",
  datum: "datum",
  date: "datum",
  ar: "ar",
  year: "ar",
};

/** Words that only announce a case number ("Dnr KS 2020/42"). */
const CASE_LABELS = new Set(["dnr", "diarienummer", "diarienr", "ärendenummer", "ärende", "nr"]);

interface Token {
  text: string;
  quoted: boolean;
  negated: boolean;
  field: string | null;
}

export function parseQuery(q: string): ParsedQuery {
  const diarienummer: string[] = [];
  let rest = q;
  for (const c of caseNumbersIn(q)) {
    diarienummer.push(c.canonical);
    rest = rest.replace(new RegExp(c.written.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "i"), " ");
  }
  const filters: QueryFilters = { types: [], bodies: [], speakers: [], parties: [], from: null, to: null };
  const positive: { term: Term; or: boolean }[] = [];
  const excluded: Term[] = [];
  const plain = (text: string, negated: boolean, joined: boolean) => {
    for (const term of termsOf(text, false)) {
      if (negated) excluded.push(term);
      else positive.push({ term, or: joined });
    }
  };

  const tokens = lex(rest);
  let or = false;
  for (const [i, token] of tokens.entries()) {
    if (!token.quoted && !token.negated && !token.field && token.text === "OR") {
      // OR joins its neighbours; at either end it is just a word.
      if (positive.length > 0 && i < tokens.length - 1 && !tokens[i + 1]?.negated) {
        or = true;
        continue;
      }
    }
    if (token.field) {
      if (!applyField(token.field, token.text, filters, diarienummer)) plain(token.text, token.negated, or);
    } else if (token.quoted) {
      const words = tokenize(token.text);
      const term: Term | null =
        words.length > 1
          ? { kind: "phrase", words }
          : words[0]
            ? { kind: "word", word: words[0], prefix: false }
            : null;
      if (term) {
        if (token.negated) excluded.push(term);
        else positive.push({ term, or });
      }
    } else {
      const before = positive.length;
      for (const term of termsOf(token.text, true)) {
        if (token.negated) excluded.push(term);
        else positive.push({ term, or: or && positive.length === before });
      }
    }
    or = false;
  }

  let entries = positive;
  if (diarienummer.length > 0) {
    entries = entries.filter(({ term }) => !(term.kind === "word" && CASE_LABELS.has(term.word)));
  }
  const groups: Term[][] = [];
  for (const { term, or: joined } of entries) {
    const last = groups[groups.length - 1];
    if (joined && last) last.push(term);
    else groups.push([term]);
  }
  const hasFilter =
    diarienummer.length > 0 ||
    filters.types.length + filters.bodies.length + filters.speakers.length + filters.parties.length > 0 ||
    filters.from !== null ||
    filters.to !== null;
  // Only exclusions and nothing to exclude from: the official meant the words.
  if (groups.length === 0 && !hasFilter && excluded.length > 0) {
    for (const term of excluded.splice(0)) groups.push([term]);
  }
  return {
    groups,
    excluded,
    diarienummer: [...new Set(diarienummer)],
    filters,
    isEmpty: groups.length === 0 && !hasFilter,
  };
}

/**
 * Case numbers as officials type them: records write "KS 2020/42", a search
 * box gets "ks 2020/42" too. Upper-cased, a short lower-case word before a
 * year and number counts as a prefix.
 */
function caseNumbersIn(q: string): { canonical: string; written: string }[] {
  const upper = q.toUpperCase();
  const found =
    upper === q ? [] : findCaseNumbers(upper).filter((c) => (/^\p{L}+/u.exec(c.written)?.[0] ?? "").length <= 5);
  const covered = (written: string) => found.some((f) => f.written.includes(written.toUpperCase()));
  for (const c of findCaseNumbers(q)) if (!covered(c.written)) found.push(c);
  return found;
}

/** Splits the query into tokens: quoted runs, field:value pairs, -negations and bare words. */
function lex(q: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < q.length) {
    while (i < q.length && /\s/.test(q[i] as string)) i++;
    if (i >= q.length) break;
    let negated = false;
    if (q[i] === "-" && i + 1 < q.length && !/[\s-]/.test(q[i + 1] as string)) {
      negated = true;
      i++;
    }
    let field: string | null = null;
    const fieldMatch = /^([\p{L}]+):(?=\S)/u.exec(q.slice(i));
    if (fieldMatch) {
      const name = FIELDS[fold(fieldMatch[1] as string)];
      if (name) {
        field = name;
        i += fieldMatch[0].length;
      }
    }
    if (q[i] === '"') {
      const close = q.indexOf('"', i + 1);
      if (close > i) {
        tokens.push({ text: q.slice(i + 1, close), quoted: true, negated, field });
        i = close + 1;
        continue;
      }
      i++; // an unclosed quote is just a character
    }
    const start = i;
    while (i < q.length && !/\s/.test(q[i] as string)) i++;
    const text = q.slice(start, i).replaceAll('"', " ");
    if (text.trim() || field) tokens.push({ text, quoted: false, negated, field });
  }
  return tokens;
}

/** Words of a bare token: "e-post" is a phrase, as the index splits it; "kom*" a prefix. */
function termsOf(text: string, allowPrefix: boolean): Term[] {
  const prefix = allowPrefix && /^[\p{L}\p{N}]+\*+$/u.test(text.trim());
  const words = tokenize(text);
  if (words.length === 0) return [];
  if (words.length === 1) {
    const word = words[0] as string;
    return [{ kind: "word", word, prefix: prefix && word.length >= MIN_PREFIX }];
  }
  return [{ kind: "phrase", words }];
}

/** Applies one field; false when its value does not parse, so the caller reads it as words. */
function applyField(field: string, value: string, filters: QueryFilters, dnrs: string[]): boolean {
  const v = value.trim();
  if (!v) return field === "dnr"; // "dnr:" whose number the case scan already took
  switch (field) {
    case "dnr": {
      const canonical = canonicalize(v) ?? findCaseNumbers(v)[0]?.canonical ?? null;
      if (canonical) dnrs.push(canonical);
      return canonical !== null;
    }
    case "typ": {
      const type = TYPE_NAMES[fold(v)];
      if (type) filters.types.push(type);
      return type !== undefined;
    }
    case "organ":
      filters.bodies.push(fold(v));
      return true;
    case "talare":
      filters.speakers.push(fold(v));
      return true;
    case "parti":
      if (!/^[\p{L}]{1,6}$/u.test(v)) return false;
      filters.parties.push(v.toUpperCase());
      return true;
    case "datum":
    case "ar": {
      const range = parseRange(v, field === "ar");
      if (!range) return false;
      if (range.from && (!filters.from || range.from > filters.from)) filters.from = range.from;
      if (range.to && (!filters.to || range.to < filters.to)) filters.to = range.to;
      return true;
    }
    default:
      return false;
  }
}

/** "2019", "2019-03", "2019-03-01", and ranges "A..B", "A..", "..B" → the first and last day. */
export function parseRange(value: string, yearsOnly: boolean): { from: string | null; to: string | null } | null {
  const [a, b, extra] = value.split("..");
  if (extra !== undefined) return null;
  if (b === undefined) {
    const from = periodStart(a ?? "", yearsOnly);
    const to = periodEnd(a ?? "", yearsOnly);
    return from && to ? { from, to } : null;
  }
  const from = a ? periodStart(a, yearsOnly) : null;
  const to = b ? periodEnd(b, yearsOnly) : null;
  if ((a && !from) || (b && !to) || (!from && !to)) return null;
  return { from, to };
}

const PERIOD = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function periodStart(text: string, yearsOnly: boolean): string | null {
  const m = PERIOD.exec(text.trim());
  if (!m || (yearsOnly && m[2])) return null;
  const date = `${m[1]}-${m[2] ?? "01"}-${m[3] ?? "01"}`;
  return validDate(date) ? date : null;
}

function periodEnd(text: string, yearsOnly: boolean): string | null {
  const m = PERIOD.exec(text.trim());
  if (!m || (yearsOnly && m[2])) return null;
  if (m[3]) return validDate(m[0]) ? m[0] : null;
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) : 12;
  if (month < 1 || month > 12) return null;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${m[1]}-${String(month).padStart(2, "0")}-${last}`;
}

function validDate(iso: string): boolean {
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(iso);
}
