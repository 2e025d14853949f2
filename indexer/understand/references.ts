/**
 * References from decision text to another document's bilaga: "enligt bilaga 1 till
 * kommunstyrelsens tjänsteutlåtande daterat den 6 februari 2020". The archive resolves them
 * to a document by type, date and the paragraph's diarienummer.
 */
import type { DocumentReference, RecordType } from "../model.ts";
import { parseDate } from "./dates.ts";
import { findCaseNumbers } from "./diarienummer.ts";

const MONTH = "januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december";
const DATE_TEXT = String.raw`(?:den\s+)?(?:\d{1,2}\s+(?:${MONTH})\s+\d{4}|\d{4}-\d{1,2}-\d{1,2}|\d{6}-\d{2})`;
const REFERENCE = new RegExp(
  String.raw`\bbilaga\s+(\d{1,3}(?:\.\d{1,3})*)\s+till\s+(?!(?:detta|dagens|denna)\s)(?:[\p{L}-]+\s+(?:och\s+)?){0,3}?(tjänste(?:utlåtande|skrivelse|yttrande)|protokoll(?!et))` +
    String.raw`(?:\s*,?\s*(?:daterat?d?|av|från|den)?\s*(${DATE_TEXT}))?(?:\s*,?\s*§\s?\d{1,4})?(?:\s*,?\s*((?:dnr|diarienummer)[.:]?\s*\S+(?:\s\S+)?))?`,
  "giu",
);

function targetType(word: string): RecordType {
  return /^protokoll/i.test(word) ? "protokoll" : "tjansteutlatande";
}

/**
 * References in one paragraph (`paragraph` is the referring one); a reference without its own diarienummer takes the paragraph's,
 * since a decision cites the staff report of the matter it decides.
 */
export function findReferences(
  text: string,
  paragraphDnr: string | null,
  paragraph: number | null,
): DocumentReference[] {
  const out: DocumentReference[] = [];
  if (!/bilaga\s+\S+\s+till/i.test(text)) return out;
  for (const m of text.matchAll(REFERENCE)) {
    const type = targetType(m[2] ?? "");
    const own = m[4] ? (findCaseNumbers(m[4])[0]?.canonical ?? null) : null;
    out.push({
      label: m[1] ?? "",
      targetType: type,
      date: m[3] ? parseDate(m[3]) : null,
      diarienummer: own ?? paragraphDnr,
      paragraph,
    });
  }
  return out;
}
