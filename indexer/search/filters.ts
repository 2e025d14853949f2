/**
 * Filters of a search (the query's fields and the API's parameters) as SQL
 * conditions on a chunk `c`, shared by every step that collects matches.
 */
import type { QueryFilters } from "./query.ts";
import type { SearchQuery } from "./search-index.ts";
import { fold } from "./swedish.ts";

/** The query's own fields and the API parameters together; dates narrow to their overlap. */
export function mergeFilters(parsed: QueryFilters, query: SearchQuery): QueryFilters {
  const later = (a: string | null, b: string | undefined) => (a && b ? (a > b ? a : b) : (a ?? b ?? null));
  const earlier = (a: string | null, b: string | undefined) => (a && b ? (a < b ? a : b) : (a ?? b ?? null));
  return {
    types: query.type ? [query.type] : parsed.types,
    bodies: parsed.bodies,
    speakers: query.speaker ? [...parsed.speakers, fold(query.speaker)] : parsed.speakers,
    parties: query.party ? [...parsed.parties, query.party.toUpperCase()] : parsed.parties,
    from: later(parsed.from, query.from),
    to: earlier(parsed.to, query.to),
  };
}

export function hasFilters(f: QueryFilters): boolean {
  return f.types.length + f.bodies.length + f.speakers.length + f.parties.length > 0 || !!f.from || !!f.to;
}

/** A LIKE pattern for "contains", with LIKE's own characters escaped. */
export const likeEscape = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** SQL conditions on the chunk `c` for the filters. */
export function filterSql(
  f: QueryFilters,
  bodyExact: string | undefined,
  speakersLike: (part: string) => string[],
): { sql: string[]; params: unknown[] } {
  const sql: string[] = [];
  const params: unknown[] = [];
  const anyOf = (values: unknown[], make: () => string) => {
    if (values.length === 0) return;
    sql.push(`(${values.map(make).join(" OR ")})`);
    params.push(...values);
  };
  anyOf(f.types, () => "c.type = ?");
  anyOf(bodyExact ? [bodyExact] : [], () => "c.body = ? COLLATE NOCASE");
  anyOf(f.bodies.map(likeEscape), () => "c.body_folded LIKE ? ESCAPE '\\'");
  if (f.from) {
    sql.push("c.date >= ?");
    params.push(f.from);
  }
  if (f.to) {
    sql.push("c.date <= ?");
    params.push(f.to);
  }
  for (const speaker of f.speakers) {
    // The names first (in memory), then their § through the name index: no LIKE over every person row.
    sql.push(
      "c.id IN (SELECT p.chunk_id FROM search_people p WHERE p.name_folded IN (SELECT value FROM json_each(?)))",
    );
    params.push(JSON.stringify(speakersLike(speaker)));
  }
  if (f.parties.length) {
    sql.push(
      `EXISTS (SELECT 1 FROM search_people p WHERE p.chunk_id = c.id AND p.party IN (${f.parties.map(() => "?").join(", ")}))`,
    );
    params.push(...f.parties);
  }
  return { sql, params };
}
