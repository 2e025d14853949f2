/**
 * People in records: politicians with a party, officials with a title, and the
 * ways protocols write them ("Anna Berg (S)", "Anna Berg, (S)", "Anna Bergs (S)
 * yrkande", "Lars Öberg, säkerhetschef", "säkerhetschef Lars Öberg"). Truth
 * persons always carry the party in upper case, even where old records write "(s)".
 */

import type { Person } from "../../indexer/model.ts";
import { FIRST_NAMES, LAST_NAMES } from "./names.ts";
import type { Rng } from "./rng.ts";

export interface Politician {
  name: string;
  party: string;
}

export interface Official {
  name: string;
  title: string;
}

/** How a municipality writes party abbreviations. */
export interface PartyWriting {
  lower: boolean;
}

export function personName(rng: Rng): string {
  return `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
}

/** "Anna Berg (S)"; sometimes "Anna Berg, (S)" as hurried secretaries write it. */
export function pol(p: Politician, w: PartyWriting, rng?: Rng): string {
  const party = w.lower ? p.party.toLowerCase() : p.party;
  const comma = rng ? rng.chance(0.06) : false;
  return `${p.name}${comma ? "," : ""} (${party})`;
}

/** Swedish genitive: an -s, except after s, x and z. */
export function genitive(word: string): string {
  return /[sxz]$/i.test(word) ? word : `${word}s`;
}

/** "Erik Johanssons (SD)", as in "Erik Johanssons (SD) yrkande". */
export function polGenitive(p: Politician, w: PartyWriting): string {
  const party = w.lower ? p.party.toLowerCase() : p.party;
  return `${genitive(p.name)} (${party})`;
}

/** "Lars Öberg, säkerhetschef" or, less often, "säkerhetschef Lars Öberg". */
export function off(o: Official, rng: Rng): string {
  return rng.chance(0.8) ? `${o.name}, ${o.title}` : `${o.title} ${o.name}`;
}

export function politicianPerson(p: Politician, role: string | null = null): Person {
  return { name: p.name, party: p.party.toUpperCase(), role };
}

export function officialPerson(o: Official): Person {
  return { name: o.name, party: null, role: o.title };
}

/** "A, B och C": the Swedish list with "och" before the last item. */
export function joinSv(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} och ${items[items.length - 1]}`;
}

/**
 * Ordered, de-duplicated list of persons: speakers are listed once each, in the
 * order they first appear. Identity is name plus party, since two politicians
 * of different parties can share a name.
 */
export class PersonList {
  readonly items: Person[] = [];
  private readonly seen = new Set<string>();

  add(person: Person): void {
    const key = `${person.name}|${person.party ?? ""}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.items.push(person);
  }
}
