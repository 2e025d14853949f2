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
  /** Whether the meeting being built writes parties in lower case; set from `lowerUntil` per meeting. */
  lowerParty: boolean;
  /** Last year the diary wrote "(s)", "(fp)": 0 for never, 9999 for still. */
  lowerUntil: number;
  header: "table" | "lines" | "columns" | "grid";
  /** The protokoll's title line: "Protokoll fört vid sammanträde med ..." names the body in it. */
  protocolTitle: "SAMMANTRÄDESPROTOKOLL" | "Sammanträdesprotokoll" | "Protokoll" | "fört vid";
  /** "Forts. § {n}" at the top of a page that continues a §, or null. */
  continued: string | null;
  /** Kallelse agenda: a table, a plain list, or an "Ärende 12" heading per matter. */
  agenda: "table" | "list" | "arende";
  /** How a § heading and its diarienummer are laid out (see protokoll.ts). */
  paragraphHead: "title-line" | "split" | "dnr-line" | "pair" | "bare" | "dnr-above";
  dnrLabel: string;
  decisionFirst: boolean;
  toc: number;
  colonTimes: boolean;
  longHeaderDate: boolean;
  attachmentLabels: "paragraph" | "running";
  footer: "sida-av" | "plain" | "parenthesis";
  /** Signature boxes in the running footer of protokoll pages. */
  signs: string[];
}

export interface Municipality {
  name: string;
  display: string;
  region: boolean;
  house: HouseStyle;
  bodies: Body[];
  running: Map<string, number>;
  /** Whether the municipality's politicians currently carry the pre-2015 "FP" rather than "L". */
  folkpartiet: boolean;
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
    lowerParty: false,
    lowerUntil: rng.weighted([
      [0, 6],
      [rng.int(2007, 2013), 3],
      [9999, 1],
    ] as const),
    header: rng.weighted([
      ["table", 4],
      ["lines", 3],
      ["columns", 2],
      ["grid", 2],
    ] as const),
    protocolTitle: rng.pick(["SAMMANTRÄDESPROTOKOLL", "Sammanträdesprotokoll", "Protokoll", "fört vid"] as const),
    continued: rng.pick(["Forts. § {n}", "Forts § {n}", "forts. § {n}", "§ {n} (forts.)", null, null]),
    agenda: rng.pick(["table", "list", "arende"] as const),
    paragraphHead: rng.pick(["title-line", "split", "dnr-line", "pair", "bare", "dnr-above"] as const),
    dnrLabel: rng.pick(["Dnr", "Dnr", "Dnr:", "Diarienummer", "Diarienr", ""]),
    decisionFirst: rng.chance(0.5),
    toc: rng.pick([0, 0.3, 0.8]),
    colonTimes: rng.chance(0.3),
    longHeaderDate: rng.chance(0.3),
    attachmentLabels: rng.chance(0.75) ? "paragraph" : "running",
    footer: rng.pick(["sida-av", "plain", "parenthesis"] as const),
    signs: rng.pick([
      ["Justerandes sign", "Utdragsbestyrkande"],
      ["Justerandes signatur", "Utdragsbestyrkande"],
      ["Ordförandes sign", "Justerandes sign", "Utdragsbestyrkande"],
      ["Justerandes sign"],
    ]),
  };
}

/** Builds `n` municipalities (every sixth a region, so even small corpora hold one) with their bodies, starting between 2006 and 2021. */
export function buildWorld(rng: Rng, n: number): Municipality[] {
  const names = rng.shuffle(MUNICIPALITIES);
  const locals = rng.shuffle(LOCAL_PARTIES);
  return Array.from({ length: n }, (_, i) => {
    const region = i % 6 === 4;
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
    const k = Math.floor(i / 6);
    const regionName = `${REGIONS[k % REGIONS.length] ?? "Region Mellanland"}${k >= REGIONS.length ? " Norra" : ""}`;
    const displayName = region ? regionName : `${name} kommun`;
    return {
      name: region ? displayName.replace(/^Region /, "") : name,
      display: displayName,
      region,
      house,
      bodies: keys.map((k) => makeBody(rng, k, parties, startYear, central)),
      running: new Map(),
      folkpartiet: false,
    };
  });
}

/** The style a municipality's diary used for a case of the given year. */
export function styleFor(m: Municipality, year: number): DnrStyle {
  for (const s of m.house.dnr) if (year <= s.until) return s.style;
  return m.house.dnr[m.house.dnr.length - 1]?.style ?? "dash-dot";
}
