import type { Statement } from "better-sqlite3";
import type { Facets } from "./search-index.ts";

/** Each facet lists its largest values, at most this many. */
export const FACET_SIZE = 30;

export const emptyFacets = (): Facets => ({ type: {}, body: {}, year: {}, party: {}, speaker: {} });

/** Each facet's 30 largest values, counted over the matched documents in one statement. */
const FACETS_SQL = `
  WITH docs AS MATERIALIZED (
    SELECT document_id, type, body, substr(date, 1, 4) AS year FROM temp.search_hits GROUP BY document_id
  ), people AS MATERIALIZED (
    SELECT DISTINCT h.document_id, p.name, p.party
    FROM temp.search_hits h CROSS JOIN search_people p ON p.chunk_id = h.id
  ), counts (facet, value, n) AS (
    SELECT 'type', type, count(*) FROM docs GROUP BY type
    UNION ALL SELECT 'body', body, count(*) FROM docs GROUP BY body
    UNION ALL SELECT 'year', year, count(*) FROM docs GROUP BY year
    UNION ALL SELECT 'party', party, count(DISTINCT document_id) FROM people GROUP BY party
    UNION ALL SELECT 'speaker', name, count(DISTINCT document_id) FROM people GROUP BY name
  )
  SELECT facet, value, n FROM (
    SELECT facet, value, n, row_number() OVER (PARTITION BY facet ORDER BY n DESC, value) AS place
    FROM counts WHERE value IS NOT NULL AND value <> ''
  ) WHERE place <= ${FACET_SIZE} ORDER BY facet, place`;

/**
 * Counts of documents per type, body, year, party and speaker among
 * everything in temp.search_hits: one statement, counted by SQLite.
 */
export function countFacets(sql: (text: string) => Statement): Facets {
  const facets = emptyFacets();
  const rows = sql(FACETS_SQL).raw().all() as [keyof Facets, string, number][];
  for (const [facet, value, n] of rows) facets[facet][value] = n;
  return facets;
}
