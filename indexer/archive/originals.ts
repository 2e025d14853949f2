import { randomUUID } from "node:crypto";
import { access, mkdir, rename, writeFile } from "node:fs/promises";
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
}
