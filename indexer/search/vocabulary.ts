import type { Statement } from "better-sqlite3";
import type { Db } from "../archive/database.ts";
import { fold, hasDiacritics, oneEditAway } from "./swedish.ts";

/** Typos are forgiven only in words this long: shorter ones have too many neighbours. */
export const MIN_TYPO_LENGTH = 5;
const MAX_CORRECTIONS = 6;

/** Whether a word can have a typo forgiven, and so belongs in the vocabulary. */
export function isTypoWord(word: string): boolean {
  return word.length >= MIN_TYPO_LENGTH && !/\d/.test(word);
}

/**
 * The index's words of five letters or more, for typo correction: a query
 * word the index does not know is compared with its one-edit neighbours.
 * The words live in `search_words` (numbered as they arrive), read on first
 * use; refresh() takes in the words other connections (search threads, a
 * worker process) added since, so every reader forgives typos in a new word
 * once it is searchable. Removals leave words behind: a stale word only costs a lookup.
 */
export class TypoVocabulary {
  private words: Set<string> | null = null;
  private folded: Set<string> | null = null;
  private lastId = 0;
  private since: Statement | null = null;

  constructor(private readonly db: Db) {}

  /** Takes in the words added since the last look (by any connection). */
  refresh(): void {
    if (!this.words) return;
    this.since ??= this.db.prepare("SELECT id, word FROM search_words WHERE id > ? ORDER BY id").raw();
    const rows = this.since.iterate(this.lastId) as Iterable<[number, string]>;
    for (const [id, word] of rows) {
      this.addOne(word);
      this.lastId = id;
    }
  }

  /** True when the index holds the word, as written or (typed without å, ä, ö) folded. */
  knows(word: string): boolean {
    this.load();
    return (this.words as Set<string>).has(word) || (this.folded as Set<string>).has(word);
  }

  /** Index words one edit from the word: as written, and folded ones for words typed without å, ä, ö. */
  corrections(word: string): { exact: string[]; folded: string[] } {
    const none = { exact: [], folded: [] };
    if (word.length < MIN_TYPO_LENGTH || /\d/.test(word) || this.knows(word)) return none;
    const words = this.words as Set<string>;
    const folded = this.folded as Set<string>;
    const ascii = !hasDiacritics(word);
    const out: { exact: string[]; folded: string[] } = { exact: [], folded: [] };
    for (const candidate of oneEditAway(word)) {
      if (words.has(candidate)) out.exact.push(candidate);
      else if (ascii && folded.has(candidate)) out.folded.push(candidate);
      if (out.exact.length + out.folded.length >= MAX_CORRECTIONS) break;
    }
    return out;
  }

  private addOne(token: string): void {
    if (!isTypoWord(token)) return;
    (this.words as Set<string>).add(token);
    if (hasDiacritics(token)) (this.folded as Set<string>).add(fold(token));
  }

  private load(): void {
    if (this.words) return;
    this.words = new Set();
    this.folded = new Set();
    this.refresh();
  }
}
