import express, { type Request, type Response, Router } from "express";
import { z } from "zod";
import { hashSecret, roleAtLeast, SESSION_HOURS, type SessionOwner } from "../../indexer/archive/access.ts";
import type { AppDeps } from "../app.ts";
import { type Caller, callerOf, clientAddress, SESSION_COOKIE, sameSecret, sessionCaller } from "../auth.ts";
import { AppError } from "../errors.ts";
import { rateLimit } from "../rate-limit.ts";

const signInBody = z.object({ token: z.string().min(1).max(200) });

/**
 * The web UI's sign-in. An official pastes an API token once; the answer is
 * a session cookie (HttpOnly, SameSite=Strict, Secure over https) so the
 * token never stays in the page. GET tells the UI what the caller may do, so
 * it offers uploading and admin views only where they can succeed.
 */
export function sessionRoutes(deps: AppDeps): Router {
  const router = Router();
  const settings = deps.http;

  router.get("/", (_req, res) => {
    res.setHeader("Cache-Control", "no-store");
    res.json(sessionBody(callerOf(res), settings.publicRead));
  });

  router.post(
    "/",
    rateLimit(settings.rateLimits.signIn, "sign-in"),
    express.json({ limit: "2kb" }),
    (req: Request, res: Response) => {
      res.setHeader("Cache-Control", "no-store");
      const parsed = signInBody.safeParse(req.body);
      if (!parsed.success) throw new AppError(400, "bad_request", 'send the token as JSON: {"token": "..."}');
      const secret = parsed.data.token.trim();
      const ip = clientAddress(req);
      const apiToken = deps.apiToken;
      let owner: SessionOwner | null = null;
      if (apiToken && sameSecret(secret, apiToken)) owner = { kind: "env", envTokenHash: hashSecret(apiToken) };
      else {
        const token = deps.access.authenticate(secret);
        if (token) owner = { kind: "token", token };
      }
      if (!owner) {
        deps.audit.record("sign-in-refused", `okänd (${ip})`, {});
        throw new AppError(401, "unauthorized", "the token is not valid, or it has been revoked");
      }
      const previous = callerOf(res).sessionId;
      if (previous) deps.access.endSession(previous);
      const session = deps.access.startSession(owner);
      res.cookie(SESSION_COOKIE, session.id, {
        httpOnly: true,
        sameSite: "strict",
        secure: req.secure,
        path: "/",
        maxAge: SESSION_HOURS * 3600_000,
      });
      const who = sessionCaller(owner, session.id, ip);
      deps.audit.record("sign-in", who.actor, { tokenId: who.tokenId, role: who.role, address: ip });
      res.json(sessionBody(who, settings.publicRead));
    },
  );

  router.delete("/", (req, res) => {
    res.setHeader("Cache-Control", "no-store");
    const who = callerOf(res);
    if (who.sessionId) {
      deps.access.endSession(who.sessionId);
      deps.audit.record("sign-out", who.actor, { tokenId: who.tokenId });
    }
    res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: "strict", secure: req.secure, path: "/" });
    res.status(204).end();
  });
  return router;
}

/** What the UI needs to know about the caller; never the token or session id. */
function sessionBody(who: Caller, publicRead: boolean) {
  const role = who.refusal ? null : who.role;
  return {
    signedIn: who.via === "session",
    name: who.name,
    role,
    via: who.refusal ? "anonymous" : who.via,
    canRead: roleAtLeast(role, "reader"),
    canWrite: roleAtLeast(role, "editor"),
    canAdmin: roleAtLeast(role, "admin"),
    tokenRequired: who.via !== "loopback",
    publicRead,
  };
}
