/**
 * The decision of a § and what it rests on: the proposal the body decides
 * (or forwards to the next body), references to a staff report's bilagor,
 * the summary and the Beslutsunderlag. Phrasing follows who decides, so a
 * kommunstyrelse paragraph never hands its own matter to kommunstyrelsen.
 */

import { type Case, fill } from "./cases.ts";
import { fillLocal, localize } from "./conventions.ts";
import { fragile } from "./damage.ts";
import { iso, longDate } from "./dates.ts";
import type { Room } from "./debate.ts";
import { canonicalDnr } from "./diarienummer.ts";
import type { BuiltParagraph } from "./paragraph.ts";
import { lowerFirst } from "./paragraph-head.ts";
import { genitive } from "./people.ts";
import { DESCRIPTION, SUMMARY } from "./phrases.ts";
import { proseParagraph } from "./prose.ts";
import type { Rng } from "./rng.ts";
import type { Block } from "./types.ts";
import { type Body, type Municipality, styleFor } from "./world.ts";

export interface CaseContext {
  rng: Rng;
  /** The room for this §: without a member who declared jäv. */
  room: Room;
  m: Municipality;
  body: Body;
  c: Case;
  day: number;
  number: number;
  vars: Record<string, string>;
  out: BuiltParagraph;
  h2: (text: string) => Block;
}

/** The body that decides what this paragraph writes as its decision. */
function decider(ctx: CaseContext): Body {
  return ctx.c.flow[ctx.c.step + 1] ?? ctx.body;
}

/** A verb that hands the matter to the deciding body itself would be absurd there: it is then approved. */
function verbFor(ctx: CaseContext): string {
  return ctx.c.verb.includes(decider(ctx).name.toLowerCase()) ? "godkänns" : ctx.c.verb;
}

/** A follow-up line addressed to a body other than the one deciding. */
function followUp(ctx: CaseContext): string {
  const { rng, m } = ctx;
  const kind = decider(ctx).kind;
  const handOver =
    kind === "fullmäktige"
      ? "Kommunstyrelsen får i uppdrag att verkställa beslutet."
      : kind === "styrelse"
        ? "Beslutet överlämnas till kommunfullmäktige för kännedom."
        : "Ärendet överlämnas till kommunstyrelsen för kännedom.";
  const line = rng.pick([
    "Förvaltningen får i uppdrag att återkomma med en uppföljning senast den 30 november {y1}.",
    "Beslutet gäller från och med den 1 januari {y1}.",
    "Förvaltningen får i uppdrag att informera berörda om beslutet.",
    handOver,
  ]);
  return localize(m, fill(line, ctx.vars));
}

/** "Beslut" or "Förslag till ...", with the decision itself as a paragraph or list. */
export function decisionBlocks(ctx: CaseContext): Block[] {
  const { rng, c, body, out, h2 } = ctx;
  const next = c.flow[c.step + 1];
  let decisionText = `${c.noun} ${verbFor(ctx)}.`;
  if (c.tu && c.tu.attachments.length > 0 && rng.chance(0.55)) {
    const att = rng.pick(c.tu.attachments);
    const kind = c.tu.kind.toLowerCase();
    const when = rng.pick([
      `${kind === "tjänsteutlåtande" ? "daterat" : "daterad"} den ${longDate(c.tu.day)}`,
      `daterad ${iso(c.tu.day)}`,
      iso(c.tu.day),
    ]);
    decisionText = `${c.noun}, enligt bilaga ${att.label} till ${c.tu.ownerGenitive} ${kind} ${when}, ${verbFor(ctx)}.`;
    out.references.push({
      label: att.label,
      targetType: "tjansteutlatande",
      date: iso(c.tu.day),
      diarienummer: canonicalDnr(c.no, styleFor(ctx.m, c.no.year)),
      paragraph: null,
    });
    if (att.file)
      out.referenceLinks.push({ rel: "references", file: att.file, paragraph: ctx.number, label: att.label });
  }
  const blocks: Block[] = next
    ? [
        h2(rng.pick([`${genitive(body.name)} förslag till ${lowerFirst(next.name)}`, "Förslag till beslut"])),
        { k: "p", text: `${body.name} föreslår ${lowerFirst(next.name)} besluta följande:` },
      ]
    : [h2(rng.pick(["Beslut", `${genitive(body.name)} beslut`, body.kind === "nämnd" ? "Nämndens beslut" : "Beslut"]))];
  const extra = rng.chance(0.4) ? [followUp(ctx)] : [];
  blocks.push(
    extra.length > 0 || rng.chance(0.3)
      ? { k: "list", marker: rng.pick(["-", "1.", "•"] as const), items: [decisionText, ...extra] }
      : { k: "p", text: decisionText },
  );
  return blocks;
}

/** Sammanfattning, perhaps Ärendebeskrivning, and Beslutsunderlag with its dated documents. */
export function basisBlocks(ctx: CaseContext): Block[] {
  const { rng, c, day, h2, vars } = ctx;
  const blocks: Block[] = [
    h2(rng.pick(["Sammanfattning", "Sammanfattning av ärendet", "Sammanfattning"])),
    { k: "p", text: proseParagraph(rng, SUMMARY, vars, (t, v) => fillLocal(ctx.m, t, v), [1, 2]) },
  ];
  if (rng.chance(0.5))
    blocks.push(h2(rng.pick(["Ärendebeskrivning", "Beskrivning av ärendet", "Bakgrund"])), {
      k: "p",
      text: proseParagraph(rng, DESCRIPTION, vars, (t, v) => fillLocal(ctx.m, t, v), [1, 2]),
    });
  // Dates here are said again nowhere the truth reads them from, so a text layer may garble them.
  const basis = [
    c.tu
      ? `${genitive(c.tu.forvaltning)} ${c.tu.kind.toLowerCase()} ${c.tu.kind === "Tjänsteutlåtande" ? "daterat" : "daterad"} ${fragile(iso(c.tu.day))}`
      : `Tjänsteskrivelse daterad ${fragile(iso(day - rng.int(10, 40)))}`,
  ];
  for (const a of c.tu?.attachments ?? []) basis.push(`${a.title}, daterad ${fragile(iso(c.tu?.day ?? day))}`);
  const prev = c.history[c.history.length - 1];
  if (prev) basis.push(`${genitive(prev.body.name)} beslut ${fragile(iso(prev.day))}, § ${prev.paragraph}`);
  blocks.push(h2("Beslutsunderlag"), { k: "list", marker: rng.pick(["-", ""] as const), items: basis });
  return blocks;
}
