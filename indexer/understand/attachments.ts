/**
 * Bilagor: the ones a paragraph or a tjänsteutlåtande names, and what a bilaga says it
 * belongs to. Together they let the archive link a record and its attachments either way.
 */
import type { AttachmentRef, BelongsTo } from "../model.ts";
import { bodyFromGenitive, findBodyIn } from "./body.ts";
import { findDates } from "./dates.ts";
import { findCaseNumbers } from "./diarienummer.ts";

const LABEL = String.raw`(\d{1,3}(?:[.:]\d{1,3})*(?:\s?[a-z])?)(?![\d])`;
/** "se bilaga 8.1", "Bilaga 3 – Budget 2021", "bilagorna 2 och 3" (first only). */
const MENTION = new RegExp(
  String.raw`\bbilag(?:a|an|orna)\s+(?:nr\.?\s*)?${LABEL}(?:\s*[–—:-]\s*([^\n]+?))?(?=[.;\n]\s|[.;]?$|\n|\s+till\b|,)`,
  "giu",
);
/** "bilaga 1 till kommunstyrelsens tjänsteutlåtande": another document's bilaga, a reference instead. */
const OTHER_DOCUMENT =
  /^\s*till\s+(?!(?:detta|dagens|denna|nämndens|styrelsens)\s+protokoll)(?:[\p{L}-]+\s+(?:och\s+)?){0,3}?(?:tjänste(?:utlåtande|skrivelse|yttrande)|protokoll(?!et)|beslut|skrivelse)/iu;

function cleanTitle(raw: string | undefined): string | null {
  const t = (raw ?? "")
    .replace(/\s+/g, " ")
    .replace(/[.,;]+$/, "")
    .trim();
  return t.length > 1 ? t : null;
}

/** The bilagor a text names as its own, each label once, in order. */
export function findAttachments(text: string): AttachmentRef[] {
  const out: AttachmentRef[] = [];
  if (!/bilag/i.test(text)) return out;
  for (const m of text.matchAll(MENTION)) {
    const after = text.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 80);
    if (OTHER_DOCUMENT.test(after)) continue;
    const label = (m[1] ?? "").replace(":", ".").replace(/\s/g, "");
    const title = cleanTitle(m[2]);
    const known = out.find((a) => a.label === label);
    if (!known) out.push({ label, title });
    else if (!known.title && title) known.title = title;
  }
  return out;
}

/** A tjänsteutlåtande's "Bilagor" list: numbered rows, or unnumbered rows counted from 1. */
export function findAttachmentList(lines: string[]): AttachmentRef[] {
  const out: AttachmentRef[] = [];
  const start = lines.findIndex((l) => /^bilag(?:or|a)\s*:?$/i.test(l.trim()));
  if (start >= 0) {
    for (const line of lines.slice(start + 1)) {
      const text = line.trim();
      if (!text) {
        if (out.length > 0) break;
        continue;
      }
      if (
        /^(?:beslutet|skickas|expedieras|underskrift|sändlista|\p{Lu}[\p{Ll}]+ \p{Lu}[\p{Ll}]+$)/iu.test(text) &&
        out.length > 0
      )
        break;
      const m = /^(?:bilaga\s+)?(\d{1,3}(?:\.\d{1,3})*)[.):]?\s*[–—-]?\s*(.+)$/i.exec(text);
      if (m) out.push({ label: m[1] ?? "", title: cleanTitle(m[2]) });
      else out.push({ label: String(out.length + 1), title: cleanTitle(text.replace(/^[-•*]\s*/, "")) });
    }
  }
  for (const a of findAttachments(lines.join("\n"))) if (!out.some((o) => o.label === a.label)) out.push(a);
  return out;
}

/**
 * What a bilaga says it belongs to, from its opening lines: "Bilaga 8.1 ... till Trygghets- och
 * delaktighetsberedningens protokoll 2020-02-20, § 8" or "Bilaga 1 till tjänsteutlåtande 2020-02-06, Dnr KS-2020/42.142".
 */
export function findBelongsTo(lines: string[]): BelongsTo | null {
  const head = lines.slice(0, 12).join(" ").replace(/\s+/g, " ");
  const label = /\bbilaga\s+(\d{1,3}(?:[.:]\d{1,3})*)/i.exec(head)?.[1]?.replace(":", ".") ?? null;
  const till = /\btill\s+(.{0,160})/i.exec(head.slice(head.search(/\bbilaga\b/i) + 1))?.[1] ?? "";
  const toReport = /tjänste(?:utlåtande|skrivelse|yttrande)/i.test(till);
  const toProtocol = /protokoll/i.test(till);
  if (!label && !toReport && !toProtocol) return null;
  if (!toReport && !toProtocol) return meetingNamed(lines.slice(0, 12), label);
  const date = findDates(till)[0]?.iso ?? null;
  // A protokoll is found by body, meeting and §; a staff report by its date and diarienummer.
  if (toReport) {
    return {
      label,
      body: null,
      meetingDate: null,
      paragraph: null,
      documentDate: date,
      diarienummer: findCaseNumbers(till)[0]?.canonical ?? findCaseNumbers(head)[0]?.canonical ?? null,
    };
  }
  const paragraph = /§\s?(\d{1,4})/.exec(till);
  return {
    label,
    body: toProtocol ? bodyFromGenitive(till.slice(0, till.search(/protokoll/i))) : null,
    meetingDate: toProtocol ? date : null,
    paragraph: paragraph ? Number(paragraph[1]) : null,
    documentDate: null,
    diarienummer: null,
  };
}

/** "Kommunstyrelsen, sammanträde 2022-05-10, § 4": a bilaga naming its meeting without "till ... protokoll". */
function meetingNamed(lines: string[], label: string | null): BelongsTo {
  for (const line of lines) {
    const paragraph = /§\s?(\d{1,4})/.exec(line);
    const date = findDates(line)[0]?.iso;
    if (!paragraph || !date) continue;
    return {
      label,
      body: findBodyIn(line) ?? bodyFromGenitive(line),
      meetingDate: date,
      paragraph: Number(paragraph[1]),
      documentDate: null,
      diarienummer: null,
    };
  }
  return { label, body: null, meetingDate: null, paragraph: null, documentDate: null, diarienummer: null };
}
