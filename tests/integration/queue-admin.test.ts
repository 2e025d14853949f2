import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPdf, PROTOCOL_LINES } from "../helpers/files.ts";
import { openTestArchive, type TestArchive } from "../helpers/runtime.ts";

/** The admins' queue view on the embedded (in-process) queue; tests/redis checks the same on BullMQ. */
let archive: TestArchive;
const TOKEN = "admin-token-of-some-length";
const auth = { Authorization: `Bearer ${TOKEN}` };

beforeAll(async () => {
  archive = await openTestArchive({ ARCHIVE_API_TOKEN: TOKEN });
});

afterAll(async () => {
  await archive.close();
});

async function uploadAndWait(bytes: Buffer, name: string) {
  const res = await request(archive.app).post("/api/documents").set(auth).attach("file", bytes, name);
  expect(res.status).toBe(202);
  const jobId = res.body.items[0].jobId as string;
  return archive.runtime.queue.waitFor(jobId);
}

describe("GET /api/queue and POST /api/queue/jobs/:id/retry on the in-process queue", () => {
  it("needs the token, like every write", async () => {
    expect((await request(archive.app).get("/api/queue")).status).toBe(401);
    expect((await request(archive.app).post("/api/queue/jobs/x/retry")).status).toBe(401);
    expect(
      (await request(archive.app).get("/api/queue").set({ Authorization: "Bearer wrong-token-of-length" })).status,
    ).toBe(403);
  });

  it("counts jobs by state, lists failures with file, reason and code, and retries a failed one", async () => {
    const good = await uploadAndWait(await buildPdf([PROTOCOL_LINES]), "protokoll.pdf");
    const broken = Buffer.from("%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R >>\nendobj\ngarbage\n%%EOF\n");
    const bad = await uploadAndWait(broken, "trasig.pdf");
    expect(good.status).toBe("completed");
    expect(bad.status).toBe("failed");

    const overview = await request(archive.app).get("/api/queue").set(auth);
    expect(overview.status).toBe(200);
    expect(overview.body.counts).toEqual({ waiting: 0, active: 0, completed: 1, failed: 1, retrying: 0 });
    expect(overview.body.failed).toEqual([
      {
        id: bad.id,
        file: "trasig.pdf",
        error: bad.error,
        errorCode: "damaged",
        failedAt: expect.any(String),
        attempts: 1,
      },
    ]);
    expect((await request(archive.app).get("/api/queue?limit=0").set(auth)).body.failed).toEqual([]);
    expect((await request(archive.app).get("/api/queue?limit=-1").set(auth)).status).toBe(400);

    const retried = await request(archive.app).post(`/api/queue/jobs/${bad.id}/retry`).set(auth);
    expect(retried.status).toBe(202);
    expect(retried.body).toMatchObject({ id: bad.id, file: "trasig.pdf" });
    expect(await archive.runtime.queue.waitFor(bad.id)).toMatchObject({ status: "failed", errorCode: "damaged" });

    const notFailed = await request(archive.app).post(`/api/queue/jobs/${good.id}/retry`).set(auth);
    expect(notFailed.status).toBe(409);
    expect(notFailed.body.error.code).toBe("not_failed");
    expect((await request(archive.app).post("/api/queue/jobs/ingest-nope/retry").set(auth)).status).toBe(404);
  });
});
