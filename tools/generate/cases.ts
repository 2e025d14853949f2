/**
 * Cases (ärenden) and how they flow between bodies: a case is opened in one
 * body's diary, prepared in a tjänsteutlåtande, treated in a paragraph, and may
 * move on (arbetsutskott → kommunstyrelsen → kommunfullmäktige, or nämnd →
 * kommunstyrelsen), where the central diary gives it a number of its own.
 */

import type { CaseNumber } from "../../indexer/model.ts";
import { localize } from "./conventions.ts";
import { MONTHS, writeDate, yearOf } from "./dates.ts";
import { type CaseNo, canonicalDnr, type DnrStyle, newCaseNo, writeDnr } from "./diarienummer.ts";
import { MATTERS, type MatterTemplate } from "./matters.ts";
import { type Official, type Politician, pol } from "./people.ts";
import { COMPANIES, LAWS, LOOKALIKE_TITLES, ORGNR, OSL, REFS, SI_NUMBERS } from "./phrases.ts";
import type { Rng } from "./rng.ts";
import { DISTRICTS } from "./vocabulary.ts";
import { type Body, type Municipality, styleFor } from "./world.ts";

export interface TuAttachment {
  label: string;
  title: string;
  file: string | null;
}

/** The staff report of a case, once written. */
export interface TuInfo {
  day: number;
  kind: "Tjänsteutlåtande" | "Tjänsteskrivelse";
  forvaltning: string;
  /** Body whose report it is, in the genitive used by references ("kommunstyrelsens"). */
  ownerGenitive: string;
  author: Official;
  attachments: TuAttachment[];
  file: string | null;
}

export interface Case {
  no: CaseNo;
  /** Number in the central diary once a nämnd's case reaches kommunstyrelsen. */
  centralNo: CaseNo | null;
  title: string;
  noun: string;
  verb: string;
  flow: Body[];
  step: number;
  tu: TuInfo | null;
  /** Earlier treatments, for "Arbetsutskottets beslut 2020-02-11, § 23" in Beslutsunderlag. */
  history: { body: Body; day: number; paragraph: number }[];
  vars: Record<string, string>;
}

/** Fills {placeholders}; unknown ones are left for the caller's vars. */
export function fill(text: string, vars: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => vars[key] ?? whole);
}

/** Placeholder values for a case: years, places, numbers and look-alike references. */
export function caseVars(rng: Rng, m: Municipality, year: number): Record<string, string> {
  const amount = rng.int(2, 950) * 1000 + rng.int(0, 9) * 100;
  return {
    y: String(year),
    py: String(year - 1),
    y1: String(year + 1),
    y3: String(year + 3),
    municipality: m.name,
    district: rng.pick(DISTRICTS),
    month: rng.pick(MONTHS.slice(2, 10)),
    q: String(rng.int(1, 3)),
    lookalike: rng.pick(LOOKALIKE_TITLES),
    amount: String(amount).replace(/\B(?=(\d{3})+$)/g, " "),
    pct: String(rng.int(2, 38)),
    count: String(rng.int(40, 900)),
    count2: String(rng.int(10, 39)),
    date: writeDate(0, "iso"),
    kfpar: String(rng.int(5, 180)),
    company: rng.pick(COMPANIES),
    orgnr: rng.pick(ORGNR),
    si: rng.pick(SI_NUMBERS),
    osl: rng.pick(OSL),
    law: rng.pick(LAWS),
    ref: rng.pick(REFS),
    prev: `KS protokoll ${year - 1}-${String(rng.int(1, 12)).padStart(2, "0")}-${String(rng.int(10, 28))}, § ${rng.int(5, 140)}`,
  };
}

function nextNumber(rng: Rng, m: Municipality, prefix: string, year: number): number {
  const key = styleFor(m, year) === "number-year" ? `*${year}` : `${prefix}${year}`;
  const n = (m.running.get(key) ?? rng.int(4, 30)) + rng.int(1, 18);
  m.running.set(key, n);
  return n;
}

function flowFrom(rng: Rng, m: Municipality, body: Body): Body[] {
  const find = (name: string): Body | undefined => m.bodies.find((b) => b.name === name);
  const ks = find("Kommunstyrelsen") ?? find("Regionstyrelsen");
  const kf = find("Kommunfullmäktige") ?? find("Regionfullmäktige");
  const chain = (...bodies: (Body | undefined)[]): Body[] => bodies.filter((b): b is Body => b !== undefined);
  if (body.kind === "fullmäktige") return [body];
  if (body.kind === "utskott") return rng.chance(0.5) ? chain(body, ks) : chain(body, ks, kf);
  if (body.kind === "styrelse") return rng.chance(0.6) ? [body] : chain(body, kf);
  if (body.kind === "beredning") return rng.chance(0.7) ? [body] : chain(body, ks);
  return rng.weighted([
    [[body], 8],
    [chain(body, ks, kf), 1],
    [chain(body, ks), 1],
  ] as const);
}

/** Opens a new case in the diary of the body that first treats it. */
export function openCase(rng: Rng, m: Municipality, body: Body, day: number): Case {
  const year = yearOf(day - rng.int(50, 240));
  const vars = caseVars(rng, m, year);
  vars.date = writeDate(day - rng.int(200, 500), rng.pick(["iso", "den"] as const)).replace(/^den /, "");
  let template: MatterTemplate = rng.pick(MATTERS[body.sector]);
  if (body.central && rng.chance(0.12)) {
    const author: Politician = {
      name: rng.pick(m.bodies[0]?.members ?? []).name,
      party: rng.pick(["V", "MP", "SD", "C", m.folkpartiet ? "FP" : "L", "KD"]),
    };
    template = {
      title: `Motion från ${pol(author, { lower: m.house.lowerParty })} om ${rng.pick(["fler trygghetsvandringar", "gratis kollektivtrafik för unga", "solceller på kommunens tak", "en ny simhall i {district}", "kortare handläggningstider"])}`,
      noun: "Motionen",
      verbs: ["anses besvarad", "avslås", "bifalls"],
    };
  }
  return {
    no: newCaseNo(rng, body.prefix, year, nextNumber(rng, m, body.prefix, year)),
    centralNo: null,
    title: localize(m, fill(template.title, vars)),
    noun: template.noun,
    verb: localize(m, rng.pick(template.verbs)),
    flow: flowFrom(rng, m, body),
    step: 0,
    tu: null,
    history: [],
    vars,
  };
}

/** Moves a case to the next body of its flow; entering the central diary gives it a new number. */
export function advanceCase(rng: Rng, m: Municipality, c: Case, day: number): Body | null {
  c.step += 1;
  const next = c.flow[c.step];
  if (!next) return null;
  if (next.central && !c.centralNo && c.no.prefix !== next.prefix) {
    const year = yearOf(day);
    c.centralNo = newCaseNo(rng, next.prefix, year, nextNumber(rng, m, next.prefix, year));
  }
  next.pending.push(c);
  return next;
}

/**
 * Records every case number a record writes: the canonical forms for the truth's
 * `diarienummer`, the written forms for `caseNumbersWritten`. A paragraph's log
 * feeds its record's log.
 */
export class CaseLog {
  readonly canonical: string[] = [];
  readonly written: CaseNumber[] = [];

  write(c: CaseNo, style: DnrStyle, gap = " "): string {
    const written = writeDnr(c, style, gap);
    this.note(canonicalDnr(c, style), written);
    return written;
  }

  /** Takes over another log's numbers, e.g. a paragraph's into its protokoll's. */
  merge(other: CaseLog): void {
    for (const w of other.written) this.note(w.canonical, w.written);
  }

  private note(canonical: string, written: string): void {
    if (!this.canonical.includes(canonical)) this.canonical.push(canonical);
    if (!this.written.some((w) => w.written === written)) this.written.push({ canonical, written });
  }
}
