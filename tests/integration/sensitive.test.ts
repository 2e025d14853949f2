import { join } from "node:path";
import Database from "better-sqlite3";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestArchive, type TestArchive } from "../helpers/runtime.ts";

let archive: TestArchive;
let flaggedId: string;
let plainId: string;

const FLAGGED = [
  "Tjänsteutlåtande",
  "Socialförvaltningen",
  "Datum 2020-02-06",
  "Diarienummer SN-2020/17",
  "",
  "Ansökan om bistånd",
  "Sökande Tolvan Tolvansson, 19121212-1212, ansöker om bistånd.",
  "Uppgifterna omfattas av sekretess enligt 26 kap. 1 § OSL.",
  "Utföraren Exempel AB, organisationsnummer 556036-0793, har tillfrågats.",
].join("\n");

const PLAIN = [
  "Tjänsteutlåtande",
  "Tekniska förvaltningen",
  "Datum 2020-03-12",
  "Diarienummer TN-2020/88",
  "",
  "Sandning av cykelvägar",
  "Förvaltningen föreslår att cykelvägarna sandas oftare. Kostnaden är 1 250 000 kr.",
].join("\n");

async function ingest(text: string, name: string): Promise<string> {
  const res = await request(archive.app).post("/api/documents").attach("file", Buffer.from(text), name);
  expect(res.status).toBe(202);
  const state = await archive.runtime.queue.waitFor(res.body.items[0].jobId);
  expect(state.error).toBeNull();
  return state.documentId as string;
}

beforeAll(async () => {
  archive = await openTestArchive();
  flaggedId = await ingest(FLAGGED, "tjansteutlatande-bistand.txt");
  plainId = await ingest(PLAIN, "tjansteutlatande-sandning.txt");
});

afterAll(async () => {
  await archive.close();
});

describe("sensitive-content flags", () => {
  it("shows on a document exactly the personnummer and the OSL reference, not the organisationsnummer", async () => {
    const res = await request(archive.app).get(`/api/documents/${flaggedId}`);
    expect(res.status).toBe(200);
    expect(res.body.sensitive.map((f: { kind: string; text: string }) => [f.kind, f.text])).toEqual([
      ["personnummer", "19121212-1212"],
      ["secrecy", "sekretess"],
      ["secrecy", "26 kap. 1 § OSL"],
    ]);
    for (const f of res.body.sensitive) expect(res.body.text[f.page - 1].slice(f.start, f.end)).toBe(f.text);
    expect((await request(archive.app).get(`/api/documents/${plainId}`)).body.sensitive).toEqual([]);
  });

  it("tags search hits with the kinds their documents hold", async () => {
    const res = await request(archive.app).get("/api/search").query({ q: "tjänsteutlåtande" });
    expect(res.status).toBe(200);
    const flags = Object.fromEntries(
      res.body.hits.map((h: { documentId: string; flags: string[] }) => [h.documentId, h.flags]),
    );
    expect(flags).toEqual({ [flaggedId]: ["personnummer", "secrecy"], [plainId]: [] });
  });

  it("computes the flags of a document stored before they existed from its pages", async () => {
    const db = new Database(join(archive.dir, "archive.sqlite"));
    db.prepare(
      "UPDATE documents SET sensitive_kinds = NULL, record = json_remove(record, '$.sensitive') WHERE id = ?",
    ).run(flaggedId);
    db.close();
    const doc = await request(archive.app).get(`/api/documents/${flaggedId}`);
    expect(doc.body.sensitive.map((f: { kind: string }) => f.kind)).toEqual(["personnummer", "secrecy", "secrecy"]);
    const hits = await request(archive.app).get("/api/search").query({ q: "bistånd" });
    expect(hits.body.hits.map((h: { flags: string[] }) => h.flags)).toEqual([["personnummer", "secrecy"]]);
  });
});
