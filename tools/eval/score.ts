import type { RecordData } from "../../indexer/model.ts";
import type { Truth } from "../generate/index.ts";
import { EVAL_FIELDS, type EvalField, items } from "./metrics.ts";

export const FIELDS = EVAL_FIELDS;
export type Field = EvalField;

/**
 * Whether each field of one understood record agrees with its ground truth
 * as a whole: strict on purpose, a paragraph list with one wrong speaker is a
 * miss. The evaluation's precision and recall count the same items one by one.
 */
export function scoreRecord(record: RecordData, truth: Truth): Record<Field, boolean> {
  const sorted = (values: string[]) => JSON.stringify([...values].sort());
  return Object.fromEntries(FIELDS.map((f) => [f, sorted(items(record, f)) === sorted(items(truth, f))])) as Record<
    Field,
    boolean
  >;
}

/** Share of documents whose field agrees, per field. */
export function agreement(scores: Record<Field, boolean>[]): Record<Field, number> {
  const out = {} as Record<Field, number>;
  for (const field of FIELDS) out[field] = scores.filter((s) => s[field]).length / Math.max(1, scores.length);
  return out;
}
