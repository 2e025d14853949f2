/**
 * The procedural parts of a §: jäv, ajournering, protokollsanteckningar,
 * särskilda yttranden, written reservations as bilagor, "Paragrafen förklaras
 * omedelbart justerad" and "Beslutet expedieras till". Each records in the
 * truth only what the contract asks of it (see the notes on each helper).
 */

import { localize } from "./conventions.ts";
import type { Seat } from "./debate.ts";
import type { CaseContext } from "./paragraph-decision.ts";
import { pol } from "./people.ts";
import { EXPEDITION, SPECIAL_TEXTS } from "./phrases.ts";
import type { Block } from "./types.ts";
import { notes } from "./votes.ts";

/**
 * A member declares jäv and leaves the matter. The truth does not list them
 * anywhere in the paragraph: declaring jäv is neither speaking nor a motion,
 * and the caller takes them out of the room, so they neither speak, vote,
 * reserve themselves nor note anything in this §.
 */
export function javBlocks(ctx: CaseContext, seat: Seat, heading: boolean): Block[] {
  const { rng, m } = ctx;
  const who = pol(seat.p, { lower: m.house.lowerParty });
  const text = rng.pick([
    `${who} anmäler jäv och deltar inte i handläggningen av ärendet.`,
    `${who} anmäler jäv och lämnar sammanträdet under ärendets behandling.`,
    `På grund av jäv deltar inte ${who} i handläggningen av ärendet.`,
  ]);
  return heading ? [ctx.h2("Jäv"), { k: "p", text }] : [{ k: "p", text }];
}

/** A recess; named nobody, as real records rarely say who asked for it. */
export function ajourneringBlocks(ctx: CaseContext, bodyLower: string): Block[] {
  const { rng } = ctx;
  const minutes = rng.pick(["fem (5)", "tio (10)", "15", "20"]);
  return [
    ctx.h2("Ajournering"),
    {
      k: "p",
      text: rng.pick([
        `Ajournering begärs, ${bodyLower} ajournerar sig i ${minutes} minuter.`,
        `Sammanträdet ajourneras i ${minutes} minuter för gruppöverläggningar.`,
        `Ordföranden ajournerar sammanträdet. Efter ajourneringen återupptas förhandlingarna.`,
      ]),
    },
  ];
}

/** Protokollsanteckningar: the makers are the truth's `notes`; a note handed in writing becomes a bilaga. */
export function noteBlocks(ctx: CaseContext, seats: Seat[], nextLabel: () => string): Block[] {
  const { rng, out, c } = ctx;
  const makers = rng.sample(seats, rng.int(1, 2)).map((s) => s.p);
  const labels = makers.map(() => (rng.chance(0.75) ? nextLabel() : null));
  const n = notes(ctx.room, makers, labels, ctx.h2);
  out.truth.notes = n.people;
  makers.forEach((p, i) => {
    const label = labels[i];
    if (!label) return;
    out.truth.attachments.push({ label, title: null });
    out.annexes.push({
      label,
      kind: "Protokollsanteckning",
      authors: [p],
      paragraph: ctx.number,
      caseTitle: c.title,
      dnr: c.centralNo ?? c.no,
    });
  });
  return n.blocks;
}

/**
 * Särskilt yttrande. Its author is NOT a truth `notes` entry: the contract
 * defines `notes` as who entered a protokollsanteckning, and the domain notes
 * list särskilt yttrande as a section of its own. An official asked "who made
 * a protokollsanteckning?" would not name this author; nor are they a speaker,
 * since the statement is handed in rather than spoken, as with notes. A
 * yttrande handed in writing is a bilaga the paragraph names, so its label is
 * in `attachments`.
 */
export function specialStatementBlocks(ctx: CaseContext, seat: Seat, nextLabel: () => string): Block[] {
  const { rng, out, c } = ctx;
  const who = pol(seat.p, { lower: ctx.m.house.lowerParty }, rng);
  const blocks: Block[] = [ctx.h2(rng.pick(["Särskilt yttrande", "Särskilda yttranden"]))];
  if (rng.chance(0.6)) {
    const label = nextLabel();
    blocks.push({
      k: "p",
      text: rng.pick([
        `${who} lämnar ett särskilt yttrande, se bilaga ${label}.`,
        `${who} anmäler särskilt yttrande, bilaga ${label} till detta protokoll.`,
      ]),
    });
    out.truth.attachments.push({ label, title: null });
    out.annexes.push({
      label,
      kind: "Särskilt yttrande",
      authors: [seat.p],
      paragraph: ctx.number,
      caseTitle: c.title,
      dnr: c.centralNo ?? c.no,
    });
  } else {
    blocks.push({ k: "p", text: `${who} lämnar följande särskilda yttrande: ”${rng.pick(SPECIAL_TEXTS)}”` });
  }
  return blocks;
}

/** Immediate justering and the list of recipients, never the deciding body itself. */
export function endBlocks(ctx: CaseContext): Block[] {
  const { rng, m, body } = ctx;
  const blocks: Block[] = [];
  if (rng.chance(0.1))
    blocks.push({
      k: "p",
      text: rng.pick(["Paragrafen förklaras omedelbart justerad.", "Paragrafen justeras omedelbart."]),
    });
  if (!rng.chance(0.6)) return blocks;
  const recipients = rng.sample(
    EXPEDITION.map((e) => localize(m, e)).filter((e) => e.toLowerCase() !== body.name.toLowerCase()),
    rng.int(1, 4),
  );
  const lead = rng.pick(["Beslutet expedieras till:", "Beslutet skickas till:", "Expedieras till:"]);
  if (rng.chance(0.5)) blocks.push({ k: "p", text: `${lead} ${recipients.join(", ")}` });
  else blocks.push({ k: "p", text: lead }, { k: "list", marker: "", items: recipients });
  return blocks;
}
