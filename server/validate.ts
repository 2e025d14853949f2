import type { z } from "zod";
import { AppError } from "./errors.ts";

/** Parses query parameters (or a small JSON body) with a zod schema; a bad parameter is a 400 naming it. */
export function parseQuery<S extends z.ZodType>(schema: S, query: unknown): z.infer<S> {
  const parsed = schema.safeParse(query);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join(".") || "query";
    throw new AppError(400, "invalid_parameter", `${where}: ${issue?.message ?? "invalid"}`);
  }
  return parsed.data;
}
