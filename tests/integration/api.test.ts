import { readdir } from "node:fs/promises";
import { join } from "node:path";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDocx, buildPdf, cp1252, PROTOCOL_LINES } from "../helpers/files.ts";
import { openTestArchive, type TestArchive } from "../helpers/runtime.ts";

let archive: TestArchive;
let pdf: Buffer;
let pdfId: string;

async function upload(file: Buffer, name: string) {
  return request(archive.app).post("/api/documents").attach("file", file, name);
}

async function uploadAndWait(file: Buffer, name: string): Promise<string> {
  const res = await upload(file, name);
  expect(res.status).toBe(202);
  const item = res.body.items[0];
  if (item.status === "exists") return item.id;
  const state = await archive.runtime.queue.waitFor(item.jobId);
  expect(state.error).toBeNull();
  expect(state.status).toBe("completed");
  return state.documentId as string;
}

async function snapshot() {
  const docs = await request(archive.app).get("/api/documents?limit=200");
  const hits = await request(archive.app).get("/api/search?q=klotterrelaterad");
  const originals = await readdir(join(archive.dir, "originals"), { recursive: true });
  return { docs: docs.body, hits: hits.body, originals: originals.sort() };
}

beforeAll(async () => {
  archive = await openTestArchive();
  pdf = await buildPdf([PROTOCOL_LINES.slice(0, 8), PROTOCOL_LINES.slice(8)]);
  pdfId = await uploadAndWait(pdf, "protokoll-ks-2020-02-20.pdf");
});

afterAll(async () => {
  await archive.close();
});

describe("HTTP API over a real archive", () => {
  it("answers health", async () => {
    const res = await request(archive.app).get("/api/health");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: "ok" });
  });

  it("names the document's words a search matched, for the document view to mark", async () => {
    const res = await request(archive.app).get(`/api/documents/${pdfId}/highlights`).query({ q: "klotter" });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ q: "klotter", words: ["klotterrelaterad"] });
    expect((await request(archive.app).get(`/api/documents/${pdfId}/highlights`)).status).toBe(400);
    expect((await request(archive.app).get("/api/documents/nope/highlights").query({ q: "x" })).status).toBe(404);
  });

  it("finds an uploaded PDF by a word of its text, with a marked snippet naming the §", async () => {
    const res = await request(archive.app).get("/api/search").query({ q: "skadegörelse" });
    expect(res.status).toBe(200);
    expect(res.body.total).toBeGreaterThanOrEqual(1);
    const hit = res.body.hits.find((h: { paragraph: number | null }) => h.paragraph === 8);
    expect(hit).toMatchObject({
      documentId: pdfId,
      type: "protokoll",
      date: "2020-02-20",
      diarienummer: ["KS-2020/42.142"],
    });
    expect(hit.snippet).toContain("<mark>skadegörelse</mark>");
    expect(res.body.facets.type).toEqual({ protokoll: 1 });
  });

  it("lists documents and shows one with its metadata, paragraphs and links", async () => {
    const list = await request(archive.app).get("/api/documents");
    expect(list.body.total).toBe(1);
    expect(list.body.documents[0]).toMatchObject({
      id: pdfId,
      filename: "protokoll-ks-2020-02-20.pdf",
      type: "protokoll",
    });

    const doc = await request(archive.app).get(`/api/documents/${pdfId}`);
    expect(doc.status).toBe(200);
    expect(doc.body).toMatchObject({ id: pdfId, type: "protokoll", meetingDate: "2020-02-20", pages: 2 });
    expect(doc.body.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(doc.body.paragraphs.map((p: { number: number }) => p.number)).toEqual([8, 9]);
    expect(doc.body.diarienummer).toEqual(["KS-2020/42.142", "KS-2020/87.141"]);
    expect(Array.isArray(doc.body.links)).toBe(true);
  });

  it("downloads the original byte for byte with its content type", async () => {
    const res = await request(archive.app)
      .get(`/api/documents/${pdfId}/file`)
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on("data", (c: Buffer) => chunks.push(c));
        r.on("end", () => done(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(Buffer.compare(res.body as Buffer, pdf)).toBe(0);
  });

  it("gives the same id and no second copy when the same bytes come again", async () => {
    const before = await readdir(join(archive.dir, "originals"), { recursive: true });
    const res = await upload(pdf, "another-name.pdf");
    expect(res.status).toBe(202);
    expect(res.body.items[0]).toMatchObject({ status: "exists", id: pdfId });
    expect(await readdir(join(archive.dir, "originals"), { recursive: true })).toEqual(before);
  });

  it("finds a case by any written variant of its diarienummer", async () => {
    for (const dnr of ["KS-2020/42.142", "ks 2020/42", "KS/2020:0042", "Dnr KS 2020/42"]) {
      const res = await request(archive.app).get("/api/cases").query({ dnr });
      expect(res.status, dnr).toBe(200);
      expect(res.body.documents, dnr).toEqual([
        {
          id: pdfId,
          type: "protokoll",
          title: expect.any(String),
          body: expect.any(String),
          date: "2020-02-20",
          paragraph: 8,
        },
      ]);
    }
    const none = await request(archive.app).get("/api/cases").query({ dnr: "KS-2019/1" });
    expect(none.body.documents).toEqual([]);
  });

  it("takes a number written without a prefix as a case, the way records print some", async () => {
    const res = await request(archive.app).get("/api/cases").query({ dnr: "2015/271" });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ diarienummer: "2015/271", documents: [] });
    const notANumber = await request(archive.app).get("/api/cases").query({ dnr: "budget" });
    expect(notANumber.status).toBe(400);
  });

  it("finds the paragraph of a case when the query is a diarienummer, in any spelling", async () => {
    for (const q of ["KS-2020/42.142", "ks 2020/42", "Dnr KS 2020/42"]) {
      const res = await request(archive.app).get("/api/search").query({ q });
      expect(res.status, q).toBe(200);
      expect(
        res.body.hits.map((h: { paragraph: number | null }) => h.paragraph),
        q,
      ).toContain(8);
      expect(
        res.body.hits.every((h: { diarienummer: string[] }) => h.diarienummer.includes("KS-2020/42.142")),
        q,
      ).toBe(true);
    }
    const filtered = await request(archive.app)
      .get("/api/search")
      .query({ q: "budgetuppföljningen", dnr: "ks 2020/87" });
    expect(filtered.body.hits.map((h: { paragraph: number | null }) => h.paragraph)).toEqual([9]);
  });

  it("ingests DOCX and Windows-1252 text records", async () => {
    const docxId = await uploadAndWait(
      await buildDocx(["Tjänsteutlåtande", "Diarienummer KS-2021/5", "Förslag om läsårstider för förskoleklass"]),
      "tju.docx",
    );
    const txtId = await uploadAndWait(
      cp1252("Kallelse\nKommunstyrelsen\nÄrende om gång- och cykelväg i Älvsjö\n"),
      "kallelse.txt",
    );
    const docx = await request(archive.app).get("/api/search").query({ q: "läsårstider" });
    expect(docx.body.hits.map((h: { documentId: string }) => h.documentId)).toEqual([docxId]);
    const txt = await request(archive.app).get("/api/search").query({ q: "Älvsjö" });
    expect(txt.body.hits.map((h: { documentId: string }) => h.documentId)).toEqual([txtId]);
  });

  it("escapes document text in snippets: markup in a record shows as text", async () => {
    await uploadAndWait(
      Buffer.from('Protokoll\nVandalism <script>alert(1)</script> och <img src=x onerror="alert(2)"> i parken\n'),
      "xss.txt",
    );
    const res = await request(archive.app).get("/api/search").query({ q: "vandalism" });
    const snippet: string = res.body.hits[0].snippet;
    expect(snippet).toContain("&lt;script&gt;");
    expect(snippet).not.toMatch(/<(?!\/?mark>)/);
  });
});

describe("bad input is refused with a reason and changes nothing", () => {
  const cases: [string, () => Promise<Buffer>, string, number][] = [
    ["an empty file", async () => Buffer.alloc(0), "empty.pdf", 422],
    [
      "an HTML page named .pdf",
      async () => Buffer.from("<!doctype html><title>Inte hittad</title>"),
      "protokoll.pdf",
      422,
    ],
    ["a truncated PDF", async () => (await buildPdf([PROTOCOL_LINES])).subarray(0, 400), "halv.pdf", 422],
    ["an encrypted PDF", async () => buildPdf([PROTOCOL_LINES], { userPassword: "x" }), "hemlig.pdf", 422],
    ["a damaged DOCX", async () => (await buildDocx(PROTOCOL_LINES)).subarray(0, 500), "trasig.docx", 422],
    ["a program named .docx", async () => Buffer.concat([Buffer.from("MZ"), Buffer.alloc(100)]), "beslut.docx", 422],
  ];

  for (const [what, make, name, status] of cases) {
    it(`refuses ${what}`, async () => {
      const before = await snapshot();
      const res = await upload(await make(), name);
      expect(res.status).toBe(status);
      expect(res.body.error.code).toMatch(/^[a-z_]+$/);
      expect(res.body.error.message).not.toMatch(/\n|at .*\.ts:\d+/);
      expect(res.body.items[0]).toMatchObject({ file: name, status: "failed" });
      expect(await snapshot()).toEqual(before);
    });
  }

  it("refuses a file over the size limit with 413", async () => {
    const small = await openTestArchive({ ARCHIVE_MAX_UPLOAD_MB: "0.01" });
    try {
      const res = await request(small.app).post("/api/documents").attach("file", Buffer.alloc(20_000, 65), "stor.txt");
      expect(res.status).toBe(413);
      expect(res.body.error.code).toBe("too_large");
    } finally {
      await small.close();
    }
  });

  it("accepts the good files of a batch and reports the bad one", async () => {
    const good = await buildPdf([["Protokoll", "Miljönämnden", "§ 3 Tillsyn av förorenad mark"]]);
    const res = await request(archive.app)
      .post("/api/documents")
      .attach("file", good, "bra.pdf")
      .attach("file", Buffer.from("<html></html>"), "dålig.pdf");
    expect(res.status).toBe(202);
    expect(res.body.items.map((i: { status: string }) => i.status)).toEqual(["waiting", "failed"]);
    expect(res.body.items[1].file).toBe("dålig.pdf");
    const state = await archive.runtime.queue.waitFor(res.body.items[0].jobId);
    expect(state.status).toBe("completed");
    const job = await request(archive.app).get(`/api/jobs/${res.body.items[0].jobId}`);
    expect(job.body).toMatchObject({ status: "completed", documentId: res.body.items[0].id });
  });

  it("answers unknown ids and routes with 404 JSON", async () => {
    for (const path of ["/api/documents/nope", "/api/documents/nope/file", "/api/jobs/nope", "/api/nothing"]) {
      const res = await request(archive.app).get(path);
      expect(res.status, path).toBe(404);
      expect(res.body.error.code, path).toBe("not_found");
    }
  });

  it("answers invalid parameters with 400 JSON", async () => {
    const res = await request(archive.app).get("/api/search").query({ q: "x", from: "igår" });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("invalid_parameter");
  });
});

describe("write access", () => {
  it("needs the API token when one is set", async () => {
    const token = "a-long-enough-test-token";
    const guarded = await openTestArchive({ ARCHIVE_API_TOKEN: token });
    try {
      const file = Buffer.from("Protokoll\n§ 1 Val av justerare\n");
      const none = await request(guarded.app).post("/api/documents").attach("file", file, "a.txt");
      expect(none.status).toBe(401);
      const wrong = await request(guarded.app)
        .post("/api/documents")
        .set("Authorization", "Bearer wrong-token-wrong-token")
        .attach("file", file, "a.txt");
      expect(wrong.status).toBe(403);
      const right = await request(guarded.app)
        .post("/api/documents")
        .set("Authorization", `Bearer ${token}`)
        .attach("file", file, "a.txt");
      expect(right.status).toBe(202);
      expect((await request(guarded.app).get("/api/health")).status).toBe(200);
    } finally {
      await guarded.close();
    }
  });
});
