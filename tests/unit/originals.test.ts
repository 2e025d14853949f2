import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { FileOriginalStore } from "../../indexer/archive/originals.ts";
import { sha256Of } from "../../indexer/pipeline.ts";

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("FileOriginalStore.sweepTemporary", () => {
  it("removes half-written files a crash left, but not a fresh one another process may be writing", async () => {
    dir = mkdtempSync(join(tmpdir(), "originals-"));
    const store = new FileOriginalStore(dir);
    const bytes = Buffer.from("Protokoll\n");
    const sha = sha256Of(bytes);
    await store.put(sha, bytes);
    const folder = join(dir, "originals", sha.slice(0, 2));
    const stale = join(folder, `${sha}.0000-stale.tmp`);
    const fresh = join(folder, `${sha}.1111-fresh.tmp`);
    writeFileSync(stale, "half");
    writeFileSync(fresh, "half");
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    utimesSync(stale, twoHoursAgo, twoHoursAgo);

    expect(await store.sweepTemporary()).toBe(1);
    expect(readdirSync(folder).sort()).toEqual([sha, `${sha}.1111-fresh.tmp`].sort());
    expect(await store.has(sha)).toBe(true);
  });

  it("is a no-op on an archive without originals yet", async () => {
    dir = mkdtempSync(join(tmpdir(), "originals-"));
    expect(await new FileOriginalStore(dir).sweepTemporary()).toBe(0);
  });
});
