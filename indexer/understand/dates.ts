/**
 * Dates as Swedish records write them, including the forms a text layer garbles,
 * turned into ISO `YYYY-MM-DD`.
 */

const MONTHS: Record<string, number> = {
  januari: 1,
  februari: 2,
  mars: 3,
  april: 4,
  maj: 5,
  juni: 6,
  juli: 7,
  augusti: 8,
  september: 9,
  oktober: 10,
  november: 11,
  december: 12,
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  okt: 10,
  nov: 11,
  dec: 12,
};
const MONTH_NAMES = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join("|");

/**
 * Groups: 1-3 numeric (ISO, or `202504-15` where the first hyphen was lost, or `2020-07-1`),
 * 4-6 written (`den 6 februari 2020`), 7-9 compact `20200415`, 10-12 `2006-0302` where the second hyphen was lost.
 */
const DATE = new RegExp(
  String.raw`(?<![\d/:.])(?:((?:19|20)\d\d)(?:[-‐‑–]\s?|\s?[-‐‑–]|(?=\d{2}[-‐‑–]))(0?[1-9]|1[0-2])\s?[-‐‑–]\s?(3[01]|[12]\d|0?[1-9])(?!\d)` +
    String.raw`|(3[01]|[12]\d|0?[1-9])(?:\s?:e)?\s+(${MONTH_NAMES})\.?\s+((?:19|20)\d\d)(?!\d)` +
    String.raw`|((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)` +
    String.raw`|(?<![\p{L}-])((?:19|20)\d\d)-(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?![\d/-]))`,
  "giu",
);

export interface FoundDate {
  iso: string;
  index: number;
  length: number;
}

function iso(year: string, month: number, day: number): string | null {
  const y = Number(year);
  const last = new Date(Date.UTC(y, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > last) return null;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Every date in a text in reading order, so callers can pick the one their label points at. */
export function findDates(text: string): FoundDate[] {
  const out: FoundDate[] = [];
  for (const m of text.matchAll(DATE)) {
    let value: string | null = null;
    if (m[1] !== undefined) value = iso(m[1], Number(m[2]), Number(m[3]));
    else if (m[6] !== undefined) value = iso(m[6], MONTHS[(m[5] ?? "").toLowerCase()] ?? 0, Number(m[4]));
    else if (m[7] !== undefined) value = iso(m[7], Number(m[8]), Number(m[9]));
    else if (m[10] !== undefined) value = iso(m[10], Number(m[11]), Number(m[12]));
    if (value) out.push({ iso: value, index: m.index ?? 0, length: m[0].length });
  }
  return out;
}

/** The first date in a text, or null: for labelled values such as "Sammanträdesdatum 20 februari 2020". */
export function parseDate(text: string): string | null {
  return findDates(text)[0]?.iso ?? null;
}
