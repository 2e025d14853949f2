import type { Paragraph, Person, RecordData } from "../../indexer/model.ts";

/** True positives, predicted items and expected items of one field, summed over documents. */
export interface Counts {
  tp: number;
  predicted: number;
  expected: number;
}

export interface Score {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export const EVAL_FIELDS = [
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
  "parties",
  "reservations",
  "notes",
  "attachments",
  "attendees",
  "belongsTo",
] as const;
export type EvalField = (typeof EVAL_FIELDS)[number];

/** What the indexer said of a record and what the truth says, in the fields both have. */
export type Comparable = Pick<
  RecordData,
  "type" | "title" | "body" | "meetingDate" | "documentDate" | "diarienummer" | "attendees" | "belongsTo"
> & {
  paragraphs: Pick<
    Paragraph,
    "number" | "title" | "diarienummer" | "speakers" | "reservations" | "notes" | "attachments"
  >[];
};

const person = (p: Person) => `${p.name}|${p.party ?? ""}`;

/**
 * Every field as a set of items, so precision and recall are counted per item:
 * a scalar is one item (or none when null), a list one item per entry.
 */
export function items(r: Comparable, field: EvalField): string[] {
  const perParagraph = (f: (p: Comparable["paragraphs"][number]) => string[]) =>
    r.paragraphs.flatMap((p) => f(p).map((x) => `${p.number}#${x}`));
  switch (field) {
    case "type":
      return [r.type];
    case "title":
    case "body":
    case "meetingDate":
    case "documentDate":
      return r[field] ? [r[field] as string] : [];
    case "diarienummer":
      return [...r.diarienummer];
    case "paragraphs":
      return r.paragraphs.map((p) => String(p.number));
    case "titles":
      return r.paragraphs.map((p) => `${p.number}#${p.title ?? ""}`);
    case "paragraphDiarienummer":
      return perParagraph((p) => p.diarienummer);
    case "speakers":
      return perParagraph((p) => p.speakers.map((s) => s.name));
    case "parties":
      return perParagraph((p) => p.speakers.map(person));
    case "reservations":
      return perParagraph((p) => p.reservations.map(person));
    case "notes":
      return perParagraph((p) => p.notes.map(person));
    case "attachments":
      return perParagraph((p) => p.attachments.map((a) => a.label));
    case "attendees":
      return r.attendees.map((a) => `${person(a)}|${a.role ?? ""}`);
    case "belongsTo":
      return r.belongsTo ? [JSON.stringify(r.belongsTo)] : [];
  }
}

export function emptyCounts(): Record<EvalField, Counts> {
  return Object.fromEntries(EVAL_FIELDS.map((f) => [f, { tp: 0, predicted: 0, expected: 0 }])) as Record<
    EvalField,
    Counts
  >;
}

/** Adds one document's items to the running counts (multiset intersection). */
export function addDocument(counts: Record<EvalField, Counts>, predicted: Comparable, truth: Comparable): void {
  for (const field of EVAL_FIELDS) {
    const got = items(predicted, field);
    const want = items(truth, field);
    const remaining = new Map<string, number>();
    for (const w of want) remaining.set(w, (remaining.get(w) ?? 0) + 1);
    let tp = 0;
    for (const g of got) {
      const left = remaining.get(g) ?? 0;
      if (left > 0) {
        tp++;
        remaining.set(g, left - 1);
      }
    }
    const c = counts[field];
    c.tp += tp;
    c.predicted += got.length;
    c.expected += want.length;
  }
}

export function score(c: Counts): Score {
  const precision = c.predicted === 0 ? (c.expected === 0 ? 1 : 0) : c.tp / c.predicted;
  const recall = c.expected === 0 ? (c.predicted === 0 ? 1 : 0) : c.tp / c.expected;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, support: c.expected };
}
