import type { Db } from "../archive/database.ts";
import type { JobState, JobStatus } from "./queue.ts";

interface JobRow {
  id: string;
  file: string;
  status: JobStatus;
  document_id: string | null;
  error: string | null;
  error_code: string | null;
}

/** Job states of the in-process queue, kept in the archive so they survive a restart. */
export class SqliteJobStore {
  constructor(private readonly db: Db) {}

  /** Records a job unless one with this id is already waiting, active or completed. */
  put(id: string, file: string, sha256: string): { created: boolean; state: JobState } {
    const existing = this.get(id);
    if (existing && existing.status !== "failed") return { created: false, state: existing };
    const now = new Date().toISOString();
    this.db
      .prepare(
        `INSERT INTO jobs (id, file, sha256, status, created_at, updated_at) VALUES (?, ?, ?, 'waiting', ?, ?)
         ON CONFLICT(id) DO UPDATE SET file = excluded.file, status = 'waiting', error = NULL, error_code = NULL, document_id = NULL, updated_at = excluded.updated_at`,
      )
      .run(id, file, sha256, now, now);
    return { created: true, state: this.get(id) as JobState };
  }

  update(
    id: string,
    status: JobStatus,
    fields: { documentId?: string; error?: string; errorCode?: string | null } = {},
  ): void {
    this.db
      .prepare(
        "UPDATE jobs SET status = ?, document_id = coalesce(?, document_id), error = ?, error_code = ?, updated_at = ? WHERE id = ?",
      )
      .run(
        status,
        fields.documentId ?? null,
        fields.error ?? null,
        fields.errorCode ?? null,
        new Date().toISOString(),
        id,
      );
  }

  get(id: string): JobState | null {
    const row = this.db
      .prepare("SELECT id, file, status, document_id, error, error_code FROM jobs WHERE id = ?")
      .get(id) as JobRow | undefined;
    return row
      ? {
          id: row.id,
          file: row.file,
          status: row.status,
          documentId: row.document_id,
          error: row.error,
          errorCode: row.error_code,
        }
      : null;
  }

  /** Jobs a previous process left unfinished. */
  unfinished(): { id: string; file: string; sha256: string }[] {
    return this.db
      .prepare("SELECT id, file, sha256 FROM jobs WHERE status IN ('waiting', 'active') ORDER BY created_at")
      .all() as { id: string; file: string; sha256: string }[];
  }
}
