/**
 * Two processes on one archive without Redis: the server and an `archive
 * ingest` beside it. A job the other process holds settles there, and this
 * one must see it through the job store rather than wait for an event that
 * never comes (the CLI would end without reporting the file).
 */

import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../indexer/archive/database.ts";
import { jobIdFor } from "../../indexer/queue/queue.ts";
import { SqliteJobStore } from "../../indexer/queue/sqlite-job-store.ts";
import { openTestArchive, type TestArchive } from "../helpers/runtime.ts";

let archive: TestArchive | null = null;
afterEach(async () => {
  await archive?.close();
  archive = null;
});

describe("a job another process holds", () => {
  it("is waited for until that process settles it in the job store", async () => {
    archive = await openTestArchive();
    // The other process: its own connection, its own job, run by nobody here.
    const other = openDatabase(join(archive.dir, "archive.sqlite"));
    try {
      const sha256 = "ab".repeat(32);
      const id = jobIdFor(sha256);
      const store = new SqliteJobStore(other);
      store.put(id, "protokoll.pdf", sha256);
      store.update(id, "active");

      let settled: unknown = null;
      const waiting = archive.runtime.queue.waitFor(id).then((state) => {
        settled = state;
        return state;
      });
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(settled).toBeNull();

      store.update(id, "completed", { documentId: sha256.slice(0, 16) });
      const state = await waiting;
      expect(state).toMatchObject({ id, status: "completed", documentId: sha256.slice(0, 16) });
    } finally {
      other.close();
    }
  });
});
