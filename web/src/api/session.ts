/** Who this browser is to the archive: signed in or not, and what that allows. */

import { getJson, obj, sendJson, str } from "./http.ts";

export type Role = "reader" | "editor" | "admin";

export interface Session {
  signedIn: boolean;
  /** The name on the token signed in with, for "Inloggad som …". */
  name: string | null;
  role: Role | null;
  /** How the server recognised this browser: "session", "loopback" (the archive's own machine), "public", ... */
  via: string;
  canRead: boolean;
  canWrite: boolean;
  canAdmin: boolean;
  /** False only on the archive's own machine before any token exists: then nothing needs signing in. */
  tokenRequired: boolean;
  publicRead: boolean;
}

function session(value: unknown): Session {
  const o = obj(value);
  const role = str(o.role);
  return {
    signedIn: o.signedIn === true,
    name: str(o.name),
    role: role === "reader" || role === "editor" || role === "admin" ? role : null,
    via: str(o.via) ?? "anonymous",
    canRead: o.canRead === true,
    canWrite: o.canWrite === true,
    canAdmin: o.canAdmin === true,
    tokenRequired: o.tokenRequired !== false,
    publicRead: o.publicRead !== false,
  };
}

export async function getSession(signal?: AbortSignal): Promise<Session> {
  return session(await getJson("/api/session", signal));
}

/** Signs in with a token; the server answers with an HttpOnly cookie the page never sees. */
export async function postSignIn(token: string): Promise<Session> {
  return session(await sendJson("POST", "/api/session", { token }));
}

export async function deleteSession(): Promise<void> {
  await sendJson("DELETE", "/api/session", undefined);
}
