/**
 * File names: meaningful ("tillsby-kommunstyrelsen-2020-02-20-protokoll.pdf"),
 * ASCII-only so they survive every file system and zip tool, and unique within
 * a corpus. Records first reserve a base name (so others can link to it) and
 * get their extension once their format is drawn.
 */

import type { OutputFormat } from "./types.ts";

const FOLD: Record<string, string> = { å: "a", ä: "a", ö: "o", é: "e", ü: "u", ž: "z", š: "s" };

/** Lower-case ASCII slug: "Barn- och utbildningsnämnden" → "barn-och-utbildningsnamnden". */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[åäöéüžš]/g, (ch) => FOLD[ch] ?? ch)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

export function namer() {
  const used = new Set<string>();
  const final = new Map<string, string>();
  return {
    /** A unique base name (without extension) for a record about to be built. */
    reserve(wanted: string): string {
      const base = slugify(wanted);
      let name = base;
      for (let i = 2; used.has(name); i++) name = `${base}-${i}`;
      used.add(name);
      return name;
    },
    withExtension(base: string, format: OutputFormat): string {
      const name = `${base}.${format}`;
      final.set(base, name);
      return name;
    },
    /** The final file name of a base name already given its extension. */
    finalName(base: string): string {
      return final.get(base) ?? base;
    },
  };
}
