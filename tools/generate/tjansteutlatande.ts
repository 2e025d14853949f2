/**
 * The staff report that prepares a case (tjänsteutlåtande or tjänsteskrivelse)
 * and the bilagor that accompany it ("Bilaga 1 till tjänsteutlåtande
 * 2020-02-06, Dnr KS-2020/42.142").
 */

import { type Case, CaseLog, fill, type TuInfo } from "./cases.ts";
import { fillLocal } from "./conventions.ts";
import { fragile } from "./damage.ts";
import { type DateStyle, iso, writeDate } from "./dates.ts";
import { REPORT_TITLES } from "./matters.ts";
import { genitive, type Official, personName } from "./people.ts";
import { DESCRIPTION, SUMMARY } from "./phrases.ts";
import { proseParagraph } from "./prose.ts";
import type { Rng } from "./rng.ts";
import type { Block, GeneratedRecord, Truth } from "./types.ts";
import { type Body, type Municipality, styleFor } from "./world.ts";

export const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);

/** Decides the report's date, author and bilagor; the records are built later. */
export function planTu(rng: Rng, body: Body, c: Case, meetingDay: number): TuInfo {
  const author: Official = rng.chance(0.7)
    ? (rng.pick(body.officials) ?? { name: personName(rng), title: "utredare" })
    : { name: personName(rng), title: rng.pick(["utredare", "handläggare", "controller"]) };
  const n = rng.weighted([
    [0, 3],
    [1, 4],
    [2, 2],
    [3, 1],
  ] as const);
  const titles = rng.sample(REPORT_TITLES, n).map((t) => fill(t, c.vars));
  const styrelsens = body.name.startsWith("Region") ? "regionstyrelsens" : "kommunstyrelsens";
  const ownerGenitive = body.central
    ? rng.pick([genitive(body.name).toLowerCase(), styrelsens, "förvaltningens"])
    : rng.pick([genitive(body.forvaltning).toLowerCase(), "förvaltningens"]);
  return {
    day: meetingDay - rng.int(10, 45),
    kind: rng.chance(0.6) ? "Tjänsteutlåtande" : "Tjänsteskrivelse",
    forvaltning: body.forvaltning,
    ownerGenitive: body.name.startsWith("Kommunstyrelsen") ? "kommunstyrelsens" : ownerGenitive,
    author,
    attachments: titles.map((title, i) => ({ label: String(i + 1), title, file: null })),
    file: null,
  };
}

export function buildTu(rng: Rng, m: Municipality, body: Body, c: Case, tu: TuInfo, file: string): GeneratedRecord {
  const log = new CaseLog();
  const dnr = log.write(c.no, styleFor(m, c.no.year));
  const dateStyle: DateStyle = rng.pick(["iso", "iso", "long"]);
  const vars = { ...c.vars, topic: lowerFirst(c.title), forv: tu.forvaltning, body: body.name.toLowerCase() };
  const fields = [
    // The running header repeats the date on every page, so a text layer may garble this one.
    { label: "Datum", lines: [dateStyle === "iso" ? fragile(iso(tu.day)) : writeDate(tu.day, dateStyle)] },
    { label: rng.pick(["Dnr", "Diarienummer", "Vår beteckning"]), lines: [dnr] },
    { label: "Handläggare", lines: [`${tu.author.name}, ${tu.author.title}`] },
  ];
  if (rng.chance(0.6)) fields.push({ label: rng.pick(["Till", "Ärendet ska behandlas av"]), lines: [body.name] });
  const blocks: Block[] = [
    { k: "p", text: m.display },
    { k: "p", text: tu.forvaltning },
    { k: "title", text: tu.kind },
    { k: "fields", layout: rng.pick(["table", "lines", "columns"] as const), rows: fields },
    { k: "h", level: 1, text: c.title },
    { k: "h", level: 2, text: "Förslag till beslut" },
    {
      k: "list",
      marker: rng.pick(["1.", "-"] as const),
      items: [
        `${c.noun} ${c.verb}.`,
        ...(rng.chance(0.4)
          ? [fill("Förvaltningen får i uppdrag att återrapportera till nämnden under {y1}.", vars)]
          : []),
      ],
    },
    { k: "h", level: 2, text: "Sammanfattning" },
    {
      k: "p",
      text: proseParagraph(rng, SUMMARY, vars, (t, v) => fillLocal(m, t, v), [1, 2]),
    },
    { k: "h", level: 2, text: rng.pick(["Ärendet", "Beskrivning av ärendet", "Bakgrund"]) },
    {
      k: "p",
      text: proseParagraph(rng, DESCRIPTION, vars, (t, v) => fillLocal(m, t, v), [1, 2]),
    },
  ];
  if (rng.chance(0.5))
    blocks.push(
      { k: "h", level: 2, text: "Ekonomiska konsekvenser" },
      {
        k: "p",
        text: fill(
          "Förslaget bedöms rymmas inom nämndens budgetram för {y1}. Kostnaden uppgår till {amount} kronor.",
          vars,
        ),
      },
    );
  if (tu.attachments.length > 0) {
    blocks.push(
      { k: "h", level: 2, text: "Bilagor" },
      { k: "list", marker: "", items: tu.attachments.map((a) => `Bilaga ${a.label}. ${a.title}`) },
    );
  }
  blocks.push({
    k: "p",
    text: `${tu.author.name}\n${tu.author.title.charAt(0).toUpperCase()}${tu.author.title.slice(1)}`,
  });
  const truth: Truth = {
    file,
    format: "pdf",
    encoding: null,
    municipality: m.display,
    type: "tjansteutlatande",
    title: c.title,
    body: fields.some((f) => f.lines[0] === body.name) ? body.name : null,
    meetingDate: null,
    documentDate: iso(tu.day),
    diarienummer: log.canonical,
    paragraphs: [],
    attendees: [],
    attachments: tu.attachments.map((a) => ({ label: a.label, title: a.title })),
    belongsTo: null,
    references: [],
    links: tu.attachments
      .filter((a) => a.file)
      .map((a) => ({ rel: "attachment" as const, file: a.file ?? "", paragraph: null, label: a.label })),
    caseNumbersWritten: log.written,
  };
  return {
    truth,
    layout: {
      header: [m.display, tu.forvaltning, iso(tu.day), dnr],
      footer: ["{page} ({pages})"],
      headerColumns: rng.chance(0.5),
      blocks,
    },
  };
}
