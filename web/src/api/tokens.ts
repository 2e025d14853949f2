/** API tokens, for admins: the list, a new token (its secret shown once), revoking one. */

import { arr, getJson, obj, postJson, sendJson, str } from "./http.ts";
import type { Role } from "./session.ts";

export interface ApiToken {
  id: string;
  name: string;
  role: Role;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

function token(value: unknown): ApiToken | null {
  const o = obj(value);
  const id = str(o.id);
  const role = str(o.role);
  if (!id || (role !== "reader" && role !== "editor" && role !== "admin")) return null;
  return {
    id,
    name: str(o.name) ?? id,
    role,
    createdAt: str(o.createdAt) ?? "",
    revokedAt: str(o.revokedAt),
    lastUsedAt: str(o.lastUsedAt),
  };
}

export async function getTokens(signal?: AbortSignal): Promise<ApiToken[]> {
  return arr(obj(await getJson("/api/tokens", signal)).tokens).flatMap((t) => token(t) ?? []);
}

/** Creates a token; the answer holds its secret, which the server never shows again. */
export async function createToken(name: string, role: Role): Promise<{ token: ApiToken; secret: string }> {
  const o = obj(await sendJson("POST", "/api/tokens", { name, role }));
  const created = token(o.token);
  const secret = str(o.secret);
  if (!created || !secret) throw new Error("the server's answer lacks the new token");
  return { token: created, secret };
}

export async function revokeToken(id: string): Promise<ApiToken | null> {
  return token(obj(await postJson(`/api/tokens/${encodeURIComponent(id)}/revoke`)).token);
}
