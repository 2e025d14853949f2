/**
 * The kallelse (notice and agenda) of a meeting, sent a week or so before it.
 * Municipalities list the matters as a table, as a plain list, or under one
 * "Ärende 12" heading each with its diarienummer and proposal: agenda numbers
 * that are not § numbers, so a kallelse has no paragraphs in the truth.
 */

import { type Case, CaseLog } from "./cases.ts";
import { iso, weekdayDate } from "./dates.ts";
import { base } from "./extracts.ts";
import { type Meeting, runningLines } from "./meeting.ts";
import type { BuiltParagraph } from "./paragraph.ts";
import { pol } from "./people.ts";
import type { Block, GeneratedRecord } from "./types.ts";
import { styleFor } from "./world.ts";

type Row = { n: number; title: string; dnr: string; c: Case | null };

function agenda(mt: Meeting, rows: Row[]): Block[] {
  const { rng } = mt.room;
  switch (mt.m.house.agenda) {
    case "table":
      return [
        {
          k: "table",
          head: true,
          widths: [0.08, 0.62, 0.3],
          rows: [["Nr", "Ärende", "Dnr"], ...rows.map((r) => [`${r.n}.`, r.title, r.dnr])],
        },
      ];
    case "list":
      return [{ k: "list", marker: "", items: rows.map((r) => `${r.n}. ${r.title}${r.dnr ? `, Dnr ${r.dnr}` : ""}`) }];
    case "arende":
      return rows.flatMap((r): Block[] => {
        const out: Block[] = [
          { k: "h", level: 1, text: `Ärende ${r.n}` },
          { k: "h", level: 2, text: r.title },
        ];
        if (r.dnr) out.push({ k: "p", text: `Dnr ${r.dnr}` });
        const c = r.c;
        if (c) {
          const verb = c.verb.includes(mt.body.name.toLowerCase()) ? "godkänns" : c.verb;
          out.push({ k: "p", text: `Förslag till beslut: ${c.noun} ${verb}.` });
          if (rng.chance(0.5)) out.push({ k: "p", text: `Föredragande: ${rng.pick(mt.body.officials).title}` });
        }
        return out;
      });
  }
}

/** Builds the kallelse; its rows follow the protokoll's paragraphs in order. */
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
  const rows: Row[] = paragraphs.map((p, i) => {
    const c = cases[i] ?? null;
    const no = c ? (mt.body.central && c.centralNo ? c.centralNo : c.no) : null;
    return { n: i + 1, title: p.truth.title, dnr: no ? log.write(no, styleFor(m, no.year)) : "", c };
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
    ...agenda(mt, rows),
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
