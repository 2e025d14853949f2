/**
 * Standing business (val av justerare, meddelanden, delegationsbeslut,
 * information): short paragraphs, mostly without a case number, where officials
 * and members "informerar" and so count as speakers.
 */

import type { CaseLog } from "./cases.ts";
import { fill } from "./cases.ts";
import { fragile } from "./damage.ts";
import { iso } from "./dates.ts";
import type { Room } from "./debate.ts";
import { joinSv, off, officialPerson, type PersonList, pol, politicianPerson } from "./people.ts";
import { INFO_ITEMS } from "./phrases.ts";
import type { Block } from "./types.ts";
import { DISTRICTS } from "./vocabulary.ts";
import { styleFor } from "./world.ts";

export function standingBlocks(room: Room, title: string, day: number, speakers: PersonList, log: CaseLog): Block[] {
  const { rng, m } = room;
  const w = { lower: m.house.lowerParty };
  const vars = { py: String(Number(iso(day).slice(0, 4)) - 1), district: rng.pick(DISTRICTS) };
  const from = fragile(iso(day - rng.int(40, 60)));
  const to = fragile(iso(day - rng.int(5, 15)));
  const upper = room.bodyLower.charAt(0).toUpperCase() + room.bodyLower.slice(1);
  switch (title) {
    case "Val av justerare":
      return [
        {
          k: "p",
          text: `${upper} utser ${pol(room.justerare, w)} att tillsammans med ordföranden justera dagens protokoll.`,
        },
      ];
    case "Godkännande av dagordning":
      return [
        {
          k: "p",
          text: rng.pick([
            "Dagordningen godkänns.",
            "Dagordningen godkänns med tillägg av ett extra ärende under punkten Övrigt.",
            "Ärende 7 på föredragningslistan utgår. I övrigt godkänns dagordningen.",
          ]),
        },
      ];
    case "Meddelanden":
    case "Anmälan om delegationsbeslut": {
      const what = title === "Meddelanden" ? "meddelanden" : "delegationsbeslut";
      const blocks: Block[] = [];
      if (title !== "Meddelanden" && rng.chance(0.4)) {
        const year = Number(iso(day).slice(0, 4));
        // One case a year gathers the delegation decisions, as in many diaries.
        const no = { prefix: room.body.prefix, year, number: 2, code: "002" };
        blocks.push({ k: "p", text: `Dnr ${log.write(no, styleFor(m, year))}` });
      }
      blocks.push({ k: "h", level: 2, text: "Sammanfattning" });
      blocks.push({ k: "p", text: `Förvaltningen har upprättat förteckning över ${what} ${from}—${to}.` });
      blocks.push(
        { k: "h", level: 2, text: "Beslut" },
        { k: "list", marker: "-", items: [`Upprättad förteckning över ${what} godkänns och läggs till handlingarna.`] },
      );
      return blocks;
    }
    case "Informationsärenden":
    case "Förvaltningschefen informerar": {
      const official = room.officials.length > 0 ? rng.pick(room.officials) : null;
      const items = rng.sample(INFO_ITEMS, rng.int(1, 3)).map((i) => fill(i, vars));
      if (!official) return [{ k: "list", marker: "-", items }];
      speakers.add(officialPerson(official));
      return [
        { k: "p", text: `${off(official, rng)} informerar om:` },
        { k: "list", marker: "-", items },
        {
          k: "p",
          text: `${room.bodyLower.charAt(0).toUpperCase()}${room.bodyLower.slice(1)} tackar för informationen.`,
        },
      ];
    }
    case "Rapporter från kurser, konferenser och verksamhetsbesök": {
      const visitors = rng.sample(room.seats, rng.int(1, 3));
      return visitors.map((s) => {
        speakers.add(politicianPerson(s.p));
        return {
          k: "p" as const,
          text: `${pol(s.p, w, rng)} informerar från verksamhetsbesök på ${rng.pick(DISTRICTS)}skolan den ${rng.int(1, 28)} ${rng.pick(["februari", "mars", "september", "oktober"])}.`,
        };
      });
    }
    default: {
      if (rng.chance(0.5)) return [{ k: "p", text: "Inga övriga frågor anmäls." }];
      const askers = rng.sample(room.seats, rng.int(1, 2));
      for (const s of askers) speakers.add(politicianPerson(s.p));
      return [
        {
          k: "p",
          text: `${joinSv(askers.map((s) => pol(s.p, w)))} tar upp frågan om ${rng.pick([`snöröjningen i ${rng.pick(DISTRICTS)}`, "skolskjutsarna", "öppettiderna på biblioteket", "trygghetskamerorna vid resecentrum"])}.`,
        },
      ];
    }
  }
}
