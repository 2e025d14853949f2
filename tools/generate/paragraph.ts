/**
 * One § of a protokoll: heading with diarienummer, decision, summary,
 * underlying documents, debate and the procedural rest, in one of two common
 * orders. The same blocks serve the protokoll and any protokollsutdrag of the
 * paragraph. The parts live by role in paragraph-head, paragraph-decision,
 * debate/votes and paragraph-closing; this file puts them in order.
 */

import type { DocumentReference } from "../../indexer/model.ts";
import { type Case, CaseLog } from "./cases.ts";
import { debate, motions, type Room, type Seat } from "./debate.ts";
import { ajourneringBlocks, endBlocks, javBlocks, noteBlocks, specialStatementBlocks } from "./paragraph-closing.ts";
import { basisBlocks, type CaseContext, decisionBlocks } from "./paragraph-decision.ts";
import { headingBlocks, lowerFirst } from "./paragraph-head.ts";
import { genitive, PersonList, type Politician } from "./people.ts";
import { standingBlocks } from "./standing.ts";
import type { Block, TruthLink, TruthParagraph } from "./types.ts";
import { type Body, styleFor } from "./world.ts";

/** A bilaga to the protokoll that a paragraph creates (a written note, reservation or särskilt yttrande). */
export interface AnnexSpec {
  label: string;
  kind: "Protokollsanteckning" | "Reservation" | "Särskilt yttrande";
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

/** A plain member (not the chair) who may declare jäv in this §, or null. */
function recusal(room: Room): Seat | null {
  const plain = room.seats.filter((s) => s.role !== "ordförande");
  return plain.length > 4 && room.rng.chance(0.07) ? room.rng.pick(plain) : null;
}

/** Builds one paragraph and everything the truth needs to know about it. */
export function buildParagraph(input: ParagraphInput): BuiltParagraph {
  const { body, day, number, case: c } = input;
  const { rng, m } = input.room;
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
    blocks.push(...standingBlocks(input.room, input.title, day, speakers, log));
  } else {
    const jav = recusal(input.room);
    const room = jav ? { ...input.room, seats: input.room.seats.filter((s) => s !== jav) } : input.room;
    const vars = { ...c.vars, topic: lowerFirst(c.title), forv: body.forvaltning, body: room.bodyLower };
    const ctx: CaseContext = { rng, room, m, body, c, day, number, vars, out, h2 };
    const prev = c.history[c.history.length - 1];
    const proposal = prev
      ? `${lowerFirst(genitive(prev.body.name))} förslag`
      : rng.pick(["förvaltningens förslag", `${lowerFirst(genitive(body.forvaltning))} förslag till beslut`]);
    const javFirst = jav && rng.chance(0.7) ? javBlocks(ctx, jav, rng.chance(0.6)) : [];
    const decision = decisionBlocks(ctx);
    const basis = basisBlocks(ctx);
    const debateBlocks = rng.chance(0.45) ? debate(room, speakers, h2) : [];
    const recess = rng.chance(0.05) ? ajourneringBlocks(ctx, room.bodyLower) : [];
    const outcome = rng.chance(0.5) ? motions(room, speakers, h2, proposal, input.nextLabel) : null;
    const motionBlocks = outcome?.blocks ?? [];
    const reservationAt = motionBlocks.findIndex((b) => b.k === "h" && b.text.startsWith("Reservation"));
    const beforeRes = reservationAt >= 0 ? motionBlocks.slice(0, reservationAt) : motionBlocks;
    const resBlocks = reservationAt >= 0 ? motionBlocks.slice(reservationAt) : [];
    blocks.push(...javFirst);
    if (m.house.decisionFirst)
      blocks.push(...decision, ...basis, ...debateBlocks, ...recess, ...beforeRes, ...resBlocks);
    else blocks.push(...basis, ...debateBlocks, ...recess, ...beforeRes, ...decision, ...resBlocks);
    if (outcome) {
      truth.reservations = outcome.reservations.items;
      const label = outcome.reservationLabel;
      if (label) {
        truth.attachments.push({ label, title: null });
        out.annexes.push({
          label,
          kind: "Reservation",
          authors: truth.reservations.map((r) => ({ name: r.name, party: r.party ?? "" })),
          paragraph: number,
          caseTitle: c.title,
          dnr: c.centralNo ?? c.no,
        });
      }
    }
    if (rng.chance(0.18)) blocks.push(...noteBlocks(ctx, room.seats, input.nextLabel));
    if (rng.chance(0.06)) blocks.push(...specialStatementBlocks(ctx, rng.pick(room.seats), input.nextLabel));
    if (jav && javFirst.length === 0) blocks.push(...javBlocks(ctx, jav, true));
    blocks.push(...endBlocks(ctx));
  }
  truth.speakers = speakers.items;
  truth.diarienummer = log.canonical.slice();
  return out;
}
