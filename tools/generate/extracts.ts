/**
 * Records that come out of a meeting besides the protokoll: the kallelse that
 * announced it, protokollsutdrag of single paragraphs, and the bilagor
 * (protokollsanteckningar, written reservations) handed in at it.
 */

import { type Case, CaseLog, fill } from "./cases.ts";
import { iso, longDate, weekdayDate } from "./dates.ts";
import { type Meeting, runningLines } from "./meeting.ts";
import type { AnnexSpec, BuiltParagraph } from "./paragraph.ts";
import { genitive, joinSv, pol } from "./people.ts";
import { NOTE_TEXTS, RESERVATION_TEXTS } from "./phrases.ts";
import type { Block, GeneratedRecord, Truth } from "./types.ts";
import { PARTIES } from "./vocabulary.ts";
import { styleFor } from "./world.ts";

type TruthBase = Omit<
  Truth,
  "type" | "title" | "body" | "meetingDate" | "documentDate" | "diarienummer" | "caseNumbersWritten"
>;

function base(file: string, mt: Meeting): TruthBase {
  return {
    file,
    format: "pdf",
    encoding: null,
    municipality: mt.m.display,
    paragraphs: [],
    attendees: [],
    attachments: [],
    belongsTo: null,
    references: [],
    links: [],
  };
}

/** A protokollsutdrag: one paragraph copied out, certified by the secretary. */
export function buildUtdrag(mt: Meeting, p: BuiltParagraph, file: string): GeneratedRecord {
  const { rng } = mt.room;
  const kind = rng.pick(["Protokollsutdrag", "Utdrag ur protokoll", "Utdrag ur sammanträdesprotokoll"]);
  const blocks: Block[] = [
    { k: "title", text: kind },
    {
      k: "fields",
      layout: mt.m.house.header === "lines" ? "lines" : "table",
      rows: [
        { label: "Organ", lines: [mt.body.name] },
        { label: "Sammanträdesdatum", lines: [rng.chance(0.7) ? iso(mt.day) : longDate(mt.day)] },
      ],
    },
    ...p.blocks,
    { k: "p", text: "Rätt utdraget intygar" },
    { k: "p", text: `${mt.body.secretary.name}, ${mt.body.secretary.title}` },
  ];
  return {
    layout: { ...runningLines(mt, kind.toUpperCase()), blocks },
    truth: {
      ...base(file, mt),
      type: "protokollsutdrag",
      title: `Protokollsutdrag ${mt.body.name} ${iso(mt.day)}, § ${p.truth.number}`,
      body: mt.body.name,
      meetingDate: iso(mt.day),
      documentDate: null,
      diarienummer: p.log.canonical.slice(),
      caseNumbersWritten: p.log.written.slice(),
      paragraphs: [p.truth],
      references: p.references,
      links: p.referenceLinks.slice(),
    },
  };
}

/** The kallelse, sent a week or so before the meeting, listing its matters. */
export function buildKallelse(
  mt: Meeting,
  paragraphs: BuiltParagraph[],
  cases: (Case | null)[],
  file: string,
): GeneratedRecord {
  const { rng, m } = mt.room;
  const log = new CaseLog();
  const sent = mt.day - rng.int(6, 12);
  const showSent = rng.chance(0.5);
  const chair = mt.room.seats.find((s) => s.role === "ordförande")?.p;
  const rows = paragraphs.map((p, i) => {
    const c = cases[i];
    const no = c ? (mt.body.central && c.centralNo ? c.centralNo : c.no) : null;
    return [`${i + 1}.`, p.truth.title, no ? log.write(no, styleFor(m, no.year)) : ""];
  });
  const title = rng.pick(["Kallelse till sammanträde", "Kallelse och föredragningslista", "Föredragningslista"]);
  const fields = [
    {
      label: "Tid",
      lines: [`${rng.chance(0.5) ? weekdayDate(mt.day) : iso(mt.day)} ${mt.time.split(/[–-]/)[0]?.trim() ?? ""}`],
    },
    { label: "Plats", lines: [mt.place] },
  ];
  if (showSent) fields.unshift({ label: "Datum", lines: [iso(sent)] });
  const blocks: Block[] = [
    { k: "title", text: title },
    { k: "h", level: 1, text: mt.body.name },
    { k: "fields", layout: mt.m.house.header === "lines" ? "lines" : "table", rows: fields },
    {
      k: "p",
      text: `Ledamöter kallas härmed till sammanträde. Ersättare underrättas. Förhinder anmäls till ${mt.body.secretary.name}, ${mt.body.secretary.title}.`,
    },
    { k: "h", level: 2, text: "Ärenden" },
    rng.chance(0.6)
      ? { k: "table", head: true, widths: [0.08, 0.62, 0.3], rows: [["Nr", "Ärende", "Dnr"], ...rows] }
      : { k: "list", marker: "", items: rows.map(([n, t, d]) => `${n} ${t}${d ? `, Dnr ${d}` : ""}`) },
    { k: "p", text: chair ? `${pol(chair, { lower: m.house.lowerParty })}, ordförande` : "Ordföranden" },
    { k: "p", text: `${mt.body.secretary.name}, ${mt.body.secretary.title}` },
  ];
  const running = runningLines(mt, "KALLELSE");
  return {
    layout: { ...running, header: [m.display, title, mt.body.name], blocks },
    truth: {
      ...base(file, mt),
      type: "kallelse",
      title: `Kallelse ${mt.body.name} ${iso(mt.day)}`,
      body: mt.body.name,
      meetingDate: iso(mt.day),
      documentDate: showSent ? iso(sent) : null,
      diarienummer: log.canonical,
      caseNumbersWritten: log.written,
    },
  };
}

/** A protokollsanteckning or written reservation, as its own bilaga to the protokoll. */
export function buildAnnex(mt: Meeting, a: AnnexSpec, file: string, protokollFile: string): GeneratedRecord {
  const { rng, m } = mt.room;
  const log = new CaseLog();
  const w = { lower: m.house.lowerParty };
  const date = rng.chance(0.5) ? iso(mt.day) : longDate(mt.day);
  const dnr = a.dnr && rng.chance(0.5) ? log.write(a.dnr, styleFor(m, a.dnr.year)) : null;
  const party = a.authors[0]?.party ?? "";
  const partyName = (PARTIES as Record<string, string>)[party] ?? null;
  const texts = a.kind === "Reservation" ? RESERVATION_TEXTS : NOTE_TEXTS;
  const blocks: Block[] = [
    { k: "title", text: `Bilaga ${a.label}` },
    { k: "h", level: 1, text: a.kind },
    { k: "p", text: `till ${genitive(mt.body.name).toLowerCase()} protokoll ${date}, § ${a.paragraph}` },
    { k: "p", text: `Ärende: ${a.caseTitle}${dnr ? ` (${dnr})` : ""}` },
    {
      k: "p",
      text: rng
        .sample(texts, rng.int(1, 2))
        .map((t) => fill(t, { district: "kommunens ytterområden" }))
        .join(" "),
    },
    { k: "p", text: joinSv(a.authors.map((p) => pol(p, w))) },
  ];
  if (partyName) blocks.push({ k: "p", text: `För ${partyName}` });
  return {
    layout: { header: [m.display, `Bilaga ${a.label}`], footer: ["{page} ({pages})"], headerColumns: false, blocks },
    truth: {
      ...base(file, mt),
      type: "bilaga",
      title: a.kind,
      body: mt.body.name,
      meetingDate: iso(mt.day),
      documentDate: null,
      diarienummer: log.canonical,
      caseNumbersWritten: log.written,
      belongsTo: {
        label: a.label,
        body: mt.body.name,
        meetingDate: iso(mt.day),
        paragraph: a.paragraph,
        documentDate: null,
        diarienummer: null,
      },
      links: [{ rel: "attached-to", file: protokollFile, paragraph: a.paragraph, label: a.label }],
    },
  };
}
