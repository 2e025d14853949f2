import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { type BackupProgress, backupArchive, restoreArchive } from "../archive/backup.ts";
import type { Config } from "../config.ts";
import { ProgressBar } from "./progress.ts";

/** `archive backup PATH`: an online backup of the archive. Returns the exit code. */
export async function runBackup(config: Config, target: string): Promise<number> {
  const started = Date.now();
  const { progress, finish } = progressBar();
  const { manifest, failures } = await backupArchive(config.dataDir, resolve(target), {
    programVersion: programVersion(),
    progress,
  });
  finish();
  process.stdout.write(
    `backed up ${manifest.documents} documents and ${manifest.originals} originals (${megabytes(manifest.bytes)}) to ${target} in ${seconds(started)}\n`,
  );
  for (const f of failures) {
    process.stdout.write(`failed: ${f.documentId} ${f.filename}: ${f.reason} (${f.sha256})\n`);
  }
  return failures.length > 0 ? 1 : 0;
}

/** `archive restore PATH`: a backup into an empty ARCHIVE_DATA_DIR. Returns the exit code. */
export async function runRestore(config: Config, source: string): Promise<number> {
  const started = Date.now();
  const { progress, finish } = progressBar();
  const manifest = await restoreArchive(resolve(source), config.dataDir, { progress });
  finish();
  process.stdout.write(
    `restored ${manifest.documents} documents and ${manifest.originals} originals (${megabytes(manifest.bytes)}, backed up ${manifest.createdAt}) into ${config.dataDir} in ${seconds(started)}\n`,
  );
  if (config.meiliUrl) {
    // The embedded index travels inside the database; Meilisearch's does not.
    process.stdout.write("MEILI_URL is set: run `npm run --silent archive -- reindex` to fill Meilisearch\n");
  }
  return 0;
}

function progressBar(): { progress: BackupProgress; finish(): void } {
  let bar: ProgressBar | null = null;
  return {
    progress: {
      start: (total) => {
        bar = new ProgressBar(total);
      },
      copied: (sha256) => bar?.tick(sha256.slice(0, 12)),
    },
    finish: () => bar?.finish(),
  };
}

function programVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version?: string };
  return pkg.version ?? "unknown";
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function seconds(started: number): string {
  return `${((Date.now() - started) / 1000).toFixed(1)} s`;
}
