import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTextExtractor, ExtractionPool, pdftotextAvailable } from "../../indexer/extract/index.ts";
import { extractRecord } from "../../indexer/pipeline.ts";
import { agreement, FIELDS, type Field, scoreRecord } from "../../tools/eval/score.ts";
import { generateCorpus, type Truth } from "../../tools/generate/index.ts";
import { openTestArchive, type TestArchive } from "../helpers/runtime.ts";

let dir: string;
let files: { path: string; truth: Truth }[];
let archive: TestArchive;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "archive-generated-"));
  const generated = await generateCorpus({ seed: 7, count: 40, outDir: dir });
  files = await Promise.all(
    generated.files.map(async (f) => ({
      path: f.path,
      truth: JSON.parse(await readFile(f.truthPath, "utf8")) as Truth,
    })),
  );
  archive = await openTestArchive();
});

afterAll(async () => {
  await archive?.close();
  await rm(dir, { recursive: true, force: true });
});

/**
 * Floors per field, strict per document (one wrong speaker fails the whole
 * list). The understanding stage scores 1.0 on this corpus today; a floor of
 * 0.95 lets one record in forty differ before the suite calls it a regression.
 */
const FLOORS = Object.fromEntries(FIELDS.map((f) => [f, 0.95])) as Record<Field, number>;

describe("generated PDF, DOCX and text records against their ground truth", () => {
  it("covers every format and record type", () => {
    const formats = new Set(files.map((f) => f.truth.format));
    const types = new Set(files.map((f) => f.truth.type));
    expect([...formats].sort()).toEqual(["docx", "pdf", "txt"]);
    expect(types.size).toBeGreaterThanOrEqual(4);
  });

  // Both PDF adapters must feed the understanding stage the same way; npm test installs poppler.
  it.each(["pdf-parse", "pdftotext"] as const)(
    "understands each field at least as well as the floor, PDFs read by %s",
    async (engine) => {
      expect(pdftotextAvailable(), "poppler-utils (pdftotext) must be installed: npm test installs it").toBe(true);
      const pool = new ExtractionPool({ size: 2, timeoutMs: 60_000, maxMemoryMb: 1024 });
      const extractor = createTextExtractor(pool, { pdfEngine: engine });
      const scores = [];
      try {
        for (const f of files) {
          const { record } = await extractRecord(extractor, await readFile(f.path), basename(f.path));
          scores.push(scoreRecord(record, f.truth));
        }
      } finally {
        await pool.close();
      }
      const result = agreement(scores);
      console.info(`field agreement on generated records (${engine}):`, JSON.stringify(result));
      for (const [field, floor] of Object.entries(FLOORS)) {
        expect(result[field as Field], field).toBeGreaterThanOrEqual(floor);
      }
    },
  );

  it("ingests them all, finds each by its diarienummer, and links bilagor to their records", async () => {
    const ids = new Map<string, string>();
    for (const f of files) {
      const res = await request(archive.app)
        .post("/api/documents")
        .attach("file", await readFile(f.path), basename(f.path));
      expect(res.status, f.truth.file).toBe(202);
      const state = await archive.runtime.queue.waitFor(res.body.items[0].jobId);
      expect(state.status, `${f.truth.file}: ${state.error}`).toBe("completed");
      ids.set(f.truth.file, state.documentId as string);
    }
    for (const f of files) {
      for (const dnr of f.truth.diarienummer) {
        const res = await request(archive.app).get("/api/cases").query({ dnr });
        expect(
          res.body.documents.map((d: { id: string }) => d.id),
          `${f.truth.file} ${dnr}`,
        ).toContain(ids.get(f.truth.file));
      }
    }
    let expected = 0;
    let found = 0;
    for (const f of files) {
      const doc = await request(archive.app).get(`/api/documents/${ids.get(f.truth.file)}`);
      for (const link of f.truth.links) {
        expected++;
        const target = ids.get(link.file);
        if (
          doc.body.links.some((l: { rel: string; documentId: string }) => l.rel === link.rel && l.documentId === target)
        )
          found++;
      }
    }
    console.info(`links found: ${found}/${expected}`);
    expect(expected).toBeGreaterThan(10);
    expect(found / expected).toBeGreaterThanOrEqual(0.95);
  });
});
