/**
 * The Swedish word list that compound splitting checks parts against: the
 * stems of dictionary-sv (Göran Andersson's Swedish hunspell dictionary,
 * LGPL-3.0), without their affix flags. Loaded once, on first use (~0.3 s,
 * ~10 MB), so processes that never index or search do not pay for it.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

let words: Set<string> | null = null;

export function loadDictionary(): Set<string> {
  if (words) return words;
  const file = fileURLToPath(new URL("index.dic", import.meta.resolve("dictionary-sv")));
  const loaded = new Set<string>();
  const lines = readFileSync(file, "utf8").split("\n");
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] as string;
    const slash = line.indexOf("/");
    let word = (slash < 0 ? line : line.slice(0, slash)).trim().toLowerCase();
    // "abonnemangs-" is a form that only begins compounds: a head all the same.
    if (word.endsWith("-")) word = word.slice(0, -1);
    if (word.length >= 3 && /^[\p{L}]+$/u.test(word)) loaded.add(word);
  }
  words = loaded;
  return loaded;
}
