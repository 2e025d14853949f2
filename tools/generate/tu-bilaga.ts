/**
 * A bilaga to a tjänsteutlåtande: a report of its own that names the report
 * it belongs to by date and diarienummer, sometimes with a table of figures.
 */

import { type Case, CaseLog, type TuInfo } from "./cases.ts";
import { fillLocal } from "./conventions.ts";
import { iso } from "./dates.ts";
import { canonicalDnr } from "./diarienummer.ts";
import { DESCRIPTION, SUMMARY } from "./phrases.ts";
import { proseParagraph } from "./prose.ts";
import type { Rng } from "./rng.ts";
import { lowerFirst } from "./tjansteutlatande.ts";
import type { Block, GeneratedRecord, Truth } from "./types.ts";
import { type Municipality, styleFor } from "./world.ts";

/** A bilaga to a tjänsteutlåtande: a report of its own, perhaps with a table of figures. */
export function buildTuAttachment(
  rng: Rng,
  m: Municipality,
  c: Case,
  tu: TuInfo,
  index: number,
  file: string,
): GeneratedRecord {
  const att = tu.attachments[index];
  if (!att) throw new Error("no such attachment");
  const log = new CaseLog();
  const style = styleFor(m, c.no.year);
  const dnr = log.write(c.no, style);
  const vars = { ...c.vars, topic: lowerFirst(c.title), forv: tu.forvaltning, body: "nämnden" };
  const blocks: Block[] = [
    { k: "title", text: `Bilaga ${att.label}` },
    {
      k: "p",
      text: rng.pick([
        `Bilaga ${att.label} till ${tu.kind.toLowerCase()} ${iso(tu.day)}, Dnr ${dnr}`,
        `till ${tu.kind.toLowerCase()} daterat ${iso(tu.day)}, ${dnr}`,
      ]),
    },
    { k: "h", level: 1, text: att.title },
    {
      k: "p",
      text: proseParagraph(rng, SUMMARY, vars, (t, v) => fillLocal(m, t, v), [1, 2]),
    },
  ];
  if (rng.chance(0.5)) {
    const rows = ["Förskola", "Grundskola", "Gymnasieskola", "Administration", "Lokaler"]
      .slice(0, rng.int(3, 5))
      .map((v) => {
        const budget = rng.int(800, 90000);
        const outcome = budget + rng.int(-2000, 2000);
        return [v, `${budget} tkr`, `${outcome} tkr`, `${budget - outcome} tkr`];
      });
    blocks.push({
      k: "table",
      head: true,
      widths: [0.4, 0.2, 0.2, 0.2],
      rows: [["Verksamhet", "Budget", "Utfall", "Avvikelse"], ...rows],
    });
  }
  blocks.push({
    k: "p",
    text: proseParagraph(rng, DESCRIPTION, vars, (t, v) => fillLocal(m, t, v), [0, 1]),
  });
  const truth: Truth = {
    file,
    format: "pdf",
    encoding: null,
    municipality: m.display,
    type: "bilaga",
    title: att.title,
    body: null,
    meetingDate: null,
    documentDate: iso(tu.day),
    diarienummer: log.canonical,
    paragraphs: [],
    attendees: [],
    attachments: [],
    belongsTo: {
      label: att.label,
      body: null,
      meetingDate: null,
      paragraph: null,
      documentDate: iso(tu.day),
      diarienummer: canonicalDnr(c.no, style),
    },
    references: [],
    links: tu.file ? [{ rel: "attached-to", file: tu.file, paragraph: null, label: att.label }] : [],
    caseNumbersWritten: log.written,
  };
  return {
    truth,
    layout: {
      header: [m.display, `Bilaga ${att.label}`],
      footer: ["Sida {page} av {pages}"],
      headerColumns: false,
      blocks,
    },
  };
}
