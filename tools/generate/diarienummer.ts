/**
 * Case numbers (diarienummer): how municipalities write them and the canonical
 * form that the truth files use.
 *
 * Canonicalisation rule (truth only; the indexer must arrive at it on its own):
 *   PREFIX-YEAR/NUMBER, plus ".CODE" when a classification code is written.
 *   - the prefix is uppercased ("Bun" -> "BUN"); a number written without a
 *     prefix ("1339/22") has none: "2022/1339";
 *   - two-digit years become four digits ("1339/22" -> 2022, "LD11/02896" -> 2011);
 *   - leading zeros of the running number are dropped ("VON/2022:00276" -> "VON-2022/276");
 *   - the code keeps its digits as written ("2011/KS 0206 001" -> "KS-2011/206.001",
 *     "Bun/2025:172 694" -> "BUN-2025/172.694");
 *   - a code that a style does not write is not in the canonical form either.
 */

import type { Rng } from "./rng.ts";

/** The case itself: what stays the same whichever way it is written. */
export interface CaseNo {
  prefix: string;
  year: number;
  number: number;
  /** Three-digit classification code, or null when the case has none. */
  code: string | null;
}

export const DNR_STYLES = [
  "dash-dot", // KS-2020/42.142, KS-2015/112
  "space-dot", // KS 2014/742.912, KS 2018/124
  "slash-colon", // KS/2018:443
  "title-colon-space", // Bun/2025:172 694
  "colon-padded", // VON/2022:00276
  "space-colon-padded", // VON 2023:00137
  "year-first", // 2011/KS 0206 001
  "dash-padded", // KSN-2019-01234, SLK-2025-00364
  "dash-dash", // STK-2019-1533
  "number-year", // 1339/22
  "short-year", // LD11/02896
] as const;
export type DnrStyle = (typeof DNR_STYLES)[number];

const zeroPad = (n: number, width: number): string => String(n).padStart(width, "0");

function titleCase(prefix: string): string {
  return prefix.charAt(0) + prefix.slice(1).toLowerCase();
}

/** Whether the style writes the classification code. */
export function writesCode(style: DnrStyle): boolean {
  return style === "dash-dot" || style === "space-dot" || style === "title-colon-space" || style === "year-first";
}

/** The case number as a record of this style writes it. `gap` widens the code gap like some text layers do. */
export function writeDnr(c: CaseNo, style: DnrStyle, gap = " "): string {
  const code = writesCode(style) ? c.code : null;
  const yy = zeroPad(c.year % 100, 2);
  switch (style) {
    case "dash-dot":
      return `${c.prefix}-${c.year}/${c.number}${code ? `.${code}` : ""}`;
    case "space-dot":
      return `${c.prefix} ${c.year}/${c.number}${code ? `.${code}` : ""}`;
    case "slash-colon":
      return `${c.prefix}/${c.year}:${c.number}`;
    case "title-colon-space":
      return `${titleCase(c.prefix)}/${c.year}:${c.number}${code ? `${gap}${code}` : ""}`;
    case "colon-padded":
      return `${c.prefix}/${c.year}:${zeroPad(c.number, 5)}`;
    case "space-colon-padded":
      return `${c.prefix} ${c.year}:${zeroPad(c.number, 5)}`;
    case "year-first":
      return `${c.year}/${c.prefix} ${zeroPad(c.number, 4)}${code ? ` ${code}` : ""}`;
    case "dash-padded":
      return `${c.prefix}-${c.year}-${zeroPad(c.number, 5)}`;
    case "dash-dash":
      return `${c.prefix}-${c.year}-${c.number}`;
    case "number-year":
      return `${c.number}/${yy}`;
    case "short-year":
      return `${c.prefix}${yy}/${zeroPad(c.number, 5)}`;
  }
}

/** The canonical form of the case as written in this style (see the rule above). */
export function canonicalDnr(c: CaseNo, style: DnrStyle): string {
  const code = writesCode(style) ? c.code : null;
  const head = style === "number-year" ? `${c.year}` : `${c.prefix.toUpperCase()}-${c.year}`;
  return `${head}/${c.number}${code ? `.${code}` : ""}`;
}

/** Classification codes in the manner of KLASSA and local plans. */
const CODES = ["000", "001", "026", "041", "101", "112", "141", "142", "214", "600", "624", "631", "694", "730", "912"];

/** A new case number; running numbers grow through the year like a real diary's. */
export function newCaseNo(rng: Rng, prefix: string, year: number, running: number): CaseNo {
  return { prefix, year, number: running, code: rng.chance(0.8) ? rng.pick(CODES) : null };
}

/** Labels written before a number ("Dnr KS 2018/124"); an empty label means the number stands alone. */
export const DNR_LABELS = ["Dnr", "Dnr:", "Dnr.", "Diarienummer", "Diarienummer:", "Diarienr", ""] as const;

/** Text that looks like a case number but is not one; none of it may reach the truth. */
export const LOOKALIKES = [
  "SOU 2025:8",
  "SOU 2018:35",
  "Ds 2020:16",
  "Prop. 2019/20:1",
  "prop. 2017/18:194",
  "SFS 2009:400",
  "(2010:800)",
  "(2001:453)",
  "21 kap. 7 § offentlighets- och sekretesslagen",
  "26 kap. 1 § OSL",
  "SI 2019:6590",
  "organisationsnummer 556877-6495",
  "läsåret 2022/2023",
  "2018–2021",
  "AFS 2001:1",
] as const;
