/**
 * Records that come out of a meeting besides the protokoll: protokollsutdrag
 * of single paragraphs, and the bilagor (protokollsanteckningar, written
 * reservations, särskilda yttranden) handed in at it. The kallelse that
 * announced the meeting is in kallelse.ts.
 */

import { CaseLog, fill } from "./cases.ts";
import { fragile } from "./damage.ts";
import { iso, longDate } from "./dates.ts";
import { type Meeting, runningLines } from "./meeting.ts";
import type { AnnexSpec, BuiltParagraph } from "./paragraph.ts";
import { genitive, joinSv, pol } from "./people.ts";
import { NOTE_TEXTS, RESERVATION_TEXTS, SPECIAL_TEXTS } from "./phrases.ts";
import type { Block, GeneratedRecord, Truth } from "./types.ts";
import { partyName as fullPartyName } from "./vocabulary.ts";
import { styleFor } from "./world.ts";

type TruthBase = Omit<
  Truth,
  "type" | "title" | "body" | "meetingDate" | "documentDate" | "diarienummer" | "caseNumbersWritten"
>;

/** The truth fields every record of a meeting starts from. */
export function base(file: string, mt: Meeting): TruthBase {
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
        // The running header states the date on every page, so the text layer may garble this one.
        { label: "Sammanträdesdatum", lines: [rng.chance(0.7) ? fragile(iso(mt.day)) : longDate(mt.day)] },
      ],
    },
    { k: "mark", paragraph: p.truth.number },
    ...p.blocks,
    { k: "mark", paragraph: null },
    { k: "p", text: "Rätt utdraget intygar" },
    { k: "p", text: `${mt.body.secretary.name}, ${mt.body.secretary.title}` },
  ];
  return {
    layout: {
      ...runningLines(mt, kind.toUpperCase()),
      blocks,
      ...(mt.m.house.continued ? { continued: mt.m.house.continued } : {}),
    },
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

/** A protokollsanteckning, written reservation or särskilt yttrande, as its own bilaga to the protokoll. */
export function buildAnnex(mt: Meeting, a: AnnexSpec, file: string, protokollFile: string): GeneratedRecord {
  const { rng, m } = mt.room;
  const log = new CaseLog();
  const w = { lower: m.house.lowerParty };
  const date = rng.chance(0.5) ? iso(mt.day) : longDate(mt.day);
  const dnr = a.dnr && rng.chance(0.5) ? log.write(a.dnr, styleFor(m, a.dnr.year)) : null;
  const party = a.authors[0]?.party ?? "";
  const partyName = fullPartyName(party);
  const texts =
    a.kind === "Reservation" ? RESERVATION_TEXTS : a.kind === "Särskilt yttrande" ? SPECIAL_TEXTS : NOTE_TEXTS;
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
