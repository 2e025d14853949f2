/**
 * How a § heading and its diarienummer are laid out, per municipality: "§ 12
 * Title" over a "Dnr ..." line, number and title on lines of their own,
 * "§ 12 Dnr ..." on one line, title and number side by side, or the number
 * alone below the title with a wide gap before its code, or the number above
 * the heading (printed at the top right in some templates), so it comes first.
 */

import type { ParagraphInput } from "./paragraph.ts";
import type { Block } from "./types.ts";

export const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);

/** The heading blocks of a §, in the municipality's layout; `dnr` holds the numbers as written. */
export function headingBlocks(input: ParagraphInput, dnr: string[]): Block[] {
  const { number, title, room } = input;
  const style = room.m.house.paragraphHead;
  const label = room.m.house.dnrLabel;
  const dnrLine = dnr.length > 0 ? `${label ? `${label} ` : ""}${dnr.join(", ")}` : null;
  if (!dnrLine)
    return room.rng.chance(0.5)
      ? [{ k: "h", level: 1, text: `§ ${number} ${title}` }]
      : [
          { k: "h", level: 1, text: `§ ${number}` },
          { k: "h", level: 1, text: title },
        ];
  switch (style) {
    case "title-line":
      return [
        { k: "h", level: 1, text: `§ ${number} ${title}` },
        { k: "p", text: dnrLine },
      ];
    case "split":
      return [
        { k: "h", level: 1, text: `§ ${number}` },
        { k: "h", level: 1, text: title },
        { k: "p", text: dnrLine },
      ];
    case "dnr-line":
      return [
        { k: "h", level: 1, text: `§ ${number} ${dnrLine}` },
        { k: "h", level: 1, text: title },
      ];
    case "pair":
      return [{ k: "pair", left: `§ ${number} ${title}`, right: dnr.join(", "), bold: true }];
    case "dnr-above":
      return [
        { k: "p", text: dnrLine },
        { k: "h", level: 1, text: `§ ${number} ${title}` },
      ];
    case "bare":
      return [
        { k: "h", level: 1, text: `§ ${number}` },
        { k: "h", level: 1, text: title },
        { k: "p", text: dnr.join(" ") },
      ];
  }
}
