/**
 * Omröstning (voters are not speakers: the truth never lists them) and
 * protokollsanteckningar, which may be handed in as bilagor.
 */

import type { Person } from "../../indexer/model.ts";
import { type Room, type Seat, w } from "./debate.ts";
import { joinSv, type Politician, pol, politicianPerson } from "./people.ts";
import { NOTE_TEXTS } from "./phrases.ts";
import type { Block } from "./types.ts";

export function vote(
  room: Room,
  first: Seat,
  opposition: Politician[],
  proposal: string,
  opGen: string,
  heading: (t: string) => Block,
): Block[] {
  const { rng } = room;
  const against = room.seats.filter((s) => opposition.includes(s.p));
  const loose = room.seats.filter(
    (s) => !opposition.includes(s.p) && s !== first && s.p.party !== first.p.party && rng.chance(0.3),
  );
  const nej = new Set<Seat>([...against, ...loose].slice(0, Math.floor((room.seats.length - 1) / 2)));
  const ja = room.seats.filter((s) => !nej.has(s));
  const blocks: Block[] = [heading(rng.pick(["Omröstning", "Votering"]))];
  blocks.push({
    k: "p",
    text: `Omröstning begärs och verkställs. Följande propositionsordning godkänns: Ja-röst för bifall till ${proposal}, Nej-röst för bifall till ${opGen}.`,
  });
  if (rng.chance(0.5)) {
    const rows = room.seats.map((s) => [pol(s.p, w(room)), nej.has(s) ? "" : "X", nej.has(s) ? "X" : "", ""]);
    blocks.push({
      k: "table",
      head: true,
      widths: [0.55, 0.15, 0.15, 0.15],
      rows: [["Ledamot", "Ja", "Nej", "Avstår"], ...rows, ["Summa", String(ja.length), String(nej.size), "0"]],
    });
  } else {
    blocks.push({ k: "p", text: `Ja-röster (${ja.length}): ${joinSv(ja.map((s) => pol(s.p, w(room))))}.` });
    blocks.push({ k: "p", text: `Nej-röster (${nej.size}): ${joinSv([...nej].map((s) => pol(s.p, w(room))))}.` });
  }
  blocks.push({
    k: "p",
    text: `Med ${ja.length} ja-röster mot ${nej.size} nej-röster beslutar ${room.bodyLower} i enlighet med ${proposal}.`,
  });
  return blocks;
}

/** Protokollsanteckningar: returns the note makers and whether each sits in a bilaga. */
export function notes(
  room: Room,
  makers: Politician[],
  labels: (string | null)[],
  heading: (t: string) => Block,
): { blocks: Block[]; people: Person[] } {
  const { rng } = room;
  const blocks: Block[] = [
    heading(
      makers.length > 1 ? "Protokollsanteckningar" : rng.pick(["Protokollsanteckning", "Protokollsanteckningar"]),
    ),
  ];
  makers.forEach((p, i) => {
    const label = labels[i];
    const who = pol(p, w(room), rng);
    blocks.push({
      k: "p",
      text: label
        ? rng.pick([
            `${who} anmäler protokollsanteckning, se bilaga ${label} till detta protokoll.`,
            `${who} lämnar en skriftlig protokollsanteckning, bilaga ${label}.`,
          ])
        : `${who} anmäler följande protokollsanteckning: ”${rng.pick(NOTE_TEXTS).replace("{district}", "kommunens ytterområden")}”`,
    });
  });
  return { blocks, people: makers.map((p) => politicianPerson(p)) };
}
