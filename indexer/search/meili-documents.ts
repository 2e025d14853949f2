/**
 * What the Meilisearch adapter stores: one Meilisearch document per chunk
 * (§, page or a protokoll's header, from chunksOf), with the same prepared
 * columns the FTS5 index has. Meilisearch neither stems Swedish nor splits
 * compounds, so the words arrive already as exact forms, stems, folded forms
 * and compound parts, tokenized the way the rest of the search tokenizes.
 */
import { createHash } from "node:crypto";
import type { StoredDocument } from "../archive/archive.ts";
import type { RecordType } from "../model.ts";
import { caseKey } from "../understand/diarienummer.ts";
import { chunksOf } from "./chunks.ts";
import { TYPE_ORDER } from "./fts5-index.ts";
import { fold, hasDiacritics, indexTerms, stem, tokenSpans } from "./swedish.ts";

/** One chunk (or one part of a very long chunk) as Meilisearch stores it. */
export interface MeiliChunk {
  /** documentId, chunk and part, in the characters a Meilisearch id allows. */
  id: string;
  documentId: string;
  /** The chunk's place in chunksOf(doc): parts of one chunk share it. */
  chunk: number;
  part: number;
  paragraph: number | null;
  page: number | null;
  title: string | null;
  /** The chunk's text as written, for snippets; stored, not searched. */
  text: string;
  /** Searchable: the text's tokens, lower-cased, in reading order. */
  exact: string;
  stems: string;
  folded: string;
  parts: string;
  type: RecordType;
  /** Decisions first when a query has no words (the FTS5 index's order). */
  typeRank: number;
  body: string | null;
  /** The body folded (case, å/ä/ö), for `organ:` and the body parameter. */
  bodyKey: string | null;
  date: string | null;
  year: string | null;
  /** The date as a number (20200220) for range filters and sorting; absent without a date. */
  dateNumber?: number;
  diarienummer: string[];
  /** Base case keys (KS-2020/42 for KS-2020/42.142): a number typed without its code finds it. */
  caseKeys: string[];
  speakers: string[];
  speakerKeys: string[];
  parties: string[];
}

/**
 * Meilisearch indexes at most 65,535 positions per attribute and drops the
 * rest silently; a chunk longer than this many words is stored in parts.
 * The folded and parts columns hold up to three entries per distinct word,
 * so this leaves room in every column.
 */
export const MAX_PART_WORDS = 15_000;
/** A column is cut at this many words whatever happens (a safety net; chunks do not reach it). */
const MAX_COLUMN_WORDS = 60_000;

/** The Meilisearch documents of one archive document. */
export function documentsOf(doc: StoredDocument): MeiliChunk[] {
  const { record } = doc;
  const date = record.meetingDate ?? record.documentDate;
  const out: MeiliChunk[] = [];
  for (const [index, chunk] of chunksOf(doc).entries()) {
    const speakers = unique(chunk.people.map((p) => p.name));
    const base = {
      documentId: doc.id,
      chunk: index,
      paragraph: chunk.paragraph,
      page: chunk.page,
      title: chunk.title,
      type: record.type,
      typeRank: TYPE_ORDER[record.type] ?? 9,
      body: record.body,
      bodyKey: record.body ? fold(record.body) : null,
      date,
      year: date ? date.slice(0, 4) : null,
      ...(date ? { dateNumber: dateNumber(date) } : {}),
      diarienummer: chunk.diarienummer,
      caseKeys: unique(chunk.diarienummer.map((d) => caseKey(d).base)),
      speakers,
      speakerKeys: unique(speakers.map(fold)),
      parties: unique(chunk.people.flatMap((p) => (p.party ? [p.party] : []))),
    };
    for (const [part, text] of splitText(chunk.text, MAX_PART_WORDS).entries()) {
      out.push({ id: meiliId(doc.id, index, part), ...base, part, text, ...columns(chunk.title, text) });
    }
  }
  return out;
}

/** The searchable columns of a chunk: the FTS5 index's, plus the stems of folded words. */
export function columns(title: string | null, text: string): Pick<MeiliChunk, "exact" | "stems" | "folded" | "parts"> {
  const terms = indexTerms(`${title ?? ""}\n${text}`);
  const tokens = tokenSpans(text).map((s) => s.token);
  // Typed without å/ä/ö, a word is stemmed as typed ("skadegorelse" → "skadeg"), which is not
  // always the folded stem of the word with them ("skadegörelse" → "skadegör" → "skadegor").
  // One query word is one Meilisearch word, so the document holds that stem too.
  const folded = new Set(words(terms.folded));
  for (const t of tokens) if (hasDiacritics(t)) folded.add(stem(fold(t)));
  return {
    exact: cap(tokens.join(" ")),
    stems: cap(terms.stems),
    folded: cap([...folded].join(" ")),
    parts: cap(terms.parts),
  };
}

/** Text cut at word boundaries into pieces of at most `maxWords` words; one piece for most chunks. */
export function splitText(text: string, maxWords: number): string[] {
  const spans = tokenSpans(text);
  if (spans.length <= maxWords) return [text];
  const pieces: string[] = [];
  for (let i = 0; i < spans.length; i += maxWords) {
    const start = i === 0 ? 0 : (spans[i] as { start: number }).start;
    const next = spans[i + maxWords];
    pieces.push(text.slice(start, next ? next.start : text.length));
  }
  return pieces;
}

/**
 * A Meilisearch document id (letters, digits, - and _, at most 511 bytes)
 * that no other document and chunk can share: characters outside [A-Za-z0-9-]
 * are written as _hex_, and the chunk and part close the id.
 */
export function meiliId(documentId: string, chunk: number, part: number): string {
  let safe = documentId.replace(/[^A-Za-z0-9-]/gu, (c) => `_${(c.codePointAt(0) as number).toString(16)}_`);
  if (safe.length > 400) safe = `h_${createHash("sha256").update(documentId).digest("hex")}`;
  return `${safe}-c${chunk}-p${part}`;
}

/** "2020-02-20" → 20200220. */
export function dateNumber(iso: string): number {
  return Number(iso.slice(0, 10).replaceAll("-", ""));
}

const unique = (values: string[]) => [...new Set(values)];
const words = (text: string) => (text ? text.split(" ") : []);

function cap(text: string): string {
  const list = words(text);
  return list.length > MAX_COLUMN_WORDS ? list.slice(0, MAX_COLUMN_WORDS).join(" ") : text;
}
