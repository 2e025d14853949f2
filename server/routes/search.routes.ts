import { Router } from "express";
import { z } from "zod";
import { RECORD_TYPES } from "../../indexer/model.ts";
import { SORTS } from "../../indexer/search/search-index.ts";
import type { AppDeps } from "../app.ts";
import { presentSearch } from "../presenters.ts";
import { rateLimit } from "../rate-limit.ts";
import { parseQuery } from "../validate.ts";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date as YYYY-MM-DD");
const optionalText = z
  .string()
  .trim()
  .max(200)
  .optional()
  .transform((v) => v || undefined);

const searchQuery = z.object({
  q: z.string().max(1000).default(""),
  type: z.enum(RECORD_TYPES).optional(),
  body: optionalText,
  dnr: optionalText,
  from: isoDate.optional(),
  to: isoDate.optional(),
  speaker: optionalText,
  party: optionalText,
  sort: z.enum(SORTS).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});

export function searchRoutes(deps: AppDeps): Router {
  const router = Router();
  router.get("/", rateLimit(deps.http.rateLimits.search, "search"), async (req, res) => {
    const query = parseQuery(searchQuery, req.query);
    const result = await deps.search.search(query);
    res.json(presentSearch(result, deps.archive.sensitiveKinds(result.hits.map((h) => h.documentId))));
  });
  return router;
}
