/**
 * One § of a protokoll: heading with diarienummer, decision, summary,
 * underlying documents, debate and the rest, in one of two common orders. The
 * same blocks serve the protokoll and any protokollsutdrag of the paragraph.
 */

import type { DocumentReference } from "../../indexer/model.ts";
import { type Case, CaseLog, fill } from "./cases.ts";
import { iso, longDate } from "./dates.ts";
import { debate, motions, type Room } from "./debate.ts";
import { canonicalDnr } from "./diarienummer.ts";
import { headingBlocks, lowerFirst } from "./paragraph-head.ts";
import { genitive, PersonList, type Politician } from "./people.ts";
import { DESCRIPTION, EXPEDITION, SUMMARY } from "./phrases.ts";
import { standingBlocks } from "./standing.ts";
import type { Block, TruthLink, TruthParagraph } from "./types.ts";
import { notes } from "./votes.ts";
import { type Body, styleFor } from "./world.ts";

/** A bilaga to the protokoll that a paragraph creates (a written note or reservation). */
export interface AnnexSpec {
  label: string;
  kind: "Protokollsanteckning" | "Reservation";
  authors: Politician[];
  paragraph: number;
  caseTitle: string;
  dnr: Case["no"] | null;
}

export interface BuiltParagraph {
  blocks: Block[];
  truth: TruthParagraph;
  log: CaseLog;
  annexes: AnnexSpec[];
  references: DocumentReference[];
  referenceLinks: TruthLink[];
  /** Written case numbers, for a table of contents. */
  dnrWritten: string[];
}

export interface ParagraphInput {
  room: Room;
  body: Body;
  day: number;
  number: number;
  title: string;
  case: Case | null;
  nextLabel: () => string;
}

/** Builds one paragraph and everything the truth needs to know about it. */
export function buildParagraph(input: ParagraphInput): BuiltParagraph {
  const { room, body, day, number, case: c } = input;
  const { rng, m } = room;
  const log = new CaseLog();
  const gap = m.house.paragraphHead === "bare" ? "   " : " ";
  const nos = c ? (body.central && c.centralNo ? (rng.chance(0.4) ? [c.centralNo, c.no] : [c.centralNo]) : [c.no]) : [];
  const dnrWritten = nos.map((no) => log.write(no, styleFor(m, no.year), gap));
  const blocks = headingBlocks(input, dnrWritten);
  const speakers = new PersonList();
  const h2 = (text: string): Block => ({ k: "h", level: 2, text });
  const truth: TruthParagraph = {
    number,
    title: input.title,
    diarienummer: [],
    speakers: [],
    reservations: [],
    notes: [],
    attachments: [],
  };
  const out: BuiltParagraph = { blocks, truth, log, annexes: [], references: [], referenceLinks: [], dnrWritten };

  if (!c) {
    blocks.push(...standingBlocks(room, input.title, day, speakers, log));
  } else {
    const next = c.flow[c.step + 1];
    const prev = c.history[c.history.length - 1];
    const proposal = prev
      ? `${lowerFirst(genitive(prev.body.name))} förslag`
      : rng.pick(["förvaltningens förslag", `${lowerFirst(genitive(body.forvaltning))} förslag till beslut`]);
    const vars = { ...c.vars, topic: lowerFirst(c.title), forv: body.forvaltning, body: room.bodyLower };

    let decisionText = `${c.noun} ${c.verb}.`;
    if (c.tu && c.tu.attachments.length > 0 && rng.chance(0.55)) {
      const att = rng.pick(c.tu.attachments);
      const kind = c.tu.kind.toLowerCase();
      const when = rng.pick([
        `${kind === "tjänsteutlåtande" ? "daterat" : "daterad"} den ${longDate(c.tu.day)}`,
        `daterad ${iso(c.tu.day)}`,
        iso(c.tu.day),
      ]);
      decisionText = `${c.noun}, enligt bilaga ${att.label} till ${c.tu.ownerGenitive} ${kind} ${when}, ${c.verb}.`;
      out.references.push({
        label: att.label,
        targetType: "tjansteutlatande",
        date: iso(c.tu.day),
        diarienummer: canonicalDnr(c.no, styleFor(m, c.no.year)),
        paragraph: null,
      });
      if (att.file) out.referenceLinks.push({ rel: "references", file: att.file, paragraph: number, label: att.label });
    }
    const decision: Block[] = next
      ? [
          h2(rng.pick([`${genitive(body.name)} förslag till ${lowerFirst(next.name)}`, "Förslag till beslut"])),
          { k: "p", text: `${body.name} föreslår ${lowerFirst(next.name)} besluta följande:` },
        ]
      : [
          h2(
            rng.pick(["Beslut", `${genitive(body.name)} beslut`, body.kind === "nämnd" ? "Nämndens beslut" : "Beslut"]),
          ),
        ];
    const extra = rng.chance(0.4)
      ? [
          fill(
            rng.pick([
              "Förvaltningen får i uppdrag att återkomma med en uppföljning senast den 30 november {y1}.",
              "Beslutet gäller från och med den 1 januari {y1}.",
              "Ärendet överlämnas till kommunstyrelsen för kännedom.",
            ]),
            vars,
          ),
        ]
      : [];
    decision.push(
      extra.length > 0 || rng.chance(0.3)
        ? { k: "list", marker: rng.pick(["-", "1.", "•"] as const), items: [decisionText, ...extra] }
        : { k: "p", text: decisionText },
    );

    const summary: Block[] = [
      h2(rng.pick(["Sammanfattning", "Sammanfattning av ärendet", "Sammanfattning"])),
      {
        k: "p",
        text: rng
          .sample(SUMMARY, rng.int(2, 4))
          .map((s) => fill(s, vars))
          .join(" "),
      },
    ];
    if (rng.chance(0.5))
      summary.push(h2(rng.pick(["Ärendebeskrivning", "Beskrivning av ärendet", "Bakgrund"])), {
        k: "p",
        text: rng
          .sample(DESCRIPTION, rng.int(1, 3))
          .map((s) => fill(s, vars))
          .join(" "),
      });
    const basis = [
      c.tu
        ? `${genitive(c.tu.forvaltning)} ${c.tu.kind.toLowerCase()} ${c.tu.kind === "Tjänsteutlåtande" ? "daterat" : "daterad"} ${iso(c.tu.day)}`
        : `Tjänsteskrivelse daterad ${iso(day - rng.int(10, 40))}`,
    ];
    for (const a of c.tu?.attachments ?? []) basis.push(`${a.title}, daterad ${iso(c.tu?.day ?? day)}`);
    if (prev) basis.push(`${genitive(prev.body.name)} beslut ${iso(prev.day)}, § ${prev.paragraph}`);
    summary.push(h2("Beslutsunderlag"), { k: "list", marker: rng.pick(["-", ""] as const), items: basis });

    const debateBlocks = rng.chance(0.45) ? debate(room, speakers, h2) : [];
    const outcome = rng.chance(0.5) ? motions(room, speakers, h2, proposal, input.nextLabel) : null;
    const [decisionHead, ...decisionRest] = decision;
    const motionBlocks = outcome?.blocks ?? [];
    const reservationAt = motionBlocks.findIndex((b) => b.k === "h" && b.text.startsWith("Reservation"));
    const beforeRes = reservationAt >= 0 ? motionBlocks.slice(0, reservationAt) : motionBlocks;
    const resBlocks = reservationAt >= 0 ? motionBlocks.slice(reservationAt) : [];
    if (m.house.decisionFirst) blocks.push(...decision, ...summary, ...debateBlocks, ...beforeRes, ...resBlocks);
    else
      blocks.push(
        ...summary,
        ...debateBlocks,
        ...beforeRes,
        ...(decisionHead ? [decisionHead] : []),
        ...decisionRest,
        ...resBlocks,
      );
    if (outcome) {
      truth.reservations = outcome.reservations.items;
      const reservationLabel = outcome.reservationLabel;
      if (reservationLabel) {
        truth.attachments.push({ label: reservationLabel, title: null });
        out.annexes.push({
          label: reservationLabel,
          kind: "Reservation",
          authors: truth.reservations.map((r) => ({ name: r.name, party: r.party ?? "" })),
          paragraph: number,
          caseTitle: c.title,
          dnr: c.centralNo ?? c.no,
        });
      }
    }
    if (rng.chance(0.18)) {
      const makers = rng.sample(room.seats, rng.int(1, 2)).map((s) => s.p);
      const labels = makers.map(() => (rng.chance(0.75) ? input.nextLabel() : null));
      const n = notes(room, makers, labels, h2);
      blocks.push(...n.blocks);
      truth.notes = n.people;
      makers.forEach((p, i) => {
        const label = labels[i];
        if (!label) return;
        truth.attachments.push({ label, title: null });
        out.annexes.push({
          label,
          kind: "Protokollsanteckning",
          authors: [p],
          paragraph: number,
          caseTitle: c.title,
          dnr: c.centralNo ?? c.no,
        });
      });
    }
    if (rng.chance(0.1)) blocks.push({ k: "p", text: "Paragrafen förklaras omedelbart justerad." });
    if (rng.chance(0.6)) {
      blocks.push({
        k: "p",
        text: `${rng.pick(["Beslutet expedieras till:", "Beslutet skickas till:", "Expedieras till:"])} ${rng.sample(EXPEDITION, rng.int(1, 4)).join(", ")}`,
      });
    }
  }
  truth.speakers = speakers.items;
  truth.diarienummer = log.canonical.slice();
  return out;
}
