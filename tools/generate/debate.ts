/**
 * The political part of a paragraph: debate (Överläggning), motions
 * (Yrkanden), the order of propositions, votes, reservations and notes. Each
 * helper writes Swedish text and records who did what, in the order the text
 * names them, so the truth follows the words exactly.
 */

import {
  joinSv,
  type Official,
  off,
  officialPerson,
  PersonList,
  type Politician,
  pol,
  polGenitive,
  politicianPerson,
} from "./people.ts";
import type { Rng } from "./rng.ts";
import type { Block } from "./types.ts";
import { partyName as fullPartyName } from "./vocabulary.ts";
import { vote } from "./votes.ts";
import type { Body, Municipality } from "./world.ts";

export interface Seat {
  p: Politician;
  role: string | null;
}

/** Who is in the room and how this municipality writes them. */
export interface Room {
  rng: Rng;
  m: Municipality;
  seats: Seat[];
  officials: Official[];
  body: Body;
  bodyLower: string;
  /** The member chosen to check the minutes ("Utses att justera"). */
  justerare: Politician;
}

export interface DebateOutcome {
  blocks: Block[];
  speakers: PersonList;
  reservations: PersonList;
  /** The losing motion's makers, who may write a reservation as a bilaga. */
  opposition: Politician[];
  decidedByVote: boolean;
  /** Label of the bilaga holding a written reservation, or null. */
  reservationLabel: string | null;
}

export const w = (room: Room) => ({ lower: room.m.house.lowerParty });

/** Överläggning: "I ärendet yttrar sig A (S), B, säkerhetschef och C (MP)." */
export function debate(room: Room, speakers: PersonList, heading: (t: string) => Block): Block[] {
  const { rng } = room;
  const pols = rng.sample(room.seats, rng.int(1, Math.min(6, room.seats.length)));
  const speaking = room.officials.filter((o) => o !== room.body.secretary);
  const offs = rng.sample(speaking, rng.int(0, Math.min(2, speaking.length)));
  const mixed = rng.shuffle<Seat | Official>([...pols, ...offs]);
  const names = mixed.map((x) => {
    if ("p" in x) {
      speakers.add(politicianPerson(x.p));
      return pol(x.p, w(room), rng);
    }
    speakers.add(officialPerson(x));
    return off(x, rng);
  });
  const opener = rng.pick(["I ärendet yttrar sig", "Under överläggningen yttrar sig", "I överläggningen deltar"]);
  const blocks = [
    heading(rng.pick(["Överläggning", "Överläggning", "Debatt"])),
    { k: "p" as const, text: `${opener} ${joinSv(names)}.` },
  ];
  if (rng.chance(0.4)) blocks.push({ k: "p", text: "Härefter förklaras överläggningen avslutad." });
  return blocks;
}

/** Yrkanden, propositionsordning, omröstning and reservationer. */
export function motions(
  room: Room,
  speakers: PersonList,
  heading: (t: string) => Block,
  proposal: string,
  takeLabel: () => string,
): DebateOutcome {
  const { rng } = room;
  const blocks: Block[] = [heading(rng.pick(["Yrkanden", "Yrkande", "Yrkanden"]))];
  const reservations = new PersonList();
  const chairSeat = room.seats.find((s) => s.role === "ordförande");
  const first = chairSeat && rng.chance(0.4) ? chairSeat : rng.pick(room.seats);
  speakers.add(politicianPerson(first.p, first === chairSeat ? "ordförande" : null));
  const firstName = first === chairSeat ? `Ordförande ${pol(first.p, w(room))}` : pol(first.p, w(room), rng);
  blocks.push({ k: "p", text: `${firstName} yrkar bifall till ${proposal}.` });
  const others = room.seats.filter((s) => s.p.party !== first.p.party);
  const opponent = others.length > 0 && rng.chance(0.55) ? rng.pick(others) : null;
  if (!opponent)
    return { blocks, speakers, reservations, opposition: [], decidedByVote: false, reservationLabel: null };

  const allies = rng.sample(
    room.seats.filter((s) => s !== opponent && s.p.party !== first.p.party),
    rng.int(0, 2),
  );
  speakers.add(politicianPerson(opponent.p));
  for (const a of allies) speakers.add(politicianPerson(a.p));
  const what = rng.pick([
    "avslag på förslaget",
    "att ärendet återremitteras till förvaltningen",
    "bifall till eget förslag till beslut",
    "att beslutet kompletteras med ett uppdrag att utreda konsekvenserna för barn och unga",
  ]);
  const withAllies = allies.length > 0 ? `, med instämmande av ${joinSv(allies.map((a) => pol(a.p, w(room))))},` : "";
  blocks.push({ k: "p", text: `${pol(opponent.p, w(room), rng)}${withAllies} yrkar ${what}.` });

  const opGen = `${polGenitive(opponent.p, w(room))} yrkande`;
  blocks.push(heading(rng.pick(["Propositionsordning", "Beslutsgång", "Proposition"])));
  blocks.push({
    k: "p",
    text: `Ordföranden ställer proposition på bifall till ${proposal} respektive ${opGen} och finner att ${room.bodyLower} beslutar i enlighet med ${proposal}.`,
  });

  const opposition = [opponent.p, ...allies.map((a) => a.p)];
  let decidedByVote = false;
  let reservationLabel: string | null = null;
  if (rng.chance(0.35) && room.seats.length >= 5) {
    decidedByVote = true;
    blocks.push(...vote(room, first, opposition, proposal, opGen, heading));
  }
  if (rng.chance(0.65)) {
    blocks.push(heading(rng.pick(["Reservation", "Reservationer"])));
    const partyName = fullPartyName(opponent.p.party);
    if (partyName && rng.chance(0.08)) {
      // A group reservation: the truth names the members of that party among the decision-makers.
      for (const s of room.seats) if (s.p.party === opponent.p.party) reservations.add(politicianPerson(s.p));
      blocks.push({
        k: "p",
        text: `Ledamöterna från ${partyName} reserverar sig mot beslutet till förmån för ${opGen}.`,
      });
    } else {
      const who = rng.chance(0.6) ? opposition : [opponent.p];
      for (const p of who) reservations.add(politicianPerson(p));
      const names = joinSv(who.map((p) => pol(p, w(room))));
      const favour = rng.chance(0.5)
        ? who.length > 1
          ? ` till förmån för ${opGen}`
          : " till förmån för eget yrkande"
        : "";
      if (rng.chance(0.2)) reservationLabel = takeLabel();
      const written = reservationLabel ? ` Skriftlig reservation, se bilaga ${reservationLabel}.` : "";
      blocks.push({ k: "p", text: `${names} reserverar sig mot beslutet${favour}.${written}` });
    }
  }
  return { blocks, speakers, reservations, opposition, decidedByVote, reservationLabel };
}
