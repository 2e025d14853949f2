/**
 * Diarienummer (case numbers): finding them in running text and reducing every
 * written variant to one canonical form, `PREFIX-YEAR/NUMBER[.CODE]`.
 */
import type { CaseNumber } from "../model.ts";

/** Abbreviations written like case numbers that belong to laws, reports or other authorities. */
const NOT_PREFIXES = new Set([
  "SOU",
  "DS",
  "PROP",
  "SFS",
  "SI",
  "FS",
  "SKOLFS",
  "AFS",
  "BFS",
  "HSLF",
  "KAP",
  "NR",
  "ISBN",
  "ISSN",
  "ISO",
  "SS",
  "EN",
  "EU",
  "EG",
  "EUT",
  "BBR",
  "PBL",
  "HFD",
  "RÅ",
  "MÖD",
  "MD",
  "AD",
  "NJA",
  "JO",
  "JK",
  "KL",
  "TEL",
  "TFN",
  "ORG",
  "SKR",
  "BET",
  "LVU",
  "LVM",
  "LSS",
  "SOL",
  "OSL",
  "DNR",
  "DIARIENUMMER",
  "DIARIENR",
  "KLOCKAN",
  "KL",
  "VECKA",
  "V",
  "NUMMER",
  "ÅR",
  "SIDA",
  "BILAGA",
  "PARAGRAF",
  "SAMT",
  "OCH",
  "TILL",
  "FRÅN",
  "DATUM",
  "MOT",
  "ÅREN",
  "ÅRET",
  "MELLAN",
  "PERIODEN",
  "BUDGET",
  "PLAN",
  "VIP",
  "SKL",
]);

// A prefix is an all-caps abbreviation, or a short capitalised one as older records write it ("Bun", "Ks").
const PREFIX = String.raw`(?:[A-ZÅÄÖ]{2,6}|[A-ZÅÄÖ][a-zåäö]{1,3})`;
const YEAR = "(?:19|20)\\d\\d";
/**
 * One scanner for the forms with a prefix. Groups: 1 prefix, 2 year, 3 separator, 4 number,
 * 5 dotted code, 6 spaced code | 7 prefix, 8 short year, 9 number | 10 year, 11 prefix, 12 number, 13 code.
 */
const PREFIXED = new RegExp(
  String.raw`(?<![\p{L}\d\-/.])(?:` +
    String.raw`(${PREFIX})(?:[ \-/]|\. ?)?(${YEAR})(\s?[/:]\s?|-)(\d{1,6})(?:\.(\d{1,4}(?:\.\d{1,4})*)(?!\d)|(?:[ \u00a0]{1,4}|[ \u00a0]?[-–][ \u00a0]?)(\d{3})(?![\d\-/:.,]\d|\d| ?(?:kr|st|%|tkr|mkr|elever|barn)\b))?` +
    String.raw`|(${PREFIX})(\d{2})\/(\d{3,6})` +
    String.raw`|(${YEAR})\/(${PREFIX}) (\d{1,6})(?: (\d{3}))?` +
    String.raw`)(?![\p{L}\d]|[/:]\d)`,
  "gu",
);
/** `1339/22` counts only right after a word that says a case number follows. */
const CONTEXT_BARE = new RegExp(
  String.raw`\b(?:dnr|diarienr|diarienummer|ärendenummer|ärende\s?nr|vår beteckning|beteckning)[.:]?\s*(?:nr\.?\s*)?(?:(\d{1,6})\/(\d{2})|(${YEAR})[/:.](\d{1,6}))(?![\p{L}\d/:-]|\.\d)`,
  "giu",
);
const HAS_LABEL = /dnr|diarie|ärende|beteckning/i;
/**
 * `161/05` with no label: on a line of its own, in brackets after a title ("(232/05)"), after
 * "daterat 2005-12-30," or closing an agenda row. Anywhere else it may be a date or a fraction.
 */
const BARE_FORMS = [/daterad?t? \S+,\s(\d{2,6})\/(\d{2})(?![\d/])/, /\((\d{2,6})\/(\d{2})\)/];
/** Closing a line that is the number alone or words ending in it ("4. VA-taxa för 2006 48/05"). */
const BARE_AT_END = /(?:^|\s)(\d{2,6})\/(\d{2})\s*$/;
const LEADING_LABEL = /^\s*(?:dnr|diarienr|diarienummer|ärendenummer)[.:]?\s*/i;

function isYearContinuation(year: number, numberText: string, sep: string): boolean {
  const n = Number(numberText);
  if (numberText.length === 4 && n >= year && n <= year + 10) return true; // 2018/2019, KS 2018-2021
  return sep.trim() === "/" && numberText.length === 2 && n === (year + 1) % 100; // 2019/20
}

function build(prefix: string, year: string, number: string, code: string | undefined): string {
  const head = prefix ? `${prefix.toUpperCase()}-` : "";
  return `${head}${year}/${Number(number)}${code ? `.${code}` : ""}`;
}

function expandShortYear(yy: string): string {
  const n = Number(yy);
  return String(n >= 70 ? 1900 + n : 2000 + n);
}

/** Canonical form of one prefixed match, or null when it is a lookalike (law, report, year range, date). */
function fromPrefixed(m: RegExpExecArray, after: string): string | null {
  if (m[1] !== undefined) {
    const [prefix, year, sep = "", number = "", dotCode, spaceCode] = [m[1], m[2] ?? "", m[3], m[4], m[5], m[6]];
    if (NOT_PREFIXES.has(prefix.toUpperCase()) || /^[A-ZÅÄÖ]{2,4}FS$/.test(prefix)) return null; // TSFS 2023:12, föreskrifter
    if (isYearContinuation(Number(year), number, sep)) return null;
    if (sep === "-" && number.length < 3 && /^-\d/.test(after)) return null; // KS 2020-02-20 is a date
    return build(prefix, year, number, dotCode ?? spaceCode);
  }
  if (m[7] !== undefined) {
    if (NOT_PREFIXES.has(m[7].toUpperCase())) return null;
    return build(m[7], expandShortYear(m[8] ?? ""), m[9] ?? "", undefined);
  }
  if (m[10] !== undefined && m[11] !== undefined) {
    if (NOT_PREFIXES.has(m[11].toUpperCase())) return null;
    return build(m[11], m[10], m[12] ?? "", m[13]);
  }
  return null;
}

interface Found extends CaseNumber {
  index: number;
}

/** Every case number has digit, separator, digit (or "2011/KS"): lines without one are skipped cheaply. */
const MAYBE = /\d\s?[/:-]\s?\d|\d\/\p{Lu}/u;

function scanPrefixed(text: string, found: Found[]): void {
  let offset = 0;
  for (const line of text.split("\n")) {
    if (MAYBE.test(line)) {
      for (const m of line.matchAll(PREFIXED)) {
        const end = (m.index ?? 0) + m[0].length;
        const canonical = fromPrefixed(m, line.slice(end, end + 3));
        if (canonical) found.push({ canonical, written: m[0].trim(), index: offset + (m.index ?? 0) });
      }
    }
    offset += line.length + 1;
  }
}

/** A classification code the text layer wrapped onto the next line ("Sn/2011:102" / "  101"): same length, one line. */
const WRAPPED_CODE = /([/:]\d{1,6})\n(\s*\d{3}\s*)(?=\n|$)/g;
/** A prefix left at the end of a line ("Dnr KS" / "  2009/126.730"). */
const WRAPPED_PREFIX = /((?:dnr|diarienummer)[.:]?\s+[A-ZÅÄÖ][A-Za-zåäö]{1,5})\n\s*(?=(?:19|20)\d\d\s?[/:-]\s?\d)/gi;

function firstMatch(forms: RegExp[], line: string): RegExpExecArray | null {
  for (const re of forms) {
    const m = re.exec(line);
    if (m) return m;
  }
  const end = BARE_AT_END.exec(line);
  const before = end ? line.slice(0, end.index).trim() : "";
  return end && (before === "" || /\p{L}/u.test(before)) ? end : null;
}

function scanBare(text: string, found: Found[]): void {
  if (!/\d\/\d\d/.test(text)) return;
  let offset = 0;
  for (const line of text.split("\n")) {
    const m = /\d\/\d\d/.test(line) ? firstMatch(BARE_FORMS, line) : null;
    if (m) {
      const [number = "", yy = ""] = [m[1], m[2]];
      const index = offset + line.indexOf(`${number}/${yy}`, m.index);
      const overlaps = found.some((f) => index >= f.index && index < f.index + f.written.length);
      // "läsåret 19/20" is a school year, not case 19 of 2020.
      if (!overlaps && Number(yy) !== (Number(number) + 1) % 100) {
        found.push({ canonical: build("", expandShortYear(yy), number, undefined), written: `${number}/${yy}`, index });
      }
    }
    offset += line.length + 1;
  }
}

function scan(raw: string): Found[] {
  const found: Found[] = [];
  const text = raw.includes("\n") ? raw.replace(WRAPPED_CODE, "$1 $2").replace(WRAPPED_PREFIX, "$1 ") : raw;
  scanPrefixed(text, found);
  scanBare(text, found);
  if (!HAS_LABEL.test(text)) return found;
  for (const m of text.matchAll(CONTEXT_BARE)) {
    const yearFirst = m[3] !== undefined;
    const number = (yearFirst ? m[4] : m[1]) ?? "";
    const yearText = (yearFirst ? m[3] : m[2]) ?? "";
    if (yearFirst && isYearContinuation(Number(yearText), number, "/")) continue;
    const written = m[0].slice(-(yearText.length + number.length + 1));
    const index = (m.index ?? 0) + m[0].length - written.length;
    const bare = found.findIndex((f) => f.index === index && f.written === written);
    if (bare >= 0) found.splice(bare, 1);
    if (found.some((f) => index >= f.index && index < f.index + f.written.length)) continue;
    const year = yearFirst ? yearText : expandShortYear(yearText);
    found.push({ canonical: build("", year, number, undefined), written, index });
  }
  return found.sort((a, b) => a.index - b.index);
}

/**
 * Every case number in a text, once per case and in reading order, so that a document can be
 * filed under each case it names while keeping how it was written. A table of contents often
 * prints "Bun/2023:276" where the paragraph prints "Bun/2023:276 041": one case, so the form
 * with the classification code stands for both.
 */
export function findCaseNumbers(text: string): CaseNumber[] {
  const found = scan(text);
  const coded = new Set(found.filter((f) => f.canonical.includes(".")).map((f) => baseOf(f.canonical)));
  const seen = new Set<string>();
  const firstIndex = new Map<string, number>();
  for (const f of found) if (!firstIndex.has(baseOf(f.canonical))) firstIndex.set(baseOf(f.canonical), f.index);
  const kept = found.filter((f) => !(coded.has(baseOf(f.canonical)) && !f.canonical.includes(".")));
  kept.sort(
    (a, b) =>
      (firstIndex.get(baseOf(a.canonical)) ?? 0) - (firstIndex.get(baseOf(b.canonical)) ?? 0) || a.index - b.index,
  );
  const out: CaseNumber[] = [];
  for (const f of kept) {
    if (seen.has(f.canonical)) continue;
    seen.add(f.canonical);
    out.push({ canonical: f.canonical, written: f.written });
  }
  return out;
}

/** The case without its classification code: `KS-2020/42.142` → `KS-2020/42`. */
function baseOf(canonical: string): string {
  const slash = canonical.lastIndexOf("/");
  const dot = slash < 0 ? -1 : canonical.indexOf(".", slash);
  return dot < 0 ? canonical : canonical.slice(0, dot);
}

/**
 * Reduce one written number (as a user types it, or as a record prints it) to the form the
 * archive files it under; null when it is not a case number, so callers can fall back to text search.
 */
export function canonicalize(written: string): string | null {
  const text = written.trim().replace(/\s+/g, " ");
  return canonicalizeExact(text) ?? (text === text.toUpperCase() ? null : canonicalizeExact(text.toUpperCase()));
}

/** One whole string as one number; users type "ks-2020/42", so the caller retries upper-cased. */
function canonicalizeExact(text: string): string | null {
  const bare = text.replace(LEADING_LABEL, "");
  const short = /^(\d{1,6})\/(\d{2})$/.exec(bare);
  if (short) return build("", expandShortYear(short[2] ?? ""), short[1] ?? "", undefined);
  const labelled = bare.length !== text.length;
  const found = scan(labelled ? text : bare);
  const first = found[0];
  const offset = labelled ? text.length - bare.length : 0;
  if (found.length !== 1 || !first || first.index !== offset) return null;
  if (first.index + first.written.length !== (labelled ? text : bare).length) return null;
  return first.canonical;
}

/**
 * Matching keys for one canonical number: a query written without the classification code
 * must find every number with the same base, so the base is kept beside the full key.
 */
export function caseKey(canonical: string): { full: string; base: string } {
  const full = (canonicalize(canonical) ?? canonical.trim()).toUpperCase();
  return { full, base: baseOf(full) };
}
