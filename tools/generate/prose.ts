/**
 * Sentences composed from parts, so that a corpus of 100,000 records does not
 * repeat the same few template sentences: full-text search and snippets must
 * be tried on text that varies the way real case descriptions do. Composed
 * sentences hold no names, dates or numbers that the truth would have to know.
 */

import type { Rng } from "./rng.ts";

const SUBJECTS = [
  "Förvaltningen",
  "{forv}",
  "Ekonomienheten",
  "Arbetsgruppen",
  "Kansliet",
  "Verksamhetsledningen",
  "Utredningen",
  "Projektgruppen",
  "Den centrala samverkansgruppen",
  "Enheten för kvalitet och utveckling",
] as const;

const VERBS = [
  "har sett över",
  "har analyserat",
  "redovisar",
  "har följt upp",
  "har kartlagt",
  "lyfter fram",
  "har gjort en översyn av",
  "beskriver",
  "har utvärderat",
  "bedömer",
] as const;

const OBJECTS = [
  "kostnadsutvecklingen inom {area}",
  "behovet av {thing} i {district}",
  "hur förslaget påverkar {group}",
  "de risker som är förknippade med {thing}",
  "möjligheterna att samordna {thing} med angränsande verksamheter",
  "personalförsörjningen inom {area}",
  "lokalbehovet inom {area}",
  "resultaten av den senaste uppföljningen av {area}",
  "hur {group} har involverats i arbetet",
  "vilka alternativ som finns för {thing}",
  "konsekvenserna för {group}",
  "tillgängligheten till {thing}",
] as const;

const QUALIFIERS = [
  "",
  " under året",
  " i samråd med berörda verksamheter",
  " inför det kommande budgetarbetet",
  " med stöd av extern kompetens",
  " i dialog med {group}",
  " utifrån gällande styrdokument",
  " på uppdrag av nämnden",
] as const;

const AREAS = [
  "hemtjänsten",
  "förskolan",
  "grundskolan",
  "gymnasieskolan",
  "kulturskolan",
  "fritidsgårdarna",
  "gatuunderhållet",
  "vatten och avlopp",
  "räddningstjänsten",
  "livsmedelskontrollen",
  "bygglovsverksamheten",
  "den kommunala vuxenutbildningen",
  "kollektivtrafiken",
  "lokalvården",
] as const;

const THINGS = [
  "fler förskoleplatser",
  "en ny idrottshall",
  "digitala tjänster",
  "belysning längs gång- och cykelvägar",
  "trygghetsskapande åtgärder",
  "energieffektivisering",
  "samordnad fordonshantering",
  "laddinfrastruktur",
  "tillfälliga lokaler",
  "ett gemensamt ärendehanteringssystem",
  "förebyggande insatser",
  "upphandlade tjänster",
] as const;

const GROUPS = [
  "barn och unga",
  "äldre",
  "personer med funktionsnedsättning",
  "vårdnadshavare",
  "medarbetarna",
  "föreningslivet",
  "näringslivet",
  "de boende i området",
  "elevrådet",
  "pensionärsrådet",
] as const;

const CLOSERS = [
  "Sammantaget bedöms åtgärderna bidra till en mer effektiv verksamhet.",
  "Arbetet fortsätter under kommande period.",
  "Någon ytterligare finansiering bedöms inte behövas.",
  "Frågan följs upp i samband med nästa delårsrapport.",
  "Förvaltningen ser inga hinder mot att förslaget genomförs.",
  "Synpunkterna har så långt möjligt arbetats in i förslaget.",
  "Det finns ingen anledning att ompröva tidigare ställningstagande.",
  "Effekterna för verksamheten bedöms som begränsade.",
  "Underlaget har stämts av med ekonomienheten.",
  "Frågan har även diskuterats i förvaltningens ledningsgrupp.",
  "En fördjupad analys redovisas i bilagan.",
  "Arbetet sker inom ramen för befintliga resurser.",
  "Berörda fackliga organisationer har informerats.",
  "Förslaget är förenligt med kommunens övergripande mål.",
  "Ett fortsatt arbete krävs för att nå full effekt.",
  "Resultatet kommer att redovisas för nämnden under hösten.",
] as const;

/**
 * One composed sentence: subject, verb, object and qualifier from independent
 * lists (about 10,000 combinations before the fillers are counted).
 */
export function composedSentence(rng: Rng, vars: Record<string, string>): string {
  const fillers: Record<string, string> = {
    forv: vars.forv ?? "Förvaltningen",
    district: vars.district ?? "centralorten",
    area: rng.pick(AREAS),
    thing: rng.pick(THINGS),
    group: rng.pick(GROUPS),
  };
  const text = `${rng.pick(SUBJECTS)} ${rng.pick(VERBS)} ${rng.pick(OBJECTS)}${rng.pick(QUALIFIERS)}.`;
  const filled = text.replace(/\{(\w+)\}/g, (whole, key: string) => fillers[key] ?? whole);
  return rng.chance(0.2) ? `${filled} ${rng.pick(CLOSERS)}` : filled;
}

/**
 * A paragraph of prose: a few template sentences (which carry the look-alike
 * references and figures the indexer must see through) mixed with composed ones.
 */
export function proseParagraph(
  rng: Rng,
  templates: readonly string[],
  vars: Record<string, string>,
  fill: (text: string, vars: Record<string, string>) => string,
  count: [number, number],
): string {
  const fixed = rng.sample(templates, rng.int(count[0], count[1])).map((s) => fill(s, vars));
  const composed = Array.from({ length: rng.int(1, 2) }, () => composedSentence(rng, vars));
  const at = rng.int(0, fixed.length);
  return [...fixed.slice(0, at), ...composed, ...fixed.slice(at)].join(" ");
}
