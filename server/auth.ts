import { timingSafeEqual } from "node:crypto";
import type { Request, RequestHandler, Response } from "express";
import { type AccessStore, hashSecret, type Role, roleAtLeast, type SessionOwner } from "../indexer/archive/access.ts";
import { AppError } from "./errors.ts";

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);
export const SESSION_COOKIE = "archive_session";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export interface AccessSettings {
  /** ARCHIVE_API_TOKEN: the deployment's own admin token; when set, this machine is not trusted without it. */
  apiToken: string | null;
  /** ARCHIVE_PUBLIC_READ: whether reading needs no sign-in. */
  publicRead: boolean;
}

/** Who is asking, as this request shows it. */
export interface Caller {
  /** What the caller may do; null: nothing beyond the health check and sign-in. */
  role: Role | null;
  /** How the caller was recognised. */
  via: "token" | "session" | "api-token" | "loopback" | "public" | "anonymous";
  /** The token's name, for people; null when no token speaks for the caller. */
  name: string | null;
  tokenId: string | null;
  /** For the audit log and cover sheets: a person's token name where there is one. */
  actor: string;
  /** The session cookie's id when a session speaks for the caller. */
  sessionId: string | null;
  /** Why the request must be refused whatever it asks for (a bad token, a cross-site write). */
  refusal: AppError | null;
  /** The answer when the role falls short, where a better one than the default is known. */
  shortfall?: AppError;
}

/**
 * Recognises the caller once per request and keeps it in `res.locals.caller`:
 * a bearer token (ARCHIVE_API_TOKEN or one made with `archive token create`),
 * else a signed-in session cookie, else this machine while no token exists
 * at all (the contract's single-user default), else an anonymous reader
 * where ARCHIVE_PUBLIC_READ allows it.
 */
export function identifyCaller(access: AccessStore, settings: AccessSettings): RequestHandler {
  return (req, res, next) => {
    res.locals.caller = identify(req, access, settings);
    next();
  };
}

export function identify(req: Request, access: AccessStore, settings: AccessSettings): Caller {
  const ip = clientAddress(req);
  const header = req.get("authorization");
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    const secret = match?.[1] ?? "";
    if (settings.apiToken && sameSecret(secret, settings.apiToken)) {
      return caller("admin", "api-token", null, null, `ARCHIVE_API_TOKEN (${ip})`);
    }
    const token = secret ? access.authenticate(secret) : null;
    if (token) return caller(token.role, "token", token.name, token.id, `${token.name} (${token.id})`);
    const refused = caller(null, "anonymous", null, null, `okänd (${ip})`);
    refused.refusal = match
      ? new AppError(403, "forbidden", "the API token is not valid, or it has been revoked")
      : new AppError(401, "unauthorized", "the Authorization header must be: Bearer <token>");
    return refused;
  }

  const sessionId = readCookie(req.get("cookie"), SESSION_COOKIE);
  const owner = sessionId ? access.session(sessionId) : null;
  if (sessionId && owner) {
    const current =
      owner.kind === "token" || (settings.apiToken && owner.envTokenHash === hashSecret(settings.apiToken));
    const signedIn = current ? sessionCaller(owner, sessionId, ip) : null;
    if (signedIn) {
      // The cookie is SameSite=Strict; a write from another site is refused even so, by its Origin.
      if (!SAFE_METHODS.has(req.method) && !sameOrigin(req)) {
        signedIn.refusal = new AppError(403, "cross_site", "a change from another site is not accepted");
      }
      return signedIn;
    }
  }

  const loopbackOnly = !settings.apiToken && !access.hasActiveTokens();
  if (loopbackOnly && LOOPBACK.has(ip)) return caller("admin", "loopback", null, null, "lokal användare");
  const anonymous = settings.publicRead
    ? caller("reader", "public", null, null, `anonym läsare (${ip})`)
    : caller(null, "anonymous", null, null, `anonym (${ip})`);
  if (loopbackOnly) {
    anonymous.shortfall = new AppError(
      403,
      "forbidden",
      "only this machine may do this until ARCHIVE_API_TOKEN is set or a token is made (archive token create)",
    );
  }
  return anonymous;
}

/** The caller identifyCaller found; routes use it for guards and the audit log. */
export function callerOf(res: Response): Caller {
  const found = res.locals.caller as Caller | undefined;
  if (!found) throw new Error("identifyCaller must run before the routes");
  return found;
}

/** Guards a route: the caller needs at least this role. */
export function requireRole(needed: Role): RequestHandler {
  return (_req, res, next) => {
    next(roleError(callerOf(res), needed) ?? undefined);
  };
}

/** Why this caller may not do what needs `needed`, or null when it may. */
export function roleError(who: Caller, needed: Role): AppError | null {
  if (who.refusal) return who.refusal;
  if (roleAtLeast(who.role, needed)) return null;
  if (who.shortfall) return who.shortfall;
  if (who.via === "public" || who.via === "anonymous") {
    return new AppError(401, "unauthorized", "sign in, or send an API token (Authorization: Bearer ...)");
  }
  return new AppError(403, "forbidden", `this needs the ${needed} role; ${who.name ?? "this caller"} is ${who.role}`);
}

/** The client's address: the socket's, or the proxy's X-Forwarded-For where ARCHIVE_TRUST_PROXY trusts it. */
export function clientAddress(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? "okänd adress";
}

/** The caller a session speaks for: its token's role and name, or admin for ARCHIVE_API_TOKEN's. */
export function sessionCaller(owner: SessionOwner, sessionId: string, ip: string): Caller {
  const who =
    owner.kind === "token"
      ? caller(owner.token.role, "session", owner.token.name, owner.token.id, `${owner.token.name} (${owner.token.id})`)
      : caller("admin", "session", "ARCHIVE_API_TOKEN", null, `ARCHIVE_API_TOKEN (${ip})`);
  who.sessionId = sessionId;
  return who;
}

function caller(
  role: Role | null,
  via: Caller["via"],
  name: string | null,
  tokenId: string | null,
  actor: string,
): Caller {
  return { role, via, name, tokenId, actor, sessionId: null, refusal: null };
}

function sameOrigin(req: Request): boolean {
  const origin = req.get("origin");
  if (origin) return origin === `${req.protocol}://${req.get("host")}`;
  const site = req.get("sec-fetch-site");
  return site === undefined || site === "same-origin" || site === "none";
}

export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim() || null;
  }
  return null;
}

export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
