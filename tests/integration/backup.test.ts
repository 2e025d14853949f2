/**
 * `archive backup` and `archive restore`: a backup taken while the archive is
 * open elsewhere restores to the same documents, the same originals byte for
 * byte and the same search results; neither command ever overwrites.
 */
import { createHash } from "node:crypto";
import { chmod, cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import pino from "pino";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FileOriginalStore } from "../../indexer/archive/originals.ts";
import { loadConfig } from "../../indexer/config.ts";
import { openRuntime, type Runtime } from "../../indexer/runtime.ts";
import { generateCorpus } from "../../tools/generate/index.ts";
import { runCli } from "../helpers/cli.ts";
import { openTestArchive, type TestArchive } from "../helpers/runtime.ts";

// The embedded index and the in-process queue, whatever the machine's environment says.
const ENGINES = { MEILI_URL: "", REDIS_URL: "" };

let dir: string;
let archive: TestArchive;
let restored: Runtime | null = null;
const ids: string[] = [];

function sha256(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}

async function searchIds(runtime: Runtime, q: string): Promise<string[]> {
  const result = await runtime.search.search({ q, limit: 50, offset: 0 });
  return result.hits.map((h) => `${h.documentId}§${h.paragraph}`);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "archive-backup-"));
  const generated = await generateCorpus({ seed: 31, count: 10, outDir: join(dir, "in") });
  archive = await openTestArchive(ENGINES);
  for (const f of generated.files) {
    const res = await request(archive.app)
      .post("/api/documents")
      .attach("file", await readFile(f.path), basename(f.path));
    expect(res.status).toBe(202);
    const state = await archive.runtime.queue.waitFor(res.body.items[0].jobId);
    expect(state.status, `${f.path}: ${state.error}`).toBe("completed");
    ids.push(state.documentId as string);
  }
});

afterAll(async () => {
  await restored?.close();
  await archive?.close();
  await rm(dir, { recursive: true, force: true });
});

describe("archive backup and restore", () => {
  it("backs up a running archive and restores the same documents, originals and search results", async () => {
    // The test's runtime keeps its connection open throughout, as a running server would, with
    // committed pages still in its WAL that a plain file copy of archive.sqlite would miss.
    expect((await stat(join(archive.dir, "archive.sqlite-wal"))).size).toBeGreaterThan(0);
    const backup = await runCli(["backup", join(dir, "backup")], { ARCHIVE_DATA_DIR: archive.dir, ...ENGINES });
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(
      /^backed up 10 documents and 10 originals \(\d+\.\d MB\) to .*backup in \d+\.\d s\n$/,
    );
    const manifest = JSON.parse(await readFile(join(dir, "backup", "backup.json"), "utf8"));
    expect(manifest).toMatchObject({
      format: 1,
      documents: 10,
      originals: 10,
      programVersion: expect.any(String),
      schemaVersions: { archive: expect.any(Number), search: expect.any(Number) },
    });
    expect(Date.parse(manifest.createdAt)).not.toBeNaN();

    const data = join(dir, "restored");
    const restore = await runCli(["restore", join(dir, "backup")], { ARCHIVE_DATA_DIR: data, ...ENGINES });
    expect(restore.code, restore.stderr).toBe(0);
    expect(restore.stdout).toContain("restored 10 documents and 10 originals");

    restored = await openRuntime(loadConfig({ ARCHIVE_DATA_DIR: data, ...ENGINES }), {
      logger: pino({ level: "silent" }),
    });
    const original = archive.runtime;
    expect(restored.archive.list(100, 0)).toEqual(original.archive.list(100, 0));
    expect([...restored.archive.allIds()].sort()).toEqual([...ids].sort());

    const store = new FileOriginalStore(data);
    for (const id of ids) {
      const doc = original.archive.get(id);
      expect(doc).not.toBeNull();
      // Everything `extract` and the API show of the document: record, pages, links.
      expect(restored.archive.get(id)).toEqual(doc);
      expect(restored.archive.links(id)).toEqual(original.archive.links(id));
      const bytes = await readFile(store.path(doc?.sha256 as string));
      expect(sha256(bytes)).toBe(doc?.sha256);
      expect(bytes.equals(await readFile(original.originals.path(doc?.sha256 as string)))).toBe(true);
    }

    const first = original.archive.get(ids[0] as string);
    const queries = ["beslut", "kommunstyrelsen", "budget OR detaljplan", "protokoll"];
    const dnr = first?.record.diarienummer[0];
    if (dnr) queries.push(`dnr:${dnr}`);
    let hits = 0;
    for (const q of queries) {
      const expected = await searchIds(original, q);
      hits += expected.length;
      expect(await searchIds(restored, q), q).toEqual(expected);
    }
    expect(hits).toBeGreaterThan(0);
  });

  it("refuses to back up into a directory that is not empty", async () => {
    const target = join(dir, "full");
    await mkdir(target);
    await writeFile(join(target, "notes.txt"), "keep me");
    const r = await runCli(["backup", target], { ARCHIVE_DATA_DIR: archive.dir, ...ENGINES });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/not empty/);
    expect(await readdir(target)).toEqual(["notes.txt"]);
  });

  it("refuses to restore over an archive and leaves it untouched", async () => {
    const data = join(dir, "occupied");
    await mkdir(data);
    await writeFile(join(data, "archive.sqlite"), "an archive that must survive");
    const r = await runCli(["restore", join(dir, "backup")], { ARCHIVE_DATA_DIR: data, ...ENGINES });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/ARCHIVE_DATA_DIR.*not empty/);
    expect(await readdir(data)).toEqual(["archive.sqlite"]);
    expect(await readFile(join(data, "archive.sqlite"), "utf8")).toBe("an archive that must survive");
  });

  it("refuses a backup with a tampered original and leaves no archive behind", async () => {
    const copy = join(dir, "tampered");
    await cp(join(dir, "backup"), copy, { recursive: true });
    const manifest = JSON.parse(await readFile(join(copy, "backup.json"), "utf8"));
    const victim = manifest.files[3].sha256 as string;
    const path = new FileOriginalStore(copy).path(victim);
    await chmod(path, 0o644);
    await writeFile(path, "not the original");
    const data = join(dir, "from-tampered");
    const r = await runCli(["restore", copy], { ARCHIVE_DATA_DIR: data, ...ENGINES });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(`original ${victim} does not match its SHA-256`);
    expect((await readdir(dir)).filter((n) => n.includes("from-tampered"))).toEqual([]);
  });

  it("reports a document whose original is missing, and still writes the rest", async () => {
    const data = join(dir, "broken");
    await cp(archive.dir, data, { recursive: true });
    const doc = archive.runtime.archive.get(ids[0] as string);
    await rm(new FileOriginalStore(data).path(doc?.sha256 as string));
    const r = await runCli(["backup", join(dir, "partial")], { ARCHIVE_DATA_DIR: data, ...ENGINES });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("backed up 10 documents and 9 originals");
    expect(r.stdout).toContain(`failed: ${doc?.id} ${doc?.filename}: original missing from the archive`);
    const manifest = JSON.parse(await readFile(join(dir, "partial", "backup.json"), "utf8"));
    expect(manifest.originals).toBe(9);
  });
});
