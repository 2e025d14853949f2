import Database from "better-sqlite3";
import { bodyKey } from "./body-key.ts";
import { MIGRATIONS } from "./schema.ts";

export type Db = Database.Database;

/**
 * Opens (or creates) the archive database: WAL so searches read while a
 * document is written, foreign keys on, and any pending migration applied.
 */
export function openDatabase(file: string, extraMigrations: { name: string; steps: string[] }[] = []): Db {
  const db = new Database(file);
  // First: the server and workers may open a new archive at the same moment.
  db.pragma("busy_timeout = 5000");
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  // One definition of a body's key for inserts, lookups and the migration that fills it in.
  db.function("normalize_body", { deterministic: true }, (body: unknown) =>
    typeof body === "string" ? bodyKey(body) : null,
  );
  migrate(db, "archive", MIGRATIONS);
  for (const m of extraMigrations) migrate(db, m.name, m.steps);
  return db;
}

/**
 * Applies the steps of one component's schema that this file has not seen
 * yet. Several processes (the server, workers) may open a new archive at
 * once: the version is read again inside a write transaction taken up front
 * (BEGIN IMMEDIATE), so one of them migrates and the others find it done.
 */
export function migrate(db: Db, component: string, steps: string[]): void {
  db.exec("CREATE TABLE IF NOT EXISTS schema_versions (component TEXT PRIMARY KEY, version INTEGER NOT NULL)");
  const versionOf = () => {
    const row = db.prepare("SELECT version FROM schema_versions WHERE component = ?").get(component) as
      | { version: number }
      | undefined;
    const current = row?.version ?? 0;
    if (current > steps.length) {
      throw new Error(`the archive's ${component} schema (v${current}) is newer than this program (v${steps.length})`);
    }
    return current;
  };
  if (versionOf() === steps.length) return;
  const apply = db.transaction(() => {
    for (let v = versionOf(); v < steps.length; v++) db.exec(steps[v] as string);
    db.prepare(
      "INSERT INTO schema_versions (component, version) VALUES (?, ?) ON CONFLICT(component) DO UPDATE SET version = excluded.version",
    ).run(component, steps.length);
  });
  apply.immediate();
}
