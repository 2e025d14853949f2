/**
 * The bodies a municipality or region has, as a compact table, and how one is
 * staffed: members with chair roles, substitutes, officials and a secretary.
 */

import { dayOf, onWeekday } from "./dates.ts";
import { type Politician, personName } from "./people.ts";
import type { Rng } from "./rng.ts";
import { OFFICIAL_TITLES, SECRETARY_TITLES, type Sector } from "./vocabulary.ts";
import type { Body, BodyKind } from "./world.ts";

// key | name | kind | sector | central (1/0) | förvaltning | meeting interval days | paragraphs | diary prefixes
const TABLE = `
KF|Kommunfullmäktige|fullmäktige|central|1|Kommunledningskontoret|35-56|8-25|KS
KS|Kommunstyrelsen|styrelse|central|1|Kommunstyrelsens förvaltning|21-35|8-20|KS
KSAU|Kommunstyrelsens arbetsutskott|utskott|central|1|Kommunstyrelsens förvaltning|14-21|5-12|KS
TDB|Trygghets- och delaktighetsberedningen|beredning|central|1|Kommunstyrelsens förvaltning|56-84|3-7|KS
BUN|Barn- och utbildningsnämnden|nämnd|education|0|Utbildningsförvaltningen|28-42|6-18|BUN,BUN,UN
MHN|Miljö- och hälsoskyddsnämnden|nämnd|environment|0|Miljö- och hälsoskyddsförvaltningen|28-42|5-14|MHN,MN
SN|Socialnämnden|nämnd|social|0|Socialförvaltningen|28-35|6-16|SN,SOC
VON|Vård- och omsorgsnämnden|nämnd|social|0|Vård- och omsorgsförvaltningen|28-42|5-14|VON
TN|Tekniska nämnden|nämnd|technical|0|Tekniska förvaltningen|28-42|5-15|TN,TEK
SBN|Samhällsbyggnadsnämnden|nämnd|technical|0|Samhällsbyggnadsförvaltningen|28-42|6-16|SBN
RF|Regionfullmäktige|fullmäktige|central|1|Regionledningskontoret|42-70|8-22|RS
RS|Regionstyrelsen|styrelse|central|1|Regionledningskontoret|21-35|8-20|RS
HSN|Hälso- och sjukvårdsnämnden|nämnd|social|0|Hälso- och sjukvårdsförvaltningen|28-42|6-16|HSN`;

interface Template {
  name: string;
  kind: BodyKind;
  sector: Sector;
  central: boolean;
  forvaltning: string;
  interval: [number, number];
  paragraphs: [number, number];
  prefixes: string[];
}

const range = (s: string | undefined): [number, number] => {
  const [a, b] = (s ?? "1-1").split("-").map(Number);
  return [a ?? 1, b ?? 1];
};

const BODY_TEMPLATES: Record<string, Template> = Object.fromEntries(
  TABLE.trim()
    .split("\n")
    .map((line) => {
      const [key, name, kind, sector, central, forvaltning, interval, paragraphs, prefixes] = line.split("|");
      const t: Template = {
        name: name ?? "",
        kind: kind as BodyKind,
        sector: sector as Sector,
        central: central === "1",
        forvaltning: forvaltning ?? "",
        interval: range(interval),
        paragraphs: range(paragraphs),
        prefixes: (prefixes ?? "KS").split(","),
      };
      return [key ?? "", t];
    }),
);

const SIZES: Record<BodyKind, [number, number]> = {
  fullmäktige: [31, 51],
  styrelse: [11, 15],
  utskott: [5, 7],
  nämnd: [9, 13],
  beredning: [5, 9],
};

/** Staffs a body from the table; its first meeting falls early in the start year. */
export function makeBody(rng: Rng, key: string, parties: string[], startYear: number, centralPrefix: string): Body {
  const t = BODY_TEMPLATES[key];
  if (!t) throw new Error(`unknown body ${key}`);
  const [min, max] = SIZES[t.kind];
  const politician = (): Politician => ({ name: personName(rng), party: rng.pick(parties) });
  const members = Array.from({ length: rng.int(min, max) }, politician);
  const roles = members.map((_, i) =>
    i === 0
      ? "ordförande"
      : i === 1
        ? rng.pick(["vice ordförande", "1:e vice ordförande"])
        : i === 2 && rng.chance(0.6)
          ? "2:e vice ordförande"
          : null,
  );
  // Now and then two members share a name: party tells them apart.
  const twin = members[3];
  const other = parties.find((p) => p !== twin?.party);
  if (twin && other && rng.chance(0.15)) members.push({ name: twin.name, party: other });
  roles.length = members.length;
  const sectorTitles = OFFICIAL_TITLES[t.sector];
  const officials = rng
    .sample(sectorTitles, Math.min(sectorTitles.length, rng.int(3, 6)))
    .map((title) => ({ name: personName(rng), title }));
  const { prefixes, ...rest } = t;
  return {
    ...rest,
    prefix: t.central ? centralPrefix : rng.pick(prefixes),
    members,
    roles: roles.map((r) => r ?? null),
    substitutes: Array.from({ length: Math.ceil(members.length / 2) }, politician),
    officials,
    secretary: { name: personName(rng), title: rng.pick(SECRETARY_TITLES) },
    nextMeeting: onWeekday(dayOf(startYear, rng.int(1, 3), rng.int(1, 28)), rng.pick([1, 2, 3, 4])),
    paragraphYear: startYear,
    nextParagraph: 1,
    pending: [],
  };
}
