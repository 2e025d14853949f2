/**
 * Conventions that change with time and place: how a meeting's year writes
 * parties, and the wording of a region rather than a municipality. Applied as
 * records are built, so the text and the truth always agree.
 */

import type { Municipality } from "./world.ts";

/**
 * Sets the conventions of the year a meeting falls in: older records write
 * "(s)", and the liberals were Folkpartiet ("FP") until 2015. Politicians are
 * renamed in place, so every record of the meeting agrees with its truth.
 */
export function enterYear(m: Municipality, year: number): void {
  m.house.lowerParty = year <= m.house.lowerUntil;
  const fp = year < 2015;
  if (fp === m.folkpartiet) return;
  m.folkpartiet = fp;
  const [from, to] = fp ? ["L", "FP"] : ["FP", "L"];
  for (const b of m.bodies) for (const p of [...b.members, ...b.substitutes]) if (p.party === from) p.party = to;
}

/** Region wording for text written with a municipality in mind ("kommunstyrelsen" → "regionstyrelsen"). */
export function localize(m: Municipality, text: string): string {
  if (!m.region) return text;
  return text
    .replace(
      /([Kk])ommun(styrelse|fullmäktige)/g,
      (_, k: string, rest: string) => `${k === "K" ? "R" : "r"}egion${rest}`,
    )
    .replace(`${m.name} kommun`, m.display);
}

/** Fills {placeholders} and words the result for the municipality or region at hand. */
export function fillLocal(m: Municipality, text: string, vars: Record<string, string>): string {
  return localize(
    m,
    text.replace(/\{(\w+)\}/g, (whole, key: string) => vars[key] ?? whole),
  );
}
