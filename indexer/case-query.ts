import { canonicalize } from "./understand/diarienummer.ts";

/**
 * A diarienummer as a person typed it, in canonical form, or null. People
 * type case numbers in lower case ("ks 2020/42"); record text rarely does,
 * so only queries get this leniency.
 */
export function canonicalCaseQuery(input: string): string | null {
  const trimmed = input.trim();
  return canonicalize(trimmed) ?? canonicalize(trimmed.toUpperCase());
}
