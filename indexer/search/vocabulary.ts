import type { Db } from "../archive/database.ts";
import { fold, hasDiacritics, oneEditAway } from "./swedish.ts";

/** Typos are forgiven only in words this long: shorter ones have too many neighbours. */
export const MIN_TYPO_LENGTH = 5;
const MAX_CORRECTIONS = 6;

/**
 * The index's words of five letters or more, for typo correction: a query
 * word the index does not know is compared with its one-edit neighbours.
 * Read from fts5vocab on first use, then kept up to date as documents are
 * indexed (removals leave words behind: a stale word only costs a lookup).
 */
export class TypoVocabulary {
  private words: Set<string> | null = null;
  private folded: Set<string> | null = null;

  constructor(private readonly db: Db) {}

  add(tokens: Iterable<string>): void {
    if (!this.words || !this.folded) return;
    for (const t of tokens) this.addOne(t);
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
    if (token.length < MIN_TYPO_LENGTH || /\d/.test(token)) return;
    (this.words as Set<string>).add(token);
    if (hasDiacritics(token)) (this.folded as Set<string>).add(fold(token));
  }

  private load(): void {
    if (this.words) return;
    this.words = new Set();
    this.folded = new Set();
    this.db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_vocab USING fts5vocab(main, search_fts, 'col')");
    const rows = this.db
      .prepare("SELECT term FROM temp.search_vocab WHERE col IN ('title', 'exact') AND length(term) >= ?")
      .pluck()
      .iterate(MIN_TYPO_LENGTH) as Iterable<string>;
    for (const term of rows) this.addOne(term);
  }
}
