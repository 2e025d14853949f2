/**
 * The protokoll of a meeting: header (as a table, label lines or columns),
 * attendance, justering, signatures, anslag, an optional table of contents,
 * then the paragraphs, each maybe on a page of its own.
 */

import { CaseLog } from "./cases.ts";
import { iso, longDate } from "./dates.ts";
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
  const layout =
    mt.m.house.header === "columns" && mt.body.kind !== "fullmäktige"
      ? rng.pick(["columns", "table"] as const)
      : mt.m.house.header;
  const date = mt.m.house.longHeaderDate ? longDate(mt.day) : iso(mt.day);
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
        ? `${mt.place.split(",")[0]}, ${iso(mt.justeringDay)}`
        : `Protokollet justeras digitalt ${iso(mt.justeringDay)}.`,
    ],
  });
  rows.push({
    label: "Paragrafer",
    lines: [first === last ? `§ ${first}` : rng.pick([`${first}–${last}`, `§§ ${first}–${last}`, `${first}-${last}`])],
  });
  const blocks: Block[] = [
    { k: "title", text: rng.pick(["SAMMANTRÄDESPROTOKOLL", "Sammanträdesprotokoll", "Protokoll"]) },
    { k: "h", level: 1, text: mt.body.name },
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
  ];
  if (rng.chance(0.6)) {
    blocks.push({ k: "h", level: 2, text: rng.pick(["ANSLAG/BEVIS", "Anslag/bevis", "Bevis om justering"]) });
    blocks.push({ k: "p", text: "Protokollet är justerat. Justeringen har tillkännagivits genom anslag." });
    blocks.push({
      k: "fields",
      layout: "table",
      rows: [
        { label: "Organ", lines: [mt.body.name] },
        { label: "Sammanträdesdatum", lines: [iso(mt.day)] },
        { label: "Datum för anslags uppsättande", lines: [iso(mt.justeringDay + 1)] },
        { label: "Datum för anslags nedtagande", lines: [iso(mt.justeringDay + 22)] },
        {
          label: "Förvaringsplats för protokollet",
          lines: [`${rng.pick(["Kommunhuset", "Stadshuset", "Kommunkansliet"])}, ${mt.m.name}`],
        },
      ],
    });
  }
  return blocks;
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
    const rows = paragraphs.map((p) => [`§ ${p.truth.number}`, p.truth.title, p.dnrWritten.join(", ")]);
    blocks.push({ k: "table", head: false, widths: [0.1, 0.62, 0.28], rows });
  }
  const pagePerParagraph = rng.chance(0.4);
  blocks.push({ k: "pagebreak" });
  paragraphs.forEach((p, i) => {
    if (i > 0 && pagePerParagraph) blocks.push({ k: "pagebreak" });
    blocks.push(...p.blocks);
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
    layout: { ...runningLines(mt, "SAMMANTRÄDESPROTOKOLL"), blocks },
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
