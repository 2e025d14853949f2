import type { AuditAction, AuditEntry, AuditLog, Page } from "./archive.ts";
import type { Db } from "./database.ts";

interface AuditRow {
  id: number;
  at: string;
  action: AuditAction;
  actor: string;
  detail: string;
}

/** The audit log in the archive's own SQLite file, so a backup keeps it with the records it speaks of. */
export class SqliteAuditLog implements AuditLog {
  constructor(private readonly db: Db) {}

  record(action: AuditAction, actor: string, detail: Record<string, unknown>): void {
    this.db
      .prepare("INSERT INTO audit_log (at, action, actor, detail) VALUES (?, ?, ?, ?)")
      .run(new Date().toISOString(), action, actor, JSON.stringify(detail));
  }

  list(limit: number, offset: number): Page<AuditEntry> {
    const total = (this.db.prepare("SELECT count(*) AS n FROM audit_log").get() as { n: number }).n;
    const rows = this.db
      .prepare("SELECT id, at, action, actor, detail FROM audit_log ORDER BY id DESC LIMIT ? OFFSET ?")
      .all(limit, offset) as AuditRow[];
    return { total, items: rows.map((r) => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> })) };
  }
}
