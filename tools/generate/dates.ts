/**
 * Calendar arithmetic and the Swedish ways of writing a date. Days are counted
 * as integers (days since 1970-01-01, UTC) so nothing depends on the clock or
 * the machine's time zone.
 */

import type { Rng } from "./rng.ts";

export const MONTHS = [
  "januari",
  "februari",
  "mars",
  "april",
  "maj",
  "juni",
  "juli",
  "augusti",
  "september",
  "oktober",
  "november",
  "december",
] as const;
const WEEKDAYS = ["söndag", "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag"] as const;

const DAY_MS = 86_400_000;

/** Day number of a calendar date. */
export function dayOf(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / DAY_MS);
}

/** Civil date of a day number (Howard Hinnant's days_from_civil, inverted), without allocating a Date. */
function parts(day: number): { y: number; m: number; d: number; wd: number } {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return { y, m, d, wd: (((day + 4) % 7) + 7) % 7 };
}

const pad = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** The canonical form used in truth files: YYYY-MM-DD. */
export function iso(day: number): string {
  const { y, m, d } = parts(day);
  return `${y}-${pad(m)}-${pad(d)}`;
}

export function yearOf(day: number): number {
  return parts(day).y;
}

export function monthOf(day: number): number {
  return parts(day).m;
}

export function weekdayOf(day: number): number {
  return parts(day).wd;
}

export function monthName(day: number): string {
  return MONTHS[parts(day).m - 1] ?? "januari";
}

/** "20 februari 2020". */
export function longDate(day: number): string {
  const { y, m, d } = parts(day);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** "tisdag den 23 maj 2006". */
export function weekdayDate(day: number): string {
  return `${WEEKDAYS[parts(day).wd]} den ${longDate(day)}`;
}

export type DateStyle = "iso" | "long" | "den" | "weekday";

/** Writes a date the way a record of the given style would. */
export function writeDate(day: number, style: DateStyle): string {
  switch (style) {
    case "iso":
      return iso(day);
    case "long":
      return longDate(day);
    case "den":
      return `den ${longDate(day)}`;
    case "weekday":
      return weekdayDate(day);
  }
}

/** A meeting time such as "kl. 18.00–19.45" (or "kl. 13:00 – 16:15"). */
export function timeRange(rng: Rng, colon: boolean): string {
  const start = rng.pick([8, 8.5, 9, 10, 13, 13.5, 14, 17, 18, 18.5]);
  const end = start + rng.pick([1, 1.25, 1.75, 2, 2.5, 3, 3.25]);
  const fmt = (h: number): string => {
    const hours = Math.floor(h);
    const minutes = Math.round((h - hours) * 60);
    return `${pad(hours)}${colon ? ":" : "."}${pad(minutes)}`;
  };
  return colon ? `kl. ${fmt(start)} – ${fmt(end)}` : `kl. ${fmt(start)}–${fmt(end)}`;
}

/** Moves a day to the next given weekday (0 = Sunday), or keeps it if it already is one. */
export function onWeekday(day: number, weekday: number): number {
  return day + ((weekday - weekdayOf(day) + 7) % 7);
}

/** Moves a day off weekends, to the following Monday. */
export function workday(day: number): number {
  const wd = weekdayOf(day);
  return wd === 6 ? day + 2 : wd === 0 ? day + 1 : day;
}
