import type { Db } from "../archive/database.ts";
import type { FailedJob, JobKind, JobState, JobStatus } from "./queue.ts";
import { JOB_STATUSES } from "./queue.ts";

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

  /**
   * Records a job unless one with this id is already waiting, active or
   * completed. An OCR job runs again after completing: a document that found
   * no OCR engine is read again when one is there.
   */
  put(id: string, file: string, sha256: string, kind: JobKind = "ingest"): { created: boolean; state: JobState } {
    const existing = this.get(id);
    const again = existing?.status === "failed" || (kind === "ocr" && existing?.status === "completed");
    if (existing && !again) return { created: false, state: existing };
    const now = new Date().toISOString();
    this.db
      .prepare(
        `INSERT INTO jobs (id, file, sha256, status, created_at, updated_at, kind) VALUES (?, ?, ?, 'waiting', ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET file = excluded.file, status = 'waiting', error = NULL, error_code = NULL, document_id = NULL, updated_at = excluded.updated_at`,
      )
      .run(id, file, sha256, now, now, kind);
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

  /** The file behind a job, to run it again. */
  source(id: string): { file: string; sha256: string; kind: JobKind } | null {
    const row = this.db.prepare("SELECT file, sha256, kind FROM jobs WHERE id = ?").get(id) as
      | { file: string; sha256: string; kind: JobKind }
      | undefined;
    return row ?? null;
  }

  counts(): Record<JobStatus, number> {
    const counts = Object.fromEntries(JOB_STATUSES.map((s) => [s, 0])) as Record<JobStatus, number>;
    const rows = this.db.prepare("SELECT status, count(*) AS n FROM jobs GROUP BY status").all() as {
      status: JobStatus;
      n: number;
    }[];
    for (const row of rows) counts[row.status] = row.n;
    return counts;
  }

  /** The latest failures first. In-process jobs are not retried, so each failure was its one try. */
  failed(limit: number): FailedJob[] {
    const rows = this.db
      .prepare(
        "SELECT id, file, error, error_code, updated_at FROM jobs WHERE status = 'failed' ORDER BY updated_at DESC, id LIMIT ?",
      )
      .all(limit) as {
      id: string;
      file: string;
      error: string | null;
      error_code: string | null;
      updated_at: string;
    }[];
    return rows.map((r) => ({
      id: r.id,
      file: r.file,
      error: r.error ?? "failed",
      errorCode: r.error_code,
      failedAt: r.updated_at,
      attempts: 1,
    }));
  }

  /** Forgets jobs another queue has taken over (the BullMQ queue, when REDIS_URL is set). */
  remove(ids: string[]): void {
    const remove = this.db.prepare("DELETE FROM jobs WHERE id = ?");
    this.db.transaction(() => {
      for (const id of ids) remove.run(id);
    })();
  }

  /** Jobs a previous process left unfinished. */
  unfinished(): { id: string; file: string; sha256: string; kind: JobKind }[] {
    return this.db
      .prepare("SELECT id, file, sha256, kind FROM jobs WHERE status IN ('waiting', 'active') ORDER BY created_at")
      .all() as { id: string; file: string; sha256: string; kind: JobKind }[];
  }
}
