import express, { Router } from "express";
import { z } from "zod";
import { ROLES } from "../../indexer/archive/access.ts";
import type { AppDeps } from "../app.ts";
import { callerOf, requireRole } from "../auth.ts";
import { notFound } from "../errors.ts";
import { parseQuery } from "../validate.ts";

const newToken = z.object({
  name: z.string().trim().min(1, "a token needs a name").max(200),
  role: z.enum(ROLES),
});

/**
 * API tokens for admins, beside `archive token create|revoke|list`: the same
 * store, so either way is seen at once. A new token's secret is in the
 * answer to its creation and nowhere else, ever.
 */
export function tokensRoutes(deps: AppDeps): Router {
  const router = Router();
  router.use(requireRole("admin"), (_req, res, next) => {
    res.setHeader("Cache-Control", "no-store");
    next();
  });

  router.get("/", (_req, res) => {
    res.json({ tokens: deps.access.list() });
  });

  router.post("/", express.json({ limit: "2kb" }), (req, res) => {
    const { name, role } = parseQuery(newToken, req.body ?? {});
    const { secret, ...token } = deps.access.create(name, role);
    deps.audit.record("token-create", callerOf(res).actor, { tokenId: token.id, name: token.name, role: token.role });
    res.status(201).json({ token, secret });
  });

  router.post("/:id/revoke", (req, res) => {
    const id = String(req.params.id);
    // By id only: the store's revoke also takes a name, which a URL must not.
    const token = deps.access.get(id) ? deps.access.revoke(id) : null;
    if (!token) throw notFound(`token ${id}`);
    deps.audit.record("token-revoke", callerOf(res).actor, { tokenId: token.id, name: token.name, role: token.role });
    res.json({ token });
  });
  return router;
}
