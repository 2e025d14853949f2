/**
 * The protokoll of a meeting: header (as a table, label lines or columns),
 * attendance, justering, signatures, anslag, an optional table of contents,
 * then the paragraphs, each maybe on a page of its own.
 */

import { CaseLog } from "./cases.ts";
import { fragile } from "./damage.ts";
import { iso, longDate, weekdayDate, yearOf } from "./dates.ts";
import { attendanceLines, attendees, type Meeting, runningLines } from "./meeting.ts";
import type { BuiltParagraph } from "./paragraph.ts";
import { pol } from "./people.ts";
import type { Block, GeneratedRecord, TruthLink } from "./types.ts";

export interface ProtokollInput {
  mt: Meeting;
  paragraphs: BuiltParagraph[];
  file: string;
  /** Links to the bilagor of the protokoll, once their files are named. */
  annexLinks: TruthLink[];
}

function headerBlocks(mt: Meeting, paragraphs: BuiltParagraph[]): Block[] {
  const { rng } = mt.room;
  const w = { lower: mt.m.house.lowerParty };
  const lines = attendanceLines(mt);
  const first = paragraphs[0]?.truth.number ?? 1;
  const last = paragraphs[paragraphs.length - 1]?.truth.number ?? first;
  const chair = mt.room.seats.find((s) => s.role === "ordförande")?.p ?? mt.justerare;
  const secretary = mt.body.secretary;
  // Templates drift: most records follow the house layout, some an older or newer one.
  const house = rng.chance(0.8) ? mt.m.house.header : rng.pick(["table", "lines", "columns", "grid"] as const);
  const layout =
    house === "columns" && mt.body.kind !== "fullmäktige" ? rng.pick(["columns", "table"] as const) : house;
  // Older records often write the weekday ("tisdag den 23 maj 2006"). The meeting date is also in
  // the running header of every page, so a text layer may garble it here without the truth changing.
  const date =
    yearOf(mt.day) < 2011 && rng.chance(0.5)
      ? weekdayDate(mt.day)
      : mt.m.house.longHeaderDate
        ? longDate(mt.day)
        : fragile(iso(mt.day));
  const rows: { label: string; lines: string[] }[] = [
    { label: "Sammanträdesdatum", lines: [date] },
    { label: "Plats och tid", lines: [`${mt.place}, ${mt.time}`] },
    { label: "Beslutande", lines: lines.members },
  ];
  if (lines.listeners.length > 0)
    rows.push({
      label: rng.pick(["Ersättare", "Närvarande ersättare", "Ej tjänstgörande ersättare"]),
      lines: lines.listeners,
    });
  rows.push({
    label: rng.pick(["Övriga närvarande", "Övriga deltagare", "Övriga närvarande"]),
    lines: lines.officials,
  });
  rows.push({ label: rng.pick(["Utses att justera", "Justerare"]), lines: [pol(mt.justerare, w)] });
  rows.push({
    label: "Justeringens plats och tid",
    lines: [
      rng.chance(0.5)
        ? `${mt.place.split(",")[0]}, ${fragile(iso(mt.justeringDay))}`
        : `Protokollet justeras digitalt ${fragile(iso(mt.justeringDay))}.`,
    ],
  });
  rows.push({
    label: "Paragrafer",
    lines: [first === last ? `§ ${first}` : rng.pick([`${first}–${last}`, `§§ ${first}–${last}`, `${first}-${last}`])],
  });
  const titleStyle = mt.m.house.protocolTitle;
  const blocks: Block[] =
    titleStyle === "fört vid"
      ? [{ k: "title", text: `Protokoll fört vid sammanträde med ${mt.body.name}` }]
      : [
          { k: "title", text: titleStyle },
          { k: "h", level: 1, text: mt.body.name },
        ];
  blocks.push(
    { k: "fields", layout, rows },
    { k: "h", level: 2, text: "Underskrifter" },
    {
      k: "fields",
      layout: layout === "lines" ? "lines" : "table",
      rows: [
        { label: "Sekreterare", lines: [secretary.name] },
        { label: "Ordförande", lines: [pol(chair, w)] },
        { label: "Justerande", lines: [pol(mt.justerare, w)] },
      ],
    },
  );
  if (rng.chance(0.6)) {
    blocks.push({ k: "h", level: 2, text: rng.pick(["ANSLAG/BEVIS", "Anslag/bevis", "Bevis om justering"]) });
    blocks.push({ k: "p", text: "Protokollet är justerat. Justeringen har tillkännagivits genom anslag." });
    blocks.push({
      k: "fields",
      layout: "table",
      rows: [
        { label: "Organ", lines: [mt.body.name] },
        { label: "Sammanträdesdatum", lines: [fragile(iso(mt.day))] },
        { label: "Datum för anslags uppsättande", lines: [fragile(iso(mt.justeringDay + 1))] },
        { label: "Datum för anslags nedtagande", lines: [fragile(iso(mt.justeringDay + 22))] },
        {
          label: "Förvaringsplats för protokollet",
          lines: [`${rng.pick(["Kommunhuset", "Stadshuset", "Kommunkansliet"])}, ${mt.m.name}`],
        },
      ],
    });
  }
  return blocks;
}

/**
 * A table of contents: § and title, with the diarienummer in a column of its
 * own or the page ("Sida") where the § begins, as estimated when it was typed.
 */
function toc(mt: Meeting, paragraphs: BuiltParagraph[]): Block {
  const { rng } = mt.room;
  const dotted = rng.chance(0.4);
  const withPage = rng.chance(0.35);
  let page = rng.int(2, 4);
  const rows = paragraphs.map((p) => {
    const row = [dotted ? `${p.truth.number}.` : `§ ${p.truth.number}`, p.truth.title, p.dnrWritten.join(", ")];
    if (withPage) row.push(String(page));
    page += rng.int(0, 2);
    return row;
  });
  const head = rng.chance(0.5);
  const headRow = withPage ? ["§", "Ärende", "Dnr", "Sida"] : ["§", "Ärende", "Dnr"];
  return {
    k: "table",
    head,
    widths: withPage ? [0.1, 0.56, 0.26, 0.08] : [0.1, 0.62, 0.28],
    rows: head ? [headRow, ...rows] : rows,
  };
}

/** Builds the protokoll record; the paragraphs are already built. */
export function buildProtokoll(input: ProtokollInput): GeneratedRecord {
  const { mt, paragraphs } = input;
  const { rng } = mt.room;
  const log = new CaseLog();
  const blocks = headerBlocks(mt, paragraphs);
  if (rng.chance(mt.m.house.toc)) {
    blocks.push(
      { k: "pagebreak" },
      { k: "h", level: 2, text: rng.pick(["Innehåll", "Ärendeförteckning", "Innehållsförteckning"]) },
    );
    blocks.push(toc(mt, paragraphs));
  }
  const pagePerParagraph = rng.chance(0.4);
  blocks.push({ k: "pagebreak" });
  paragraphs.forEach((p, i) => {
    if (i > 0 && pagePerParagraph) blocks.push({ k: "pagebreak" });
    blocks.push({ k: "mark", paragraph: p.truth.number }, ...p.blocks, { k: "mark", paragraph: null });
    log.merge(p.log);
  });
  if (rng.chance(0.2)) {
    blocks.push({ k: "pagebreak" }, { k: "h", level: 2, text: "Signerat med BankID" });
    const signers = [
      mt.body.secretary.name,
      ...mt.room.seats.filter((s) => s.role === "ordförande").map((s) => s.p.name),
      mt.justerare.name,
    ];
    blocks.push({
      k: "list",
      marker: "",
      items: signers.map((n) => `Signed by ${n}, ${iso(mt.justeringDay)} (BankID)`),
    });
  }
  const references = paragraphs.flatMap((p) => p.references);
  const links = [...input.annexLinks, ...paragraphs.flatMap((p) => p.referenceLinks)];
  return {
    layout: {
      ...runningLines(mt, "SAMMANTRÄDESPROTOKOLL"),
      blocks,
      ...(mt.m.house.continued ? { continued: mt.m.house.continued } : {}),
    },
    truth: {
      file: input.file,
      format: "pdf",
      encoding: null,
      municipality: mt.m.display,
      type: "protokoll",
      title: `Protokoll ${mt.body.name} ${iso(mt.day)}`,
      body: mt.body.name,
      meetingDate: iso(mt.day),
      documentDate: null,
      diarienummer: log.canonical,
      paragraphs: paragraphs.map((p) => p.truth),
      attendees: attendees(mt),
      attachments: [],
      belongsTo: null,
      references,
      links,
      caseNumbersWritten: log.written,
    },
  };
}
