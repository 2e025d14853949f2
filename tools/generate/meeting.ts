/**
 * A meeting of one body: who sits, who substitutes, which officials attend,
 * and the running header and footer its records repeat on every page.
 */

import type { Person } from "../../indexer/model.ts";
import { iso, longDate, timeRange } from "./dates.ts";
import type { Room, Seat } from "./debate.ts";
import { officialPerson, type Politician, pol, politicianPerson } from "./people.ts";
import type { Rng } from "./rng.ts";
import type { Layout } from "./types.ts";
import { ROOMS } from "./vocabulary.ts";
import type { Body, Municipality } from "./world.ts";

export interface Meeting {
  m: Municipality;
  body: Body;
  day: number;
  room: Room;
  /** Serving substitutes and whom they replace. */
  replaced: Map<Seat, Politician>;
  /** Substitutes present without a vote. */
  listeners: Politician[];
  justerare: Politician;
  place: string;
  time: string;
  justeringDay: number;
}

/** Sets the room: about one member in ten is away and replaced by a substitute. */
export function convene(rng: Rng, m: Municipality, body: Body, day: number): Meeting {
  const replaced = new Map<Seat, Politician>();
  const free = rng.shuffle(body.substitutes);
  const seats: Seat[] = body.members.map((p, i) => {
    const role = body.roles[i] ?? null;
    if (role === null && free.length > 0 && rng.chance(0.1)) {
      const sub = free.pop() as Politician;
      const seat = { p: sub, role: null };
      replaced.set(seat, p);
      return seat;
    }
    return { p, role };
  });
  const listeners = free.slice(0, rng.int(0, Math.min(4, free.length)));
  const officials = [...rng.sample(body.officials, rng.int(1, body.officials.length)), body.secretary];
  const plain = seats.filter((s) => s.role === null);
  const justerare = (plain.length > 0 ? rng.pick(plain) : rng.pick(seats)).p;
  return {
    m,
    body,
    day,
    replaced,
    listeners,
    justerare,
    room: { rng, m, seats, officials, body, bodyLower: body.name.toLowerCase(), justerare },
    place: rng.pick(ROOMS),
    time: timeRange(rng, m.house.colonTimes),
    justeringDay: day + rng.int(3, 9),
  };
}

/**
 * Attendees as the header lists them. Roles: "ordförande", "vice ordförande",
 * "1:e vice ordförande" or "2:e vice ordförande" as written; "ledamot" for a
 * member listed without a title; "ersättare" for substitutes, serving or not;
 * an official's title as written ("säkerhetschef", "nämndsekreterare").
 */
export function attendees(mt: Meeting): Person[] {
  const out: Person[] = mt.room.seats.map((s) =>
    politicianPerson(s.p, mt.replaced.has(s) ? "ersättare" : (s.role ?? "ledamot")),
  );
  for (const p of mt.listeners) out.push(politicianPerson(p, "ersättare"));
  for (const o of mt.room.officials) out.push(officialPerson(o));
  return out;
}

/** The lines under "Beslutande", "Ersättare" and "Övriga närvarande". */
export function attendanceLines(mt: Meeting): { members: string[]; listeners: string[]; officials: string[] } {
  const { rng } = mt.room;
  const w = { lower: mt.m.house.lowerParty };
  const members = mt.room.seats.map((s) => {
    const absent = mt.replaced.get(s);
    if (absent) {
      const form = rng.pick(["tjänstgörande ersättare för", "ersätter", "tjänstgör för", "ersättare för"]);
      return `${pol(s.p, w)}${form.startsWith("tjänstgörande") || form === "ersättare för" ? "," : ""} ${form} ${pol(absent, w)}`;
    }
    return s.role ? `${pol(s.p, w)}, ${s.role}` : pol(s.p, w);
  });
  return {
    members,
    listeners: mt.listeners.map((p) => pol(p, w)),
    officials: mt.room.officials.map((o) => `${o.name}, ${o.title}`),
  };
}

/** Running header and footer of a record from this meeting. */
export function runningLines(mt: Meeting, kind: string): Pick<Layout, "header" | "footer" | "headerColumns"> {
  const { house } = mt.m;
  const date = house.longHeaderDate ? longDate(mt.day) : iso(mt.day);
  const page =
    house.footer === "sida-av"
      ? "Sida {page} av {pages}"
      : house.footer === "parenthesis"
        ? "{page} ({pages})"
        : "{page}";
  const headerColumns = house.header !== "lines";
  const header = [mt.m.display.toUpperCase(), kind, mt.body.name, date];
  const footer = kind === "KALLELSE" ? [page] : [...house.signs, page];
  return { header, footer, headerColumns };
}
