import { createHash, randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { copyFile, mkdir, readdir, readFile, rename, rm, rmdir, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import Database from "better-sqlite3";
import { z } from "zod";
import { FileOriginalStore } from "./originals.ts";

const DATABASE_FILE = "archive.sqlite";
const MANIFEST_FILE = "backup.json";

const fileEntry = z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), bytes: z.number().int().nonnegative() });

/** `backup.json`: what a backup holds, so a restore can prove it got all of it, unchanged. */
export const BackupManifestSchema = z.object({
  format: z.literal(1),
  createdAt: z.string(),
  programVersion: z.string(),
  schemaVersions: z.record(z.string(), z.number().int()),
  documents: z.number().int().nonnegative(),
  originals: z.number().int().nonnegative(),
  /** The database and every original, together. */
  bytes: z.number().int().nonnegative(),
  database: fileEntry,
  files: z.array(fileEntry),
});
export type BackupManifest = z.infer<typeof BackupManifestSchema>;

/** A backup or restore that cannot go ahead; its message is for the user as it stands. */
export class BackupError extends Error {
  override name = "BackupError";
}

/** A document whose original could not be backed up (missing, or its bytes no longer match its hash). */
export interface BackupFailure {
  documentId: string;
  filename: string;
  sha256: string;
  reason: string;
}

export interface BackupProgress {
  /** The database snapshot is written; `total` originals follow. */
  start?(total: number): void;
  copied?(sha256: string): void;
}

export interface BackupResult {
  manifest: BackupManifest;
  failures: BackupFailure[];
}

/**
 * Backs up the archive in `dataDir` into `target` while the server and
 * workers keep running. SQLite's online backup API gives a consistent
 * snapshot of the database; the originals that snapshot's documents name are
 * then copied, which is safe while running because an original is immutable
 * and named by its hash. A missing original is a failure the caller reports,
 * but the rest of the backup is still written.
 */
export async function backupArchive(
  dataDir: string,
  target: string,
  options: { programVersion: string; progress?: BackupProgress },
): Promise<BackupResult> {
  const source = join(dataDir, DATABASE_FILE);
  if (!(await exists(source))) throw new BackupError(`no archive at ${dataDir} (no ${DATABASE_FILE})`);
  await ensureEmptyDir(target, "the backup directory");
  await mkdir(target, { recursive: true });

  const partial = join(target, `${DATABASE_FILE}.partial`);
  const db = new Database(source, { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    await db.backup(partial);
  } finally {
    db.close();
  }

  // The copy becomes one self-contained file (no -wal beside it); a restore turns WAL back on.
  const snapshot = new Database(partial);
  let documents: { id: string; sha256: string; filename: string }[];
  let pending: string[];
  let schemaVersions: Record<string, number>;
  try {
    snapshot.pragma("journal_mode = DELETE");
    documents = snapshot.prepare("SELECT id, sha256, filename FROM documents ORDER BY id").all() as typeof documents;
    // Jobs not yet done need their originals too, or they fail after a restore.
    pending = snapshot
      .prepare("SELECT DISTINCT sha256 FROM jobs WHERE status IN ('waiting', 'active')")
      .pluck()
      .all() as string[];
    schemaVersions = Object.fromEntries(
      (
        snapshot.prepare("SELECT component, version FROM schema_versions").all() as {
          component: string;
          version: number;
        }[]
      ).map((r) => [r.component, r.version]),
    );
  } finally {
    snapshot.close();
  }
  await rename(partial, join(target, DATABASE_FILE));
  const database = {
    sha256: await sha256File(join(target, DATABASE_FILE)),
    bytes: (await stat(join(target, DATABASE_FILE))).size,
  };

  const from = new FileOriginalStore(dataDir);
  const to = new FileOriginalStore(target);
  const wanted = new Map<string, { id: string; filename: string } | null>();
  for (const d of documents) wanted.set(d.sha256, { id: d.id, filename: d.filename });
  for (const sha of pending) if (!wanted.has(sha)) wanted.set(sha, null);
  options.progress?.start?.(wanted.size);

  const files: BackupManifest["files"] = [];
  const failures: BackupFailure[] = [];
  for (const [sha256, doc] of wanted) {
    const reason = await copyOriginal(from.path(sha256), to.path(sha256), sha256);
    options.progress?.copied?.(sha256);
    if (reason === null) files.push({ sha256, bytes: (await stat(to.path(sha256))).size });
    // A pending job's original may be gone for good reasons (the job is about to fail); only documents count.
    else if (doc) failures.push({ documentId: doc.id, filename: doc.filename, sha256, reason });
  }

  const manifest: BackupManifest = {
    format: 1,
    createdAt: new Date().toISOString(),
    programVersion: options.programVersion,
    schemaVersions,
    documents: documents.length,
    originals: files.length,
    bytes: database.bytes + files.reduce((sum, f) => sum + f.bytes, 0),
    database,
    files,
  };
  // Written last: a backup without its manifest is an unfinished one.
  await writeFile(join(target, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return { manifest, failures };
}

/** Copies one original and checks the copy's hash; the reason it could not, or null. */
async function copyOriginal(source: string, target: string, sha256: string): Promise<string | null> {
  if (!(await exists(source))) return "original missing from the archive";
  await mkdir(dirname(target), { recursive: true });
  await copyFile(source, target);
  if ((await sha256File(target)) !== sha256) {
    await rm(target, { force: true });
    return "original's bytes do not match its SHA-256 (damaged in the archive)";
  }
  return null;
}

/**
 * Restores a backup into `dataDir`, which must be empty or absent: a restore
 * never overwrites an archive. Everything is copied into a staging folder
 * beside `dataDir` and checked there (the manifest, the database's and every
 * original's SHA-256, SQLite's quick_check); only then is it renamed into
 * place, so a failed restore leaves nothing behind.
 */
export async function restoreArchive(
  backupDir: string,
  dataDir: string,
  options: { progress?: BackupProgress } = {},
): Promise<BackupManifest> {
  const manifest = await readManifest(backupDir);
  await ensureEmptyDir(dataDir, "the archive directory (ARCHIVE_DATA_DIR)");

  const staging = join(dirname(dataDir), `.${basename(dataDir)}.restore-${randomUUID()}`);
  try {
    await mkdir(staging, { recursive: true });
    await copyChecked(join(backupDir, DATABASE_FILE), join(staging, DATABASE_FILE), manifest.database, "the database");
    const check = new Database(join(staging, DATABASE_FILE), { fileMustExist: true });
    try {
      const result = check.pragma("quick_check", { simple: true });
      if (result !== "ok") throw new BackupError(`the backup's database is damaged: ${String(result)}`);
    } finally {
      check.close();
    }

    const from = new FileOriginalStore(backupDir);
    const to = new FileOriginalStore(staging);
    options.progress?.start?.(manifest.files.length);
    for (const file of manifest.files) {
      await mkdir(dirname(to.path(file.sha256)), { recursive: true });
      await copyChecked(from.path(file.sha256), to.path(file.sha256), file, `original ${file.sha256}`);
      options.progress?.copied?.(file.sha256);
    }

    // Checked again just before the move: nothing may have appeared there meanwhile.
    await ensureEmptyDir(dataDir, "the archive directory (ARCHIVE_DATA_DIR)");
    if (await exists(dataDir)) await rmdir(dataDir);
    await rename(staging, dataDir);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  return manifest;
}

async function readManifest(backupDir: string): Promise<BackupManifest> {
  let text: string;
  try {
    text = await readFile(join(backupDir, MANIFEST_FILE), "utf8");
  } catch {
    throw new BackupError(`not a finished backup: ${join(backupDir, MANIFEST_FILE)} is missing`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new BackupError(`${MANIFEST_FILE} is not valid JSON`);
  }
  const parsed = BackupManifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BackupError(`${MANIFEST_FILE} is not a backup manifest: ${issue?.path.join(".")} ${issue?.message}`);
  }
  if (parsed.data.files.length !== parsed.data.originals) {
    throw new BackupError(
      `${MANIFEST_FILE} lists ${parsed.data.files.length} originals but says ${parsed.data.originals}`,
    );
  }
  return parsed.data;
}

async function copyChecked(source: string, target: string, expected: z.infer<typeof fileEntry>, what: string) {
  if (!(await exists(source))) throw new BackupError(`the backup is incomplete: ${what} is missing`);
  await copyFile(source, target);
  const [sha256, { size }] = await Promise.all([sha256File(target), stat(target)]);
  if (sha256 !== expected.sha256 || size !== expected.bytes) {
    throw new BackupError(`the backup is damaged: ${what} does not match its SHA-256 in ${MANIFEST_FILE}`);
  }
}

async function ensureEmptyDir(dir: string, what: string): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return;
    if (code === "ENOTDIR") throw new BackupError(`${what} ${dir} is a file, not a directory`);
    throw error;
  }
  if (entries.length > 0) {
    throw new BackupError(`${what} ${dir} is not empty (${entries.length} entries); choose an empty or new one`);
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

function sha256File(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash("sha256");
    createReadStream(path)
      .on("data", (chunk) => hash.update(chunk))
      .on("error", reject)
      .on("end", () => resolve(hash.digest("hex")));
  });
}
