import { readdir } from "node:fs/promises";
import { join } from "node:path";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JobState } from "../../indexer/queue/queue.ts";
import { buildDocx, buildPdf, PROTOCOL_LINES } from "../helpers/files.ts";
import {
  docxDeclaringHugeSize,
  docxDeflateBomb,
  docxWithEntityExpansion,
  docxWithExternalEntity,
  docxWithManyEntries,
  docxWithoutDocument,
  htmlPdfPolyglot,
  invalidUtf8Text,
  linuxProgram,
  multipartWithRawDisposition,
  pdfDeclaringPages,
  pdfWithDeflateBomb,
  pdfWithEscapedEncrypt,
  pdfWithHugeDeclaredStream,
  pdfWithNoisyMiddle,
  pdfWithoutXref,
  pdfZipPolyglot,
  windowsProgram,
  zipWithPdfInside,
} from "../helpers/hostile-files.ts";
import { openTestArchive, type TestArchive } from "../helpers/runtime.ts";

/** What must become of a hostile file. */
type Outcome =
  | { refused: string } // at the upload: a 4xx naming this code
  | { failed: string } // its job fails with this code
  | { ingested: string }; // stored, under this (sanitised) name

interface HostileCase {
  what: string;
  /** A name for the client to send, or a raw `filename=` / `filename*=` parameter. */
  name: string | Buffer;
  make: () => Buffer | Promise<Buffer>;
  outcome: Outcome;
}

const PARSE_TIMEOUT_S = 5;
const MAX_UPLOAD_MB = 8;
const text = (s: string) => () => Buffer.from(s);
const pdf = () => buildPdf([PROTOCOL_LINES]);

const CASES: HostileCase[] = [
  // Damaged PDFs
  {
    what: "a PDF cut to 400 bytes",
    name: "halv.pdf",
    make: async () => (await pdf()).subarray(0, 400),
    outcome: { refused: "damaged" },
  },
  {
    what: "a PDF missing its last 8 bytes",
    name: "kapad.pdf",
    make: async () => (await pdf()).subarray(0, -8),
    outcome: { refused: "damaged" },
  },
  {
    what: "a PDF header and nothing else",
    name: "huvud.pdf",
    make: text("%PDF-1.7\n"),
    outcome: { refused: "damaged" },
  },
  { what: "a PDF whose middle is noise", name: "brus.pdf", make: pdfWithNoisyMiddle, outcome: { failed: "damaged" } },
  {
    what: "a PDF without xref or trailer",
    name: "utan-xref.pdf",
    make: pdfWithoutXref,
    outcome: { ingested: "utan-xref.pdf" },
  },
  // Encrypted PDFs
  {
    what: "a password-protected PDF",
    name: "hemlig.pdf",
    make: () => buildPdf([["Hemligt"]], { userPassword: "x" }),
    outcome: { refused: "encrypted" },
  },
  {
    what: "an encrypted PDF with /Encrypt spelt as a name escape",
    name: "hemlig2.pdf",
    make: pdfWithEscapedEncrypt,
    outcome: { failed: "encrypted" },
  },
  // Costly PDFs
  {
    what: "a PDF declaring 100,000 pages",
    name: "sidor.pdf",
    make: () => pdfDeclaringPages(100_000),
    outcome: { failed: "damaged" },
  },
  {
    what: "a PDF listing one page 5,000 times",
    name: "sidor2.pdf",
    make: () => pdfDeclaringPages(5_000, 5_000),
    outcome: { failed: "damaged" },
  },
  {
    what: "a PDF stream declaring 2 GB",
    name: "strom.pdf",
    make: pdfWithHugeDeclaredStream,
    outcome: { ingested: "strom.pdf" },
  },
  {
    what: "a PDF content stream inflating to 300 MB",
    name: "strombomb.pdf",
    make: () => pdfWithDeflateBomb(300),
    outcome: { failed: "timeout" },
  },
  // DOCX bombs and traps
  {
    what: "a DOCX declaring a 4 GB document.xml",
    name: "bomb.docx",
    make: docxDeclaringHugeSize,
    outcome: { refused: "too_complex" },
  },
  {
    what: "a DOCX whose document.xml inflates to 200 MB",
    name: "bomb2.docx",
    make: () => docxDeflateBomb(200),
    outcome: { refused: "too_complex" },
  },
  {
    what: "a DOCX of 5,000 parts",
    name: "delar.docx",
    make: () => docxWithManyEntries(5_000),
    outcome: { refused: "too_complex" },
  },
  {
    what: "a DOCX with external entities (XXE)",
    name: "xxe.docx",
    make: docxWithExternalEntity,
    outcome: { failed: "damaged" },
  },
  {
    what: "a DOCX with exponential entities",
    name: "skratt.docx",
    make: docxWithEntityExpansion,
    outcome: { failed: "damaged" },
  },
  {
    what: "a ZIP named .docx without word/document.xml",
    name: "utan-dokument.docx",
    make: docxWithoutDocument,
    outcome: { refused: "disguised" },
  },
  {
    what: "a truncated DOCX",
    name: "trasig.docx",
    make: async () => (await buildDocx(PROTOCOL_LINES)).subarray(0, 500),
    outcome: { refused: "damaged" },
  },
  // Polyglots and disguises
  {
    what: "a PDF with a DOCX appended, named .pdf",
    name: "poly.pdf",
    make: pdfZipPolyglot,
    outcome: { refused: "damaged" },
  },
  {
    what: "a PDF with a DOCX appended, named .docx",
    name: "poly.docx",
    make: pdfZipPolyglot,
    outcome: { refused: "damaged" },
  },
  {
    what: "a ZIP holding a PDF, named .pdf",
    name: "zip-pdf.pdf",
    make: zipWithPdfInside,
    outcome: { refused: "disguised" },
  },
  {
    what: "an HTML page carrying a PDF, named .pdf",
    name: "html-pdf.pdf",
    make: htmlPdfPolyglot,
    outcome: { refused: "disguised" },
  },
  {
    what: "an HTML page named .docx",
    name: "sida.docx",
    make: text("<!DOCTYPE html><html><body>Inte hittad</body></html>"),
    outcome: { refused: "disguised" },
  },
  {
    what: "a Windows program named .pdf",
    name: "program.pdf",
    make: windowsProgram,
    outcome: { refused: "disguised" },
  },
  { what: "a Linux program named .docx", name: "program.docx", make: linuxProgram, outcome: { refused: "disguised" } },
  { what: "a Linux program named .txt", name: "program.txt", make: linuxProgram, outcome: { refused: "disguised" } },
  // Empty and oversized
  { what: "an empty .pdf", name: "tom.pdf", make: () => Buffer.alloc(0), outcome: { refused: "empty" } },
  { what: "an empty .docx", name: "tom.docx", make: () => Buffer.alloc(0), outcome: { refused: "empty" } },
  { what: "an empty .txt", name: "tom.txt", make: () => Buffer.alloc(0), outcome: { refused: "empty" } },
  {
    what: "a file over the size limit",
    name: "stor.txt",
    make: () => Buffer.alloc((MAX_UPLOAD_MB + 1) * 1024 * 1024, 65),
    outcome: { refused: "too_large" },
  },
  // Text
  {
    what: "a .txt of NUL bytes",
    name: "nollor.txt",
    make: () => Buffer.alloc(64 * 1024),
    outcome: { refused: "disguised" },
  },
  {
    what: "a .txt with invalid UTF-8",
    name: "latin.txt",
    make: () => invalidUtf8Text("Ogiltigkodning"),
    outcome: { ingested: "latin.txt" },
  },
  {
    what: "a .txt of one 5 MB line",
    name: "rad.txt",
    make: () => Buffer.alloc(5 * 1024 * 1024, "Lång rad utan slut "),
    outcome: { ingested: "rad.txt" },
  },
  // Hostile names on harmless files
  {
    what: "a name climbing out with ../",
    name: "../../x.pdf",
    make: () => buildPdf([["Protokoll", "Klättrarord"]]),
    outcome: { ingested: "x.pdf" },
  },
  {
    what: "an absolute name",
    name: "/etc/passwd.pdf",
    make: () => buildPdf([["Protokoll", "Absolutord"]]),
    outcome: { ingested: "passwd.pdf" },
  },
  {
    what: "a Windows path with backslashes",
    name: "..\\..\\Windows\\win.txt",
    make: text("Protokoll\nBakstreckord\n"),
    outcome: { ingested: "win.txt" },
  },
  {
    what: "a name with control characters",
    // Percent escapes of RFC 5987: a raw control byte in the header is refused by busboy (see the report).
    name: Buffer.from("filename*=UTF-8''be%07sl%1But%7F%0A.txt"),
    make: text("Protokoll\nKontrollord\n"),
    outcome: { ingested: "beslut.txt" },
  },
  {
    what: "a raw control character in the multipart header",
    name: "be\u0007sl.txt",
    make: text("Protokoll\nRåkontrollord\n"),
    outcome: { refused: "bad_upload" },
  },
  {
    what: "a 1,000-character name",
    name: `${"a".repeat(996)}.txt`,
    make: text("Protokoll\nLångnamnord\n"),
    outcome: { ingested: `${"a".repeat(196)}.txt` },
  },
  {
    what: "a name of invalid UTF-8 bytes",
    name: Buffer.concat([Buffer.from('filename="b'), Buffer.from([0xff, 0xc3, 0x28]), Buffer.from('.txt"')]),
    make: text("Protokoll\nTrasignamnord\n"),
    outcome: { ingested: "bÿÃ(.txt" },
  },
];

let archive: TestArchive;
let before: Snapshot;
const ingested = new Map<string, string>(); // document id → its stored name
const keptOriginals: string[] = []; // sha256 of files admitted but refused by their job

type Snapshot = Awaited<ReturnType<typeof snapshot>>;

async function snapshot() {
  const docs = await request(archive.app).get("/api/documents?limit=200");
  const hits = await request(archive.app).get("/api/search").query({ q: "klotterrelaterad" });
  const originals = await readdir(join(archive.dir, "originals"), { recursive: true });
  return { docs: docs.body, hits: hits.body, originals: originals.filter((f) => f.includes("/")).sort() };
}

function upload(name: string | Buffer, bytes: Buffer) {
  const post = request(archive.app).post("/api/documents");
  if (typeof name === "string") return post.attach("file", bytes, name);
  const { boundary, body } = multipartWithRawDisposition(name, bytes);
  return post.set("Content-Type", `multipart/form-data; boundary=${boundary}`).send(body);
}

/** The job's end, or a failure of the test if it takes longer than the parse limit allows. */
function waitBounded(jobId: string): Promise<JobState> {
  const limitMs = (PARSE_TIMEOUT_S + 10) * 1000;
  return Promise.race([
    archive.runtime.queue.waitFor(jobId),
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`job ${jobId} still running after ${limitMs} ms`)), limitMs).unref(),
    ),
  ]);
}

function oneLine(message: unknown): void {
  expect(typeof message).toBe("string");
  expect(message).not.toBe("");
  expect(message).not.toMatch(/\n|at .*\.ts:\d+/);
}

beforeAll(async () => {
  archive = await openTestArchive({
    ARCHIVE_MAX_UPLOAD_MB: String(MAX_UPLOAD_MB),
    ARCHIVE_PARSE_TIMEOUT_S: String(PARSE_TIMEOUT_S),
  });
  const res = await upload("protokoll.pdf", await buildPdf([PROTOCOL_LINES]));
  expect((await archive.runtime.queue.waitFor(res.body.items[0].jobId)).status).toBe("completed");
  before = await snapshot();
  expect(before.hits.total).toBe(1);
});

afterAll(async () => {
  await archive?.close();
});

describe("a hostile corpus is refused or ingested safely, never more", () => {
  it("holds at least 30 files", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
  });

  for (const c of CASES) {
    it(`${c.what}: ${Object.entries(c.outcome)[0]?.join(" ")}`, async () => {
      const bytes = await c.make();
      const res = await upload(c.name, bytes);
      if ("refused" in c.outcome) {
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        expect(res.body.error.code).toBe(c.outcome.refused);
        oneLine(res.body.error.message);
        return;
      }
      expect(res.status).toBe(202);
      const item = res.body.items[0];
      const state = await waitBounded(item.jobId);
      if ("failed" in c.outcome) {
        expect(state).toMatchObject({ status: "failed", errorCode: c.outcome.failed, documentId: null });
        oneLine(state.error);
        keptOriginals.push(item.id);
        return;
      }
      expect(state, state.error ?? "").toMatchObject({ status: "completed", error: null });
      const doc = await request(archive.app).get(`/api/documents/${state.documentId}`);
      expect(doc.body.filename).toBe(c.outcome.ingested);
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what must not be stored
      expect(doc.body.filename).not.toMatch(/[/\\\u0000-\u001f\u007f]/);
      ingested.set(state.documentId as string, c.outcome.ingested);
    });
  }

  it("still answers, and changed nothing but the safely ingested documents", async () => {
    expect((await request(archive.app).get("/api/health")).body).toEqual({ status: "ok" });
    const after = await snapshot();
    expect(after.hits).toEqual(before.hits);
    const expectedNames = CASES.flatMap((c) => ("ingested" in c.outcome ? [c.outcome.ingested] : []));
    expect([...ingested.values()].sort()).toEqual(expectedNames.sort());
    const newDocs = after.docs.documents.filter(
      (d: { id: string }) => !before.docs.documents.some((b: { id: string }) => b.id === d.id),
    );
    expect(newDocs.map((d: { id: string }) => d.id).sort()).toEqual([...ingested.keys()].sort());
    expect(after.docs.documents.filter((d: { id: string }) => !ingested.has(d.id))).toEqual(before.docs.documents);
    // Originals of ingested files are new; so are those of files refused by their job, kept for a retry.
    const added = after.originals
      .filter((f) => !before.originals.includes(f))
      .map((f) => f.split("/")[1]?.slice(0, 16));
    expect(added.sort()).toEqual([...ingested.keys(), ...keptOriginals].sort());
  }, 10_000);
});
