import { createHash } from "node:crypto";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestArchive, type TestArchive } from "../helpers/runtime.ts";
import { parseCsv, readZip } from "../helpers/zip-read.ts";

const TOKEN = "export-test-token-0123456789";
const auth = { Authorization: `Bearer ${TOKEN}` };

const RECORDS: [string, string][] = [
  [
    "tjänsteutlåtande bistånd.txt",
    [
      "Tjänsteutlåtande",
      "Socialförvaltningen",
      "Datum 2020-02-06",
      "Diarienummer SN-2020/17",
      "",
      "Ansökan om bistånd",
      "Sökande Tolvan Tolvansson, 19121212-1212, ansöker om bistånd.",
      "Uppgifterna omfattas av sekretess enligt 26 kap. 1 § OSL.",
    ].join("\n"),
  ],
  [
    'yttrande "nämnd; remiss".txt',
    [
      "Tjänsteutlåtande",
      "Socialförvaltningen",
      "Datum 2020-03-12",
      "Diarienummer SN 2020/17",
      "",
      "Yttrande över remiss",
      "Förvaltningen föreslår att nämnden yttrar sig enligt förslaget.",
    ].join("\n"),
  ],
  [
    "annat ärende.txt",
    [
      "Tjänsteutlåtande",
      "Tekniska förvaltningen",
      "Datum 2020-03-12",
      "Diarienummer TN-2020/88",
      "",
      "Sandning av cykelvägar",
    ].join("\n"),
  ],
];

let archive: TestArchive;
const ids = new Map<string, string>();

/** Supertest's parser for a binary body: the bytes as they came. */
const binary: Parameters<request.Test["parse"]>[0] = (res, done) => {
  const chunks: Buffer[] = [];
  res.on("data", (c: Buffer) => chunks.push(c));
  res.on("end", () => done(null, Buffer.concat(chunks)));
};

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** Who the cover sheet says compiled the export: the audit log must name the same. */
const compiledBy = (cover: string) => /^Sammanställt av: (.+)\r$/m.exec(cover)?.[1];
/** The cover sheet's "Sammanställt av" for a request without a token, as the first export found it. */
let anonymous: string | undefined;

beforeAll(async () => {
  archive = await openTestArchive({ ARCHIVE_API_TOKEN: TOKEN });
  for (const [name, text] of RECORDS) {
    const res = await request(archive.app).post("/api/documents").set(auth).attach("file", Buffer.from(text), name);
    expect(res.status).toBe(202);
    const state = await archive.runtime.queue.waitFor(res.body.items[0].jobId);
    expect(state.error).toBeNull();
    ids.set(name, state.documentId as string);
  }
});

afterAll(async () => {
  await archive?.close();
});

describe("case export", () => {
  it("streams every original of the case, byte for byte, with a manifest and a cover sheet", async () => {
    const res = await request(archive.app)
      .get("/api/cases/export")
      .query({ dnr: "sn 2020/17" })
      .buffer(true)
      .parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("application/zip");
    expect(res.headers["content-disposition"]).toMatch(
      /^attachment; filename="arende-sn-2020-17-\d{4}-\d\d-\d\d\.zip"$/,
    );
    const body = res.body as Buffer;
    expect(Number(res.headers["content-length"])).toBe(body.length);

    const entries = readZip(body);
    expect(entries.map((e) => e.name)).toEqual([
      "01-tjänsteutlåtande bistånd.txt",
      "02-yttrande _nämnd; remiss_.txt",
      "manifest.csv",
      "forsattsblad.txt",
    ]);
    const originals = [RECORDS[0], RECORDS[1]].map((r) => Buffer.from(r?.[1] ?? ""));
    expect(entries.slice(0, 2).map((e) => sha256(e.data))).toEqual(originals.map(sha256));

    const manifest = entries[2]?.data.toString("utf8") ?? "";
    expect(manifest.startsWith("\uFEFF")).toBe(true);
    const rows = parseCsv(manifest.slice(1));
    expect(rows[0]).toEqual([
      "fil",
      "typ",
      "organ",
      "sammanträdesdatum",
      "paragraf",
      "diarienummer",
      "sha256",
      "sidor",
      "flaggor",
    ]);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[5], r[6], r[8]])).toEqual([
      [
        "01-tjänsteutlåtande bistånd.txt",
        "tjansteutlatande",
        "SN-2020/17",
        sha256(originals[0] as Buffer),
        "personnummer, secrecy",
      ],
      ["02-yttrande _nämnd; remiss_.txt", "tjansteutlatande", "SN-2020/17", sha256(originals[1] as Buffer), ""],
    ]);
    expect(rows).toHaveLength(3);

    const cover = entries[3]?.data.toString("utf8") ?? "";
    expect(cover).toContain("sn 2020/17");
    expect(cover).toContain("SN-2020/17");
    expect(cover).toMatch(/Antal handlingar: 2/);
    anonymous = compiledBy(cover);
    expect(anonymous).toBeTruthy();
    expect(cover).toMatch(/OBS! 1 av handlingarna har flaggor/);
  });

  it("answers an unknown case with 404 and a malformed number with 400, as JSON", async () => {
    const unknown = await request(archive.app).get("/api/cases/export").query({ dnr: "KS-1999/1" });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe("not_found");
    const malformed = await request(archive.app).get("/api/cases/export").query({ dnr: "inte ett nummer" });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe("not_a_diarienummer");
    expect((await request(archive.app).get("/api/cases/export")).status).toBe(400);
  });

  it("logs exports and downloads, and shows the log only to those who may write", async () => {
    const id = ids.get("annat ärende.txt") as string;
    expect((await request(archive.app).get(`/api/documents/${id}/file?download`)).status).toBe(200);

    expect((await request(archive.app).get("/api/audit")).status).toBe(401);
    expect((await request(archive.app).get("/api/audit").set({ Authorization: "Bearer wrong" })).status).toBe(403);
    const res = await request(archive.app).get("/api/audit").set(auth).query({ limit: 10 });
    expect(res.status).toBe(200);
    const [download, exported] = res.body.entries;
    expect(download).toMatchObject({ action: "download", actor: anonymous, detail: { documentId: id } });
    expect(exported).toMatchObject({
      action: "export",
      actor: anonymous,
      detail: {
        dnr: "sn 2020/17",
        diarienummer: "SN-2020/17",
        documentIds: [ids.get("tjänsteutlåtande bistånd.txt"), ids.get('yttrande "nämnd; remiss".txt')],
      },
    });
    // The refused exports above were not handed out, so not logged.
    expect(res.body.total).toBe(2);
    expect(Date.parse(exported.at)).not.toBeNaN();
  });
});

describe("selection export", () => {
  const auditTotal = async () =>
    (await request(archive.app).get("/api/audit").set(auth).query({ limit: 1 })).body.total as number;

  it("streams the picked originals in the order picked, with a manifest and a cover sheet naming the searches", async () => {
    const picked = [ids.get("annat ärende.txt"), ids.get("tjänsteutlåtande bistånd.txt")] as string[];
    const res = await request(archive.app)
      // Picked twice in the UI is still one document; the q's are the searches the official picked in.
      .get(
        `/api/export?${new URLSearchParams([
          ["ids", [...picked, picked[0]].join(",")],
          ["q", "bistånd"],
          ["q", "sandning"],
        ])}`,
      )
      .buffer(true)
      .parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("application/zip");
    expect(res.headers["content-disposition"]).toMatch(/^attachment; filename="urval-bistand-\d{4}-\d\d-\d\d\.zip"$/);
    const body = res.body as Buffer;
    expect(Number(res.headers["content-length"])).toBe(body.length);

    // readZip checks every CRC-32 and that local headers agree with the central directory.
    const entries = readZip(body);
    expect(entries.map((e) => e.name)).toEqual([
      "01-annat ärende.txt",
      "02-tjänsteutlåtande bistånd.txt",
      "manifest.csv",
      "forsattsblad.txt",
    ]);
    expect(entries.every((e) => e.method === 0 && (e.flags & 0x0800) !== 0)).toBe(true);
    const originals = [RECORDS[2], RECORDS[0]].map((r) => Buffer.from(r?.[1] ?? ""));
    expect(entries.slice(0, 2).map((e) => sha256(e.data))).toEqual(originals.map(sha256));

    const rows = parseCsv((entries[2]?.data.toString("utf8") ?? "").slice(1));
    expect(rows.slice(1).map((r) => [r[0], r[1], r[2], r[4], r[5], r[6], r[7], r[8]])).toEqual([
      ["01-annat ärende.txt", "tjansteutlatande", "", "", "TN-2020/88", sha256(originals[0] as Buffer), "1", ""],
      [
        "02-tjänsteutlåtande bistånd.txt",
        "tjansteutlatande",
        "",
        "",
        "SN-2020/17",
        sha256(originals[1] as Buffer),
        "1",
        "personnummer, secrecy",
      ],
    ]);
    expect(rows).toHaveLength(3);

    const cover = entries[3]?.data.toString("utf8") ?? "";
    expect(cover).toContain("Begärt:          Urval av 2 dokument från sökningarna ”bistånd” och ”sandning”");
    expect(cover).not.toContain("Diarienummer:");
    expect(compiledBy(cover)).toBe(anonymous);
    expect(cover).toMatch(/Sammanställt: {4}\d{4}-\d\d-\d\dT/);
    expect(cover).toMatch(/Antal handlingar: 2\r\n/);
    expect(cover).toMatch(/OBS! 1 av handlingarna har flaggor/);

    const log = await request(archive.app).get("/api/audit").set(auth).query({ limit: 1 });
    expect(log.body.entries[0]).toMatchObject({
      action: "export",
      actor: anonymous,
      detail: {
        selection: true,
        queries: ["bistånd", "sandning"],
        documentIds: picked,
        filenames: ["annat ärende.txt", "tjänsteutlåtande bistånd.txt"],
      },
    });
  });

  it("names no search on the cover sheet when none was given, and the token holder when one was used", async () => {
    const id = ids.get('yttrande "nämnd; remiss".txt') as string;
    const res = await request(archive.app).get("/api/export").set(auth).query({ ids: id }).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers["content-disposition"]).toMatch(/filename="urval-\d{4}-\d\d-\d\d\.zip"/);
    const entries = readZip(res.body as Buffer);
    expect(entries.map((e) => e.name)).toEqual(["01-yttrande _nämnd; remiss_.txt", "manifest.csv", "forsattsblad.txt"]);
    const cover = entries[2]?.data.toString("utf8") ?? "";
    expect(cover).toMatch(/Begärt: +Urval av 1 dokument\r\n/);
    // The token holder, not an anonymous reader, as the log says too.
    const actor = compiledBy(cover);
    expect(actor).toBeTruthy();
    expect(actor).not.toBe(anonymous);
    const log = await request(archive.app).get("/api/audit").set(auth).query({ limit: 1 });
    expect(log.body.entries[0]).toMatchObject({ action: "export", actor, detail: { documentIds: [id] } });
    expect(cover).toContain("Ingen handling har flaggats");
  });

  it("refuses unknown, malformed, missing and too many ids with JSON errors, and logs none of them", async () => {
    const before = await auditTotal();
    const known = ids.get("annat ärende.txt") as string;

    const unknown = await request(archive.app)
      .get("/api/export")
      .query({ ids: `${known},0000000000000000,ffffffffffffffff` });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe("not_found");
    expect(unknown.body.error.message).toContain("0000000000000000, ffffffffffffffff");
    expect(unknown.body.error.message).not.toContain(known);

    const tooMany = Array.from({ length: 501 }, (_, i) => i.toString(16).padStart(16, "0")).join(",");
    const many = await request(archive.app).get("/api/export").query({ ids: tooMany });
    expect(many.status).toBe(400);
    expect(many.body.error).toMatchObject({ code: "too_many_documents" });
    expect(many.body.error.message).toContain("at most 500");

    for (const bad of [{ ids: "../../etc/passwd" }, { ids: " , " }, {}]) {
      const res = await request(archive.app).get("/api/export").query(bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.body.error.code).toBe("invalid_parameter");
    }
    const longQuery = await request(archive.app)
      .get("/api/export")
      .query({ ids: known, q: "x".repeat(501) });
    expect(longQuery.status).toBe(400);

    expect(await auditTotal()).toBe(before);
  });

  it("takes 500 ids, the limit, as far as the archive knows them", async () => {
    const known = ids.get("annat ärende.txt") as string;
    const list = [known, ...Array.from({ length: 499 }, (_, i) => `a${i.toString(16).padStart(15, "0")}`)];
    const res = await request(archive.app)
      .get("/api/export")
      .query({ ids: list.join(",") });
    // Not refused for the count: refused because 499 of them are not in the archive.
    expect(res.status).toBe(404);
    expect(res.body.error.message).toMatch(/and 479 more$/);
  });
});
