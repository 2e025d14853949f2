/**
 * The fictional world a corpus is drawn from: municipalities (and a few
 * regions), their bodies with members, substitutes and officials, and each
 * municipality's house style (how its diary writes case numbers, how its
 * protocols are laid out). Styles stay consistent within a municipality, as in
 * real archives, so variety comes from having many of them.
 */

import { makeBody } from "./bodies.ts";
import type { Case } from "./cases.ts";
import type { DnrStyle } from "./diarienummer.ts";
import type { Official, Politician } from "./people.ts";
import type { Rng } from "./rng.ts";
import { LOCAL_PARTIES, MUNICIPALITIES, PARTIES, REGIONS, type Sector } from "./vocabulary.ts";

export type BodyKind = "fullmäktige" | "styrelse" | "utskott" | "nämnd" | "beredning";

export interface Body {
  name: string;
  kind: BodyKind;
  sector: Sector;
  /** Diary prefix of the cases this body owns. */
  prefix: string;
  /** Whether the body belongs to the kommunstyrelse family (shares its diary). */
  central: boolean;
  forvaltning: string;
  members: Politician[];
  /** Index-aligned roles for members: "ordförande", "vice ordförande", ... or null. */
  roles: (string | null)[];
  substitutes: Politician[];
  officials: Official[];
  secretary: Official;
  interval: [number, number];
  paragraphs: [number, number];
  nextMeeting: number;
  paragraphYear: number;
  nextParagraph: number;
  pending: Case[];
}

export interface HouseStyle {
  dnr: { style: DnrStyle; until: number }[];
  lowerParty: boolean;
  header: "table" | "lines" | "columns";
  /** How a § heading and its diarienummer are laid out (see protokoll.ts). */
  paragraphHead: "title-line" | "split" | "dnr-line" | "pair" | "bare";
  dnrLabel: string;
  decisionFirst: boolean;
  toc: number;
  colonTimes: boolean;
  longHeaderDate: boolean;
  attachmentLabels: "paragraph" | "running";
  footer: "sida-av" | "plain" | "parenthesis";
}

export interface Municipality {
  name: string;
  display: string;
  region: boolean;
  house: HouseStyle;
  bodies: Body[];
  running: Map<string, number>;
}

function houseStyle(rng: Rng, region: boolean): HouseStyle {
  const primary: DnrStyle = region
    ? rng.pick(["short-year", "dash-padded", "space-dot"] as const)
    : rng.weighted<DnrStyle>([
        ["dash-dot", 4],
        ["space-dot", 3],
        ["slash-colon", 2],
        ["title-colon-space", 3],
        ["colon-padded", 2],
        ["space-colon-padded", 1],
        ["year-first", 1],
        ["dash-padded", 2],
        ["dash-dash", 1],
        ["number-year", 1],
      ]);
  const older: DnrStyle = rng.pick(["year-first", "space-dot", "number-year", "slash-colon"] as const);
  return {
    dnr: rng.chance(0.3)
      ? [
          { style: older, until: rng.int(2011, 2016) },
          { style: primary, until: 9999 },
        ]
      : [{ style: primary, until: 9999 }],
    lowerParty: rng.chance(0.15),
    header: rng.weighted([
      ["table", 4],
      ["lines", 3],
      ["columns", 3],
    ] as const),
    paragraphHead: rng.pick(["title-line", "split", "dnr-line", "pair", "bare"] as const),
    dnrLabel: rng.pick(["Dnr", "Dnr", "Dnr:", "Diarienummer", "Diarienr", ""]),
    decisionFirst: rng.chance(0.5),
    toc: rng.pick([0, 0.3, 0.8]),
    colonTimes: rng.chance(0.3),
    longHeaderDate: rng.chance(0.3),
    attachmentLabels: rng.chance(0.75) ? "paragraph" : "running",
    footer: rng.pick(["sida-av", "plain", "parenthesis"] as const),
  };
}

/** Builds `n` municipalities (every eighth a region) with their bodies, starting between 2006 and 2021. */
export function buildWorld(rng: Rng, n: number): Municipality[] {
  const names = rng.shuffle(MUNICIPALITIES);
  const locals = rng.shuffle(LOCAL_PARTIES);
  return Array.from({ length: n }, (_, i) => {
    const region = i % 8 === 7;
    const base = names[i % names.length] ?? "Tillsby";
    const name =
      i < names.length ? base : `${base} ${["Norra", "Södra", "Västra", "Östra"][Math.floor(i / names.length) % 4]}`;
    const house = houseStyle(rng, region);
    const parties: string[] = Object.keys(PARTIES);
    const local = locals[i % locals.length];
    if (local && rng.chance(0.35)) parties.push(local.abbr, local.abbr);
    const startYear = rng.int(2006, 2021);
    const style = house.dnr[house.dnr.length - 1]?.style;
    const central = region
      ? "RS"
      : style === "dash-padded"
        ? rng.pick(["KSN", "KS"])
        : style === "dash-dash"
          ? "STK"
          : rng.pick(["KS", "KS", "KS", "KLK"]);
    const keys = region
      ? ["RF", "RS", "HSN"]
      : ["KF", "KS", "KSAU", ...rng.sample(["BUN", "MHN", "SN", "VON", "TN", "SBN", "TDB"], rng.int(2, 5))];
    const k = Math.floor(i / 8);
    const regionName = `${REGIONS[k % REGIONS.length] ?? "Region Mellanland"}${k >= REGIONS.length ? " Norra" : ""}`;
    const displayName = region ? regionName : `${name} kommun`;
    return {
      name: region ? displayName.replace(/^Region /, "") : name,
      display: displayName,
      region,
      house,
      bodies: keys.map((k) => makeBody(rng, k, parties, startYear, central)),
      running: new Map(),
    };
  });
}

/** The style a municipality's diary used for a case of the given year. */
export function styleFor(m: Municipality, year: number): DnrStyle {
  for (const s of m.house.dnr) if (year <= s.until) return s.style;
  return m.house.dnr[m.house.dnr.length - 1]?.style ?? "dash-dot";
}
