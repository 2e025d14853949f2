/** The audit log, for admins: who was handed which records, and sign-ins. */

import { arr, getJson, num, obj, query, str } from "./http.ts";

export interface AuditEntry {
  id: number;
  /** ISO timestamp. */
  at: string;
  action: string;
  actor: string;
  detail: Record<string, unknown>;
}

export interface AuditPage {
  total: number;
  entries: AuditEntry[];
}

/** `GET /api/audit`, newest first: an admin's (the session cookie says who is asking). */
export async function getAudit(page: { limit: number; offset: number }, signal?: AbortSignal): Promise<AuditPage> {
  const o = obj(await getJson(`/api/audit?${query(page)}`, signal));
  const entries = arr(o.entries).map((value): AuditEntry => {
    const e = obj(value);
    return {
      id: num(e.id) ?? 0,
      at: str(e.at) ?? "",
      action: str(e.action) ?? "",
      actor: str(e.actor) ?? "",
      detail: obj(e.detail),
    };
  });
  return { total: num(o.total) ?? entries.length, entries };
}
