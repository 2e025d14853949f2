import type { RecordData } from "../../indexer/model.ts";
import type { Truth } from "../generate/index.ts";

/** The fields we score, each compared as a whole per document (exact agreement). */
export const FIELDS = [
  "type",
  "title",
  "body",
  "meetingDate",
  "documentDate",
  "diarienummer",
  "paragraphs",
  "titles",
  "paragraphDiarienummer",
  "speakers",
  "reservations",
  "notes",
  "attachments",
  "attendees",
  "belongsTo",
] as const;
export type Field = (typeof FIELDS)[number];

const sorted = (values: string[]) => [...values].sort();
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Whether each field of one understood record agrees with its ground truth.
 * Strict on purpose: a paragraph list with one wrong speaker is a miss.
 */
export function scoreRecord(record: RecordData, truth: Truth): Record<Field, boolean> {
  const per = <T>(pick: (p: RecordData["paragraphs"][number] | Truth["paragraphs"][number]) => T) =>
    same(record.paragraphs.map(pick), truth.paragraphs.map(pick));
  return {
    type: record.type === truth.type,
    title: record.title === truth.title,
    body: record.body === truth.body,
    meetingDate: record.meetingDate === truth.meetingDate,
    documentDate: record.documentDate === truth.documentDate,
    diarienummer: same(sorted(record.diarienummer), sorted(truth.diarienummer)),
    paragraphs: per((p) => p.number),
    titles: per((p) => p.title),
    paragraphDiarienummer: per((p) => sorted(p.diarienummer)),
    speakers: per((p) => p.speakers),
    reservations: per((p) => p.reservations),
    notes: per((p) => p.notes),
    attachments: per((p) => p.attachments),
    attendees: same(record.attendees, truth.attendees),
    belongsTo: same(record.belongsTo, truth.belongsTo),
  };
}

/** Share of documents whose field agrees, per field. */
export function agreement(scores: Record<Field, boolean>[]): Record<Field, number> {
  const out = {} as Record<Field, number>;
  for (const field of FIELDS) out[field] = scores.filter((s) => s[field]).length / Math.max(1, scores.length);
  return out;
}
