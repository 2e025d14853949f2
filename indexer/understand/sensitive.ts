/**
 * What an official answering a public-records request may need to review for
 * secrecy: personal identity numbers, OSL references and secrecy markings,
 * e-mail addresses and phone numbers. It flags; it never masks or decides.
 * Pure: page texts in, flags with page-relative offsets out.
 */

import { SENSITIVE_KINDS, type SensitiveFlag, type SensitiveKind } from "../model.ts";

export type { SensitiveFlag, SensitiveKind };

/** YYMMDD or YYYYMMDD, an optional `-` or `+` (100 years or older), four digits. */
const IDENTITY = /(?<![\p{L}\p{N}\-/.:])(?:(?:19|20)(\d{6})|(\d{6}))([-+]?)(\d{4})(?![\p{L}\p{N}]|[-/.:,]\d)/gu;

/**
 * An OSL reference needs the law named: "21 kap. 7 §" alone may be kommunallagen.
 * Stycke and punkt are optional ("26 kap. 1 § första stycket OSL").
 */
const OSL =
  /(?<![\p{L}\p{N}])\d{1,2}\s*kap\.?\s*\d{1,2}\s*[a-h]?\s*§(?:\s*(?:första|andra|tredje|fjärde|femte|\d)\s*(?:st\.?|stycket))?(?:\s*(?:\d\s*p\.?|punkten\s*\d))?\s*(?:i\s+)?(?:OSL|offentlighets-\s*och\s*sekretesslagen(?:\s*\(2009:400\))?|\(2009:400\))/giu;

/**
 * Secrecy words, whole words only: "sekretessfrågor" or "hemligheter" are
 * talk about secrecy, not a marking. "Hemlig omröstning" is a way of voting.
 */
const SECRECY_WORDS =
  /(?<![\p{L}\p{N}])(?:sekretess(?:belagd|belagda|belagt|prövad|prövade|prövat|prövas|prövning)?|hemlig(?:t|a)?(?!\s+(?:omröstning|votering|val)\b)|hemligstämplad)(?![\p{L}\p{N}])/giu;

const EMAIL =
  /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.[a-z]{2,}(?![\p{L}\p{N}])/giu;

/**
 * Swedish numbers: a trunk 0 or +46/0046, then 7–9 digits in groups of spaces
 * or dashes ("070-123 45 67", "08-123 456 78", "+46 70 123 45 67"). Numbers
 * glued to a dash, slash or colon (dates, diarienummer) or longer digit runs
 * (amounts) are not phones.
 */
const PHONE =
  /(?<![\p{L}\p{N}+/.:,-])(?:(?:\+|00)46[ -]?(?:\(0\)[ -]?)?|0)[1-9](?:[ -]?\d){6,8}(?![\p{L}\p{N}]|[ -]?\d|[.,:/]\d)/gu;

/** Earlier kinds win where two matches overlap: a personnummer is no phone number. */
const PRIORITY: SensitiveKind[] = ["personnummer", "samordningsnummer", "email", "phone", "secrecy"];

/** The Luhn check digit rule over YYMMDDNNNN, as Skatteverket defines it. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return sum % 10 === 0;
}

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** personnummer, samordningsnummer (day + 60), or null for a date-less or Luhn-invalid number. */
function identityKind(yymmdd: string, last4: string): SensitiveKind | null {
  const month = Number(yymmdd.slice(2, 4));
  const day = Number(yymmdd.slice(4, 6));
  const maxDay = DAYS[month - 1];
  if (maxDay === undefined || !luhnValid(yymmdd + last4)) return null;
  if (day >= 1 && day <= maxDay) return "personnummer";
  if (day >= 61 && day <= maxDay + 60) return "samordningsnummer";
  return null;
}

function matchesOn(text: string, page: number): SensitiveFlag[] {
  const flags: SensitiveFlag[] = [];
  const push = (kind: SensitiveKind, m: RegExpExecArray) =>
    flags.push({ kind, page, start: m.index, end: m.index + m[0].length, text: m[0] });
  for (const m of text.matchAll(IDENTITY)) {
    const kind = identityKind(m[1] ?? m[2] ?? "", m[4] ?? "");
    if (kind) push(kind, m);
  }
  for (const m of text.matchAll(EMAIL)) push("email", m);
  for (const m of text.matchAll(PHONE)) push("phone", m);
  for (const m of text.matchAll(OSL)) push("secrecy", m);
  for (const m of text.matchAll(SECRECY_WORDS)) push("secrecy", m);
  return flags;
}

/** Every flag of a record, in reading order; overlapping matches keep the most specific kind. */
export function findSensitive(pages: string[]): SensitiveFlag[] {
  const out: SensitiveFlag[] = [];
  for (const [i, text] of pages.entries()) {
    const kept: SensitiveFlag[] = [];
    const byPriority = matchesOn(text, i + 1).sort(
      (a, b) => PRIORITY.indexOf(a.kind) - PRIORITY.indexOf(b.kind) || b.end - b.start - (a.end - a.start),
    );
    for (const f of byPriority) if (!kept.some((k) => f.start < k.end && k.start < f.end)) kept.push(f);
    out.push(...kept.sort((a, b) => a.start - b.start));
  }
  return out;
}

/** The kinds present, in a fixed order, for a search hit's tag. */
export function sensitiveKinds(flags: SensitiveFlag[]): SensitiveKind[] {
  const present = new Set(flags.map((f) => f.kind));
  return SENSITIVE_KINDS.filter((k) => present.has(k));
}
