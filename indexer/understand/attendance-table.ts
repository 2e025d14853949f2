/**
 * A header table flattened labels first: "Plats och tid / Beslutande / Tjänstgörande ersättare /
 * Ersättare / Tjänstemän / Utses att justera ..." and only then the values, one per line. Which
 * value belongs to which label is read from what the values look like: members carry a party,
 * a serving substitute "ersättare för" someone, officials a title; a blank line or a change of
 * shape moves on to the next label that fits.
 */

import { nameBefore } from "./names.ts";

export type Kind = "members" | "substitutes" | "serving" | "others" | "place" | "stop" | "absent";

/** The kind of one header label. */
export function kindOf(label: string): Kind {
  const l = label.trim().toLowerCase();
  if (/^(?:ej|icke|inte) tjänstgörande/.test(l)) return "substitutes";
  if (/^tjänstgörande ersättare/.test(l)) return "serving";
  if (/^(?:beslutande|närvarande ledamöter|tjänstgörande ledamöter|ledamöter)/.test(l)) return "members";
  if (/ersättare/.test(l)) return "substitutes";
  if (/övriga|tjänstemän|tjänstepersoner/.test(l)) return "others";
  if (/^(?:plats och tid|tid och plats)/.test(l)) return "place";
  if (/^frånvarande/.test(l)) return "absent";
  return "stop";
}

type Shape = "party" | "stands" | "official" | "other";

const STANDS = /\b(?:ersätter|ersättare för|tjänstgör(?:ande)? för|i stället för)\b/i;
const HAS_PARTY = /\((?:f\.\s?d\.?\s*)?[A-Za-zÅÄÖåäö]{1,5}\)/;
const OFFICIAL = /^([^,]+),\s*(?!kl\b)\p{L}/u;

/** "Göran Ek, utbildningsdirektör": a name, a comma and a title. */
function isOfficial(line: string): boolean {
  const head = OFFICIAL.exec(line)?.[1]?.trim();
  return head !== undefined && nameBefore(head, head.length) === head;
}

function shapeOf(line: string): Shape {
  if (HAS_PARTY.test(line)) return STANDS.test(line) ? "stands" : "party";
  if (isOfficial(line)) return "official";
  return "other";
}

function fits(kind: Kind, shape: Shape): boolean {
  switch (kind) {
    case "members":
    case "substitutes":
      return shape === "party" || shape === "stands";
    case "serving":
      return shape === "stands" || shape === "party";
    case "others":
      return shape === "official" || shape === "party";
    case "absent":
      return shape === "party" || shape === "official";
    case "place":
      return shape === "other";
    case "stop":
      return true;
  }
}

/** Whether a change of shape (or a blank line) should move on to label `next`. */
function advances(cur: Kind, next: Kind | undefined, shape: Shape, prev: Shape | null, blank: boolean): boolean {
  if (next === undefined) return false;
  if (shape === "other" && prev !== null) return false;
  if (!fits(cur, shape)) return true;
  if (prev === null || !fits(next, shape)) return false;
  if (blank) return true;
  if (shape === "stands" && prev !== "stands") return next === "serving";
  if (shape === "party" && prev === "stands") return cur === "serving";
  return shape !== prev && (shape === "official" || prev === "official");
}

/** The value lines shared out among the labels, in order; values after a "stop" label are dropped. */
export function assignValues(kinds: Kind[], block: string): Array<{ kind: Kind; text: string }> {
  const out: Array<{ kind: Kind; text: string }> = [];
  let at = 0;
  let prev: Shape | null = null;
  let blank = false;
  for (const raw of block.split("\n")) {
    const line = raw.trim();
    if (!line) {
      blank = prev !== null;
      continue;
    }
    const shape = shapeOf(line);
    while (at < kinds.length - 1 && advances(kinds[at] as Kind, kinds[at + 1], shape, prev, blank)) {
      at++;
      prev = null;
      blank = false;
      if (kinds[at] === "stop") return out;
    }
    if (kinds[at] === "stop") return out;
    const kind = kinds[at] as Kind;
    const last = out.at(-1);
    if (last && last.kind === kind) last.text += `\n${line}`;
    else out.push({ kind: kind === "serving" ? "substitutes" : kind, text: line });
    prev = shape;
    blank = false;
  }
  return out;
}
