import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestArchive, type TestArchive } from "../helpers/runtime.ts";

let archive: TestArchive;

beforeAll(async () => {
  archive = await openTestArchive();
});

afterAll(async () => {
  await archive.close();
});

describe("GET /api/jobs/:id for the upload view", () => {
  it("names the rejection code of a file refused while it was read, beside the message", async () => {
    // Passes the cheap checks at upload (PDF header and end marker) but has nothing a reader can parse.
    const broken = Buffer.from("%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R >>\nendobj\ngarbage\n%%EOF\n");
    const res = await request(archive.app).post("/api/documents").attach("file", broken, "trasig.pdf");
    expect(res.status).toBe(202);
    const jobId = res.body.items[0].jobId;
    await archive.runtime.queue.waitFor(jobId);
    const job = await request(archive.app).get(`/api/jobs/${jobId}`);
    expect(job.status).toBe(200);
    expect(job.body).toMatchObject({ id: jobId, status: "failed", file: "trasig.pdf", errorCode: "damaged" });
    expect(job.body.error).toMatch(/damaged|could not be read/);
    expect(job.body.documentId).toBeUndefined();
  });
});
