import { randomUUID } from "node:crypto";
import { access, mkdir, readdir, rename, stat, unlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { OriginalStore } from "./archive.ts";

/**
 * Originals under `<dataDir>/originals/ab/<sha256>`. Written to a temporary
 * name and renamed, so a crash never leaves half a file under a real name.
 */
export class FileOriginalStore implements OriginalStore {
  private readonly root: string;

  constructor(dataDir: string) {
    this.root = join(dataDir, "originals");
  }

  path(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`not a sha256: ${sha256}`);
    return join(this.root, sha256.slice(0, 2), sha256);
  }

  async has(sha256: string): Promise<boolean> {
    try {
      await access(this.path(sha256));
      return true;
    } catch {
      return false;
    }
  }

  async put(sha256: string, bytes: Uint8Array): Promise<void> {
    if (await this.has(sha256)) return;
    const target = this.path(sha256);
    await mkdir(join(this.root, sha256.slice(0, 2)), { recursive: true });
    const temporary = `${target}.${randomUUID()}.tmp`;
    await writeFile(temporary, bytes, { flag: "wx", mode: 0o444 });
    await rename(temporary, target);
  }

  /**
   * Removes temporary files a killed process left half-written. Only those
   * older than `olderThanMs`: another process (a worker, the CLI) may be
   * writing one right now. Returns how many were removed.
   */
  async sweepTemporary(olderThanMs = 3600_000): Promise<number> {
    let removed = 0;
    const folders = await readdir(this.root).catch(() => [] as string[]);
    for (const folder of folders) {
      if (!/^[0-9a-f]{2}$/.test(folder)) continue;
      for (const name of await readdir(join(this.root, folder)).catch(() => [] as string[])) {
        if (!name.endsWith(".tmp")) continue;
        const path = join(this.root, folder, name);
        const info = await stat(path).catch(() => null);
        if (
          info &&
          Date.now() - info.mtimeMs > olderThanMs &&
          (await unlink(path).then(
            () => true,
            () => false,
          ))
        ) {
          removed++;
        }
      }
    }
    return removed;
  }
}
