/** Swedish wording shared by the views. Pure, so it can be unit-tested in node. */

export const DOC_TYPES = ["protokoll", "protokollsutdrag", "tjansteutlatande", "bilaga", "kallelse", "ovrigt"] as const;

const TYPE_LABELS: Record<string, string> = {
  protokoll: "Protokoll",
  protokollsutdrag: "Protokollsutdrag",
  tjansteutlatande: "Tjänsteutlåtande",
  bilaga: "Bilaga",
  kallelse: "Kallelse",
  ovrigt: "Övrigt",
};

/** What an official reads where a record may hold something secret or personal. */
export const SENSITIVE_NOTICE = "Kan behöva sekretessprövas";

const SENSITIVE_LABELS: Record<string, string> = {
  personnummer: "Personnummer",
  samordningsnummer: "Samordningsnummer",
  secrecy: "Sekretessmarkering",
  email: "E-postadress",
  phone: "Telefonnummer",
};

/** Unknown kinds are shown as sent rather than hidden. */
export function sensitiveLabel(kind: string): string {
  return SENSITIVE_LABELS[kind] ?? kind;
}

/** Unknown types are shown as sent rather than hidden. */
export function typeLabel(type: string | null | undefined): string {
  if (!type) return "Okänd typ";
  return TYPE_LABELS[type] ?? type;
}

export interface PersonLike {
  name: string;
  party: string | null;
  role: string | null;
}

/** "Name (Party), role", the way the records themselves write people. */
export function personText(person: PersonLike): string {
  let text = person.name;
  if (person.party) text += ` (${person.party})`;
  if (person.role) text += `, ${person.role}`;
  return text;
}

export function hitCountText(total: number): string {
  if (total === 0) return "Inga träffar";
  return `${total.toLocaleString("sv-SE")} ${total === 1 ? "träff" : "träffar"}`;
}

export function documentCountText(total: number): string {
  return `${total.toLocaleString("sv-SE")} ${total === 1 ? "handling" : "handlingar"}`;
}

/**
 * Path to a document, with the paragraph anchor when there is one, and the
 * search that led there (`?q=`) so the document view marks its hits.
 */
export function documentHref(id: string, paragraph?: number | null, q?: string): string {
  const base = `/dokument/${encodeURIComponent(id)}${q ? `?${new URLSearchParams({ q }).toString()}` : ""}`;
  return paragraph === null || paragraph === undefined ? base : `${base}#p${paragraph}`;
}

export function caseHref(dnr: string): string {
  return `/arende?${new URLSearchParams({ dnr }).toString()}`;
}

/** The sign-in page, coming back to the page the official is on. */
export function signInHref(): string {
  return `/logga-in?next=${encodeURIComponent(location.pathname + location.search)}`;
}
