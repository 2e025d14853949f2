/**
 * The search behaviour suite on a real Meilisearch server, where MEILI_URL
 * names one (with MEILI_MASTER_KEY if it has a key). Each run gets indexes of
 * its own and deletes them after. Without MEILI_URL every test here is
 * reported as skipped, never as passed.
 */
import { randomBytes } from "node:crypto";
import { Meilisearch } from "meilisearch";
import { describe, expect, it } from "vitest";
import { MAX_PART_WORDS } from "../../indexer/search/meili-documents.ts";
import { MeiliSearchIndex } from "../../indexer/search/meili-index.ts";
import { describeSearchBehaviour } from "../search/behaviour.ts";
import { buildDocument, CORPUS } from "../search/corpus.ts";

const host = process.env.MEILI_URL;
const apiKey = process.env.MEILI_MASTER_KEY;
if (!host) {
  console.log("Meilisearch suite skipped: MEILI_URL not set; no Meilisearch server can be installed on this machine");
}

const freshUid = () => `archive_test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;

async function openFresh(options: { maxRanked?: number } = {}) {
  const uid = freshUid();
  const index = await MeiliSearchIndex.open({ host: host as string, apiKey, indexUid: uid, ...options });
  return {
    index,
    async close() {
      await new Meilisearch({ host: host as string, apiKey }).deleteIndexIfExists(uid);
    },
  };
}

const query = (q: string) => ({ q, limit: 20, offset: 0 });

describe.skipIf(!host)("Meilisearch", () => {
  describeSearchBehaviour("Meilisearch", () => openFresh());

  describe("Meilisearch beyond the shared behaviour", () => {
    it("indexes many documents in batches, and rebuilds into a fresh index it swaps in", async () => {
      const { index, close } = await openFresh();
      try {
        const sent: string[] = [];
        const done = await index.indexMany(CORPUS, { onSent: (id) => sent.push(id) });
        expect(done).toEqual(CORPUS.map((d) => d.id));
        expect(sent).toEqual(done);
        expect((await index.search(query("klotter"))).hits.map((h) => h.documentId)).toEqual(["trygghet2020"]);

        const kept = CORPUS.filter((d) => d.id !== "trygghet2020");
        await index.rebuild(kept, () => {});
        expect((await index.search(query("klotter"))).hits).toEqual([]);
        expect((await index.search(query("upphandling"))).hits.map((h) => h.documentId)).toEqual(["upphandling2023"]);
        expect(await index.chunkCount()).toBeGreaterThan(0);
      } finally {
        await close();
      }
    });

    it("finds a speaker indexed after the list of names was read", async () => {
      const { index, close } = await openFresh();
      try {
        const doc = (id: string, name: string) =>
          buildDocument({
            id,
            paragraphs: [
              { number: 1, title: "Motion", text: "Yrkande.", speakers: [{ name, party: "S", role: null }] },
            ],
          });
        await index.index(doc("first", "Anna Åberg"));
        expect((await index.search(query("talare:aberg"))).hits.map((h) => h.documentId)).toEqual(["first"]);
        await index.index(doc("second", "Bo Öst"));
        expect((await index.search(query('talare:"bo ost"'))).hits.map((h) => h.documentId)).toEqual(["second"]);
      } finally {
        await close();
      }
    });

    it("finds a word at the end of a chunk longer than Meilisearch indexes in one attribute", async () => {
      const { index, close } = await openFresh();
      try {
        const words = Array.from({ length: MAX_PART_WORDS * 5 }, (_, i) => `ord${i % 1000}`);
        words.push("slutklämmen");
        await index.index(buildDocument({ id: "lang", pages: [words.join(" ")] }));
        const result = await index.search(query("slutklämmen"));
        expect(result.hits.map((h) => [h.documentId, h.page, h.matches])).toEqual([["lang", 1, 1]]);
        expect(result.hits[0]?.snippet).toContain("<mark>slutklämmen</mark>");
      } finally {
        await close();
      }
    });

    it("says when a common word matched more than it ranks", async () => {
      const { index, close } = await openFresh({ maxRanked: 3 });
      try {
        const docs = Array.from({ length: 6 }, (_, i) =>
          buildDocument({
            id: `d${i}`,
            date: `2020-01-0${i + 1}`,
            paragraphs: [{ number: 1, title: "Övriga frågor", text: "Nämnden beslutar om snöröjning." }],
          }),
        );
        await index.indexMany(docs);
        const result = await index.search(query("snöröjning"));
        expect(result.complete).toBe(false);
        expect(result.total).toBeLessThanOrEqual(4);
      } finally {
        await close();
      }
    });
  });
});
