import { timingSafeEqual } from "node:crypto";
import type { Request, RequestHandler } from "express";
import { AppError } from "./errors.ts";

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

/**
 * Why this request may not change the archive, or null when it may. With a
 * token configured, the request must carry it; without one, only this
 * machine may write.
 */
export function writeAccessError(req: Pick<Request, "get" | "socket">, apiToken: string | null): AppError | null {
  if (apiToken) {
    const header = req.get("authorization") ?? "";
    const match = /^Bearer\s+(.+)$/i.exec(header);
    if (!match) return new AppError(401, "unauthorized", "this request needs an API token (Authorization: Bearer ...)");
    if (!sameSecret(match[1] as string, apiToken)) return new AppError(403, "forbidden", "the API token is not valid");
    return null;
  }
  if (!LOOPBACK.has(req.socket.remoteAddress ?? "")) {
    return new AppError(403, "forbidden", "writes are only accepted from this machine unless ARCHIVE_API_TOKEN is set");
  }
  return null;
}

/**
 * Who made this request, as far as the server can tell, for the audit log and
 * cover sheets. There is one shared token, so it names no person.
 */
export function requestActor(req: Pick<Request, "get" | "socket">, apiToken: string | null): string {
  const ip = req.socket.remoteAddress ?? "okänd adress";
  if (apiToken && writeAccessError(req, apiToken) === null) return `API-token (${ip})`;
  if (LOOPBACK.has(ip)) return "lokal användare";
  return `klient ${ip}`;
}

/** Guards routes that change the archive (see writeAccessError). */
export function requireWriteAccess(apiToken: string | null): RequestHandler {
  return (req, _res, next) => {
    const error = writeAccessError(req, apiToken);
    next(error ?? undefined);
  };
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
