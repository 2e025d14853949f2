/**
 * Who attended a meeting, from a protokoll's header: Beslutande (ledamöter, with ordförande
 * and ersättare marked), Tjänstgörande ersättare, and Övriga närvarande (officials as "Name, title").
 */
import type { Person } from "../model.ts";
import { addPerson, nameBefore, partyMentions } from "./names.ts";

type Kind = "members" | "substitutes" | "others" | "end";

/** Header labels, capitalised as headers write them; the weak ones count only before a colon. */
const LABEL =
  /(?<![\p{L}])(Tjänstgörande ersättare(?!\s+för)|Icke tjänstgörande ersättare|Närvarande ersättare|Ersättare(?=\s*:)|Beslutande ledamöter|Beslutande|Närvarande ledamöter|Ledamöter(?=\s*:)|Övriga närvarande|Övriga deltagare|Närvarande tjänstemän|Tjänstemän|Övriga(?=\s*:)|Utses att justera|Justerare(?=\s*:)|Justeringens plats och tid|Underskrifter|Paragrafer|Plats och tid|ANSLAG\/BEVIS|Anslag\/Bevis)(?![\p{L}])\s*:?/gu;

function kindOf(label: string): Kind {
  const l = label.toLowerCase();
  if (/^(?:beslutande|närvarande ledamöter|ledamöter)/.test(l)) return "members";
  if (/ersättare/.test(l)) return "substitutes";
  if (/övriga|tjänstemän/.test(l)) return "others";
  return "end";
}

const STANDS_IN =
  /(?:ersätter|tjänstgör(?:ande)? för|ersättare för|tjänstgörande ersättare för|i stället för|istället för)\s*$/i;
const ANNOTATION =
  /\b(?:närvarande|via länk|på länk|del av|tom|t\.o\.m\.?|from|fr\.o\.m\.?|kl\.?|deltar|deltog|ej)\b.*$|§.*$|\(.*$/i;

/** A page header that ran into the last row: an all-caps word, a date, "Sida". */
const PAGE_FURNITURE = /\s+(?:\p{Lu}{3,}|(?:19|20)\d\d-\d\d-\d\d|Sida\b).*$/u;

function roleFrom(annotation: string): string | null {
  const a = annotation
    .trim()
    .replace(/^[,\s]+/, "")
    .toLowerCase();
  if (/^(?:\d:e |förste |andre |1:e |2:e )?vice ordf(?:örande|\.)?/.test(a)) return "vice ordförande";
  if (/^ordf(?:örande|\.)?\b|^ordf\./.test(a)) return "ordförande";
  return null;
}

function members(text: string, defaultRole: string, into: Person[]): void {
  const mentions = partyMentions(text);
  for (let k = 0; k < mentions.length; k++) {
    const m = mentions[k]!;
    const next = mentions[k + 1];
    const between = text.slice(m.end, next ? next.index : text.length);
    const person: Person = { ...m.person, role: roleFrom(between) ?? defaultRole };
    if (next && STANDS_IN.test(between.replace(/,?\s*kl\..*$/i, ""))) {
      person.role = "ersättare";
      k++;
    }
    addPerson(into, person);
  }
}

/** "Göran Isberg, utbildningsdirektör David Norrfjärd, chef grundskola ..." → officials with titles. */
function officials(text: string, into: Person[]): void {
  let stripped = text;
  for (const m of partyMentions(text)) {
    addPerson(into, { ...m.person, role: null });
    stripped = stripped.replace(`${m.person.name}`, " ");
  }
  let current: Person | null = null;
  for (const raw of stripped.replace(/\([^)]*\)/g, " ").split(",")) {
    const seg = raw.replace(/\s+/g, " ").trim();
    if (!seg) continue;
    const name = nameBefore(seg, seg.length);
    const head = (name ? seg.slice(0, seg.length - name.length) : seg)
      .replace(PAGE_FURNITURE, "")
      .replace(ANNOTATION, "")
      .trim()
      .replace(/^\p{Lu}(?=\p{Ll}+(?:\s|$))/u, (c) => c.toLowerCase());
    if (current && !current.role && head && /^[\p{L}]/u.test(head)) current.role = head;
    if (name) {
      current = { name, party: null, role: null };
      addPerson(into, current);
    }
  }
}

/**
 * Attendees in the order the header lists them; a member that a substitute stands in for
 * ("X (S) ersätter Y (S)") did not attend and is left out.
 */
export function findAttendees(headerText: string): Person[] {
  const out: Person[] = [];
  const labels = [...headerText.matchAll(LABEL)];
  labels.forEach((m, i) => {
    const kind = kindOf(m[1] ?? "");
    if (kind === "end") return;
    const start = (m.index ?? 0) + m[0].length;
    const block = headerText.slice(start, labels[i + 1]?.index ?? headerText.length);
    if (kind === "members") members(block, "ledamot", out);
    else if (kind === "substitutes") members(block, "ersättare", out);
    else officials(block, out);
  });
  return out;
}
