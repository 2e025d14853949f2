/**
 * The Meilisearch index's settings: what is searched (in rank order), what
 * filters and sorts, and how typos and Swedish are read. Sent on every start;
 * Meilisearch only re-indexes when something changed.
 */
import type { Settings } from "meilisearch";

/** Searched in this order: the attribute rule ranks a title match above text, exact forms above stems. */
export const SEARCHABLE = ["title", "exact", "stems", "parts", "folded"] as const;

/** What a search reads of each matching chunk: enough to group, rank and count facets, never the text. */
export const RETRIEVED = [
  "id",
  "documentId",
  "chunk",
  "paragraph",
  "page",
  "title",
  "type",
  "body",
  "date",
  "diarienummer",
  "speakers",
  "parties",
] as const;

/** Distinct bodies and speakers are read as facet values (for `organ:` and `talare:`); at most this many. */
export const MAX_FACET_VALUES = 10_000;

export function meiliSettings(maxRanked: number): Settings {
  return {
    searchableAttributes: [...SEARCHABLE],
    filterableAttributes: [
      "id",
      "documentId",
      "type",
      "bodyKey",
      "year",
      "dateNumber",
      "caseKeys",
      "speakerKeys",
      "parties",
    ],
    sortableAttributes: ["dateNumber", "typeRank"],
    // "sort" first: newest/oldest take the newest or oldest matches when there are more than are ranked.
    rankingRules: ["sort", "words", "typo", "proximity", "attribute", "exactness"],
    // One typo from five letters (Meilisearch counts a wrong first letter as two), never two; and
    // only against words as written, as the FTS5 index corrects: a stem or a compound part is
    // short, and a typo would meet too many ("parek" is one edit from "park", the stem of "parken").
    typoTolerance: {
      enabled: true,
      minWordSizeForTypos: { oneTypo: 5, twoTypos: 255 },
      disableOnAttributes: ["stems", "parts"],
    },
    // Swedish tokenization keeps å, ä and ö letters of their own instead of stripping their marks.
    localizedAttributes: [{ attributePatterns: ["*"], locales: ["swe"] }],
    faceting: { maxValuesPerFacet: MAX_FACET_VALUES },
    pagination: { maxTotalHits: maxRanked + 1 },
    distinctAttribute: null,
    stopWords: [],
    // No synonyms: inflections, folded spellings and compound parts come in the prepared columns,
    // and a synonym list here (KS = kommunstyrelsen, say) would make the engines answer differently,
    // since the FTS5 index has none. Such a list belongs in query preparation, shared by both.
    synonyms: {},
  };
}
