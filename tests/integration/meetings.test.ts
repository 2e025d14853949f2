import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import Database from "better-sqlite3";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate, openDatabase } from "../../indexer/archive/database.ts";
import { MIGRATIONS } from "../../indexer/archive/schema.ts";
import { SqliteArchive } from "../../indexer/archive/sqlite-archive.ts";
import { generateCorpus, type Truth } from "../../tools/generate/index.ts";
import { openTestArchive, type TestArchive } from "../helpers/runtime.ts";

const MEETING_TYPES = new Set(["protokoll", "protokollsutdrag", "kallelse", "bilaga"]);

/** One meeting of the generated corpus: its body, day and the files that belong to it. */
interface ExpectedMeeting {
  body: string;
  date: string;
  files: Truth[];
}

let dir: string;
let archive: TestArchive;
let truths: Truth[];
const idOf = new Map<string, string>();
let meeting: ExpectedMeeting;

async function ingest(bytes: Buffer, name: string): Promise<string> {
  const res = await request(archive.app).post("/api/documents").attach("file", bytes, name);
  expect(res.status, name).toBe(202);
  const item = res.body.items[0];
  if (item.status === "exists") return item.id;
  const state = await archive.runtime.queue.waitFor(item.jobId);
  expect(state.status, `${name}: ${state.error}`).toBe("completed");
  return state.documentId as string;
}

/** The generated meeting with the most kinds of records, its body and day shared with no other municipality. */
function richestMeeting(all: Truth[]): ExpectedMeeting {
  const groups = new Map<string, Truth[]>();
  for (const t of all) {
    if (!t.body || !t.meetingDate || !MEETING_TYPES.has(t.type)) continue;
    const key = `${t.body.toLowerCase()}|${t.meetingDate}`;
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  const single = [...groups.values()].filter((g) => new Set(g.map((t) => t.municipality)).size === 1);
  const kinds = (g: Truth[]) => new Set(g.map((t) => t.type)).size;
  const best = single.sort((a, b) => kinds(b) - kinds(a) || b.length - a.length)[0];
  if (!best?.[0]) throw new Error("the generated corpus has no meeting");
  return { body: best[0].body as string, date: best[0].meetingDate as string, files: best };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "archive-meetings-"));
  const generated = await generateCorpus({ seed: 11, count: 30, outDir: dir });
  archive = await openTestArchive();
  truths = [];
  for (const f of generated.files) {
    const truth = JSON.parse(await readFile(f.truthPath, "utf8")) as Truth;
    truths.push(truth);
    idOf.set(truth.file, await ingest(await readFile(f.path), basename(f.path)));
  }
  meeting = richestMeeting(truths);
  // A body with several meetings, one known only from its kallelse.
  for (const [date, n] of [
    ["2019-05-14", 31],
    ["2019-09-10", 52],
  ] as const) {
    const text = `Protokoll\nTekniska nämnden\nSammanträdesdatum ${date}\n\n§ ${n} Gatubelysning\nDnr TN-2019/${n}\nBeslut\nGodkänns.\n`;
    await ingest(Buffer.from(text), `tn-protokoll-${date}.txt`);
  }
  await ingest(
    Buffer.from(
      "KALLELSE\nKallelse till sammanträde med tekniska nämnden\nSammanträde 2019-11-05 kl. 18.00\n\n1. Budget\n",
    ),
    "tn-kallelse.txt",
  );
});

afterAll(async () => {
  await archive?.close();
  await rm(dir, { recursive: true, force: true });
});

interface MeetingBody {
  body: string;
  date: string;
  documents: {
    id: string;
    type: string;
    title: string | null;
    filename: string;
    paragraphs?: { number: number; title: string | null; diarienummer: string[] }[];
    label?: string | null;
    paragraph?: number | null;
  }[];
}

describe("GET /api/meetings?body=&date=", () => {
  it("gathers one meeting's kallelse, protokoll, utdrag and bilagor, the protokoll with its §", async () => {
    expect(new Set(meeting.files.map((t) => t.type)).size, "a meeting with several kinds of record").toBeGreaterThan(2);
    const res = await request(archive.app).get("/api/meetings").query({ body: meeting.body, date: meeting.date });
    expect(res.status).toBe(200);
    const found = res.body as MeetingBody;
    expect(found.body).toBe(meeting.body);
    expect(found.date).toBe(meeting.date);
    expect(found.documents.map((d) => d.id).sort()).toEqual(meeting.files.map((t) => idOf.get(t.file)).sort());

    const order = ["kallelse", "protokoll", "protokollsutdrag", "bilaga"];
    const types = found.documents.map((d) => order.indexOf(d.type));
    expect(types).toEqual([...types].sort((a, b) => a - b));

    const protocolTruth = meeting.files.find((t) => t.type === "protokoll");
    const protocol = found.documents.find((d) => d.type === "protokoll");
    expect(protocol?.id).toBe(idOf.get(protocolTruth?.file ?? ""));
    expect(protocol?.filename).toBe(protocolTruth?.file);
    expect(protocol?.paragraphs?.map((p) => [p.number, p.diarienummer])).toEqual(
      protocolTruth?.paragraphs.map((p) => [p.number, p.diarienummer]),
    );
    for (const bilaga of found.documents.filter((d) => d.type === "bilaga")) {
      const truth = meeting.files.find((t) => idOf.get(t.file) === bilaga.id);
      expect(bilaga.label).toBe(truth?.belongsTo?.label);
    }
  });

  it("matches the body in any case and spacing", async () => {
    const variant = `  ${meeting.body.toUpperCase().replace(/ /g, "   ")} `;
    const exact = await request(archive.app).get("/api/meetings").query({ body: meeting.body, date: meeting.date });
    const res = await request(archive.app).get("/api/meetings").query({ body: variant, date: meeting.date });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(exact.body);
  });

  it("gathers records that write the body differently and shows the protokoll's spelling", async () => {
    const protocol = await ingest(
      Buffer.from(
        "Protokoll\nKommunstyrelsens arbetsutskott\nSammanträdesdatum 2021-03-04\n\n§ 12 Budgetuppföljning\nDnr KS-2021/87.141\nArbetsutskottets beslut\nBudgetuppföljningen godkänns, se bilaga 12.1.\n",
      ),
      "ksau-protokoll.txt",
    );
    const notice = await ingest(
      Buffer.from(
        "KALLELSE\nKommunstyrelsens  Arbetsutskott\nSammanträde 2021-03-04 kl. 13.00\n\n1. Budgetuppföljning\nDnr KS-2021/87.141\n",
      ),
      "ksau-kallelse.txt",
    );
    const bilaga = await ingest(
      Buffer.from(
        "Bilaga 12.1\nProtokollsanteckning\ntill kommunstyrelsens arbetsutskotts protokoll 2021-03-04, § 12\nVi vill se uppföljningen per förvaltning.\nLisa Ek (MP)\n",
      ),
      "ksau-bilaga.txt",
    );
    // Records of that day that name no body: in the meeting when its protokoll vouches for them.
    const extract = await ingest(
      Buffer.from(
        "Protokollsutdrag\nSammanträdesdatum 2021-03-04\n\n§ 12 Budgetuppföljning\nDnr KS-2021/87.141\nBeslut\nGodkänns.\n",
      ),
      "utdrag-12.txt",
    );
    const reservation = await ingest(
      Buffer.from("Bilaga 12.2\nReservation\ntill protokoll 2021-03-04, § 12\nVi reserverar oss.\nPer Lund (SD)\n"),
      "bilaga-12-2.txt",
    );
    await ingest(
      Buffer.from(
        "Protokollsutdrag\nSammanträdesdatum 2021-03-04\n\n§ 40 Skolskjuts\nDnr BUN-2021/9\nBeslut\nGodkänns.\n",
      ),
      "another-body-utdrag-40.txt",
    );
    const bodies = await Promise.all(
      [protocol, notice, bilaga].map(async (id) => (await request(archive.app).get(`/api/documents/${id}`)).body.body),
    );
    expect(new Set(bodies).size, `the records write the body differently: ${bodies.join(" | ")}`).toBeGreaterThan(1);

    const res = await request(archive.app)
      .get("/api/meetings")
      .query({ body: "kommunstyrelsens arbetsutskott", date: "2021-03-04" });
    expect(res.status).toBe(200);
    expect(res.body.body).toBe("Kommunstyrelsens arbetsutskott");
    expect(res.body.documents.map((d: { id: string }) => d.id)).toEqual([
      notice,
      protocol,
      extract,
      bilaga,
      reservation,
    ]);
    expect(res.body.documents[1].paragraphs).toEqual([
      { number: 12, title: "Budgetuppföljning", diarienummer: ["KS-2021/87.141"] },
    ]);
    expect(res.body.documents[3]).toMatchObject({ type: "bilaga", label: "12.1", paragraph: 12 });
  });

  it("answers 404 in JSON when the archive holds no record of that meeting", async () => {
    for (const query of [
      { body: meeting.body, date: "1999-01-01" },
      { body: "Nämnden som inte finns", date: meeting.date },
    ]) {
      const res = await request(archive.app).get("/api/meetings").query(query);
      expect(res.status, JSON.stringify(query)).toBe(404);
      expect(res.body.error.code).toBe("not_found");
      expect(typeof res.body.error.message).toBe("string");
    }
  });

  it("answers 400 naming the parameter for a missing body or a date that is no date", async () => {
    const cases: [Record<string, string>, string][] = [
      [{ date: "2020-02-20" }, "body"],
      [{ body: "   ", date: "2020-02-20" }, "body"],
      [{ body: "Kommunstyrelsen", date: "20 februari 2020" }, "date"],
      [{ body: "Kommunstyrelsen", date: "2020-02-30" }, "date"],
      [{ body: "Kommunstyrelsen", limit: "0" }, "limit"],
      [{ body: "x".repeat(201) }, "body"],
    ];
    for (const [query, parameter] of cases) {
      const res = await request(archive.app).get("/api/meetings").query(query);
      expect(res.status, JSON.stringify(query)).toBe(400);
      expect(res.body.error.code).toBe("invalid_parameter");
      expect(res.body.error.message).toMatch(new RegExp(`^${parameter}:`));
    }
  });
});

describe("GET /api/meetings?body=", () => {
  it("lists a body's meetings newest first, paged, in any spelling of the body", async () => {
    const res = await request(archive.app).get("/api/meetings").query({ body: "tekniska  NÄMNDEN" });
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(3);
    expect(res.body.meetings).toEqual([
      { body: "Tekniska nämnden", date: "2019-11-05", documentCount: 1, types: ["kallelse"] },
      { body: "Tekniska nämnden", date: "2019-09-10", documentCount: 1, types: ["protokoll"] },
      { body: "Tekniska nämnden", date: "2019-05-14", documentCount: 1, types: ["protokoll"] },
    ]);
    const second = await request(archive.app)
      .get("/api/meetings")
      .query({ body: "Tekniska nämnden", limit: 1, offset: 1 });
    expect(second.body.total).toBe(3);
    expect(second.body.meetings.map((m: { date: string }) => m.date)).toEqual(["2019-09-10"]);
  });

  it("counts a generated meeting's records and types in the list", async () => {
    const dates = [
      ...new Set(
        truths
          .filter(
            (t) => t.body?.toLowerCase() === meeting.body.toLowerCase() && t.meetingDate && MEETING_TYPES.has(t.type),
          )
          .map((t) => t.meetingDate as string),
      ),
    ].sort((a, b) => b.localeCompare(a));
    const res = await request(archive.app).get("/api/meetings").query({ body: meeting.body.toLowerCase() });
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(dates.length);
    expect(res.body.meetings.map((m: { date: string }) => m.date)).toEqual(dates);
    const listed = res.body.meetings.find((m: { date: string }) => m.date === meeting.date);
    expect(listed).toMatchObject({ body: meeting.body, documentCount: meeting.files.length });
    expect(listed.types).toEqual(
      ["kallelse", "protokoll", "protokollsutdrag", "bilaga"].filter((t) => meeting.files.some((f) => f.type === t)),
    );
  });

  it("lists every body's meetings newest first without a body, and none for an unknown body", async () => {
    const all = await request(archive.app).get("/api/meetings").query({ limit: 100 });
    expect(all.status).toBe(200);
    const listed = all.body.meetings.map((m: { date: string }) => m.date);
    expect(listed).toEqual([...listed].sort((a: string, b: string) => b.localeCompare(a)));
    expect(all.body.total).toBe(all.body.meetings.length);
    expect(all.body.meetings).toContainEqual(expect.objectContaining({ body: meeting.body, date: meeting.date }));

    const none = await request(archive.app).get("/api/meetings").query({ body: "Nämnden som inte finns" });
    expect(none.status).toBe(200);
    expect(none.body).toEqual({ body: "Nämnden som inte finns", total: 0, meetings: [] });
  });
});

describe("the meeting index on an archive from before it existed", () => {
  it("fills in the body key when the archive is opened", async () => {
    const old = await mkdtemp(join(tmpdir(), "archive-migrate-"));
    try {
      const file = join(old, "archive.sqlite");
      const source = archive.runtime.archive.get(idOf.get(meeting.files[0]?.file ?? "") ?? "");
      expect(source).not.toBeNull();
      // An archive as it was before meetings: only the migrations before the one that added body_key.
      const meetingStep = MIGRATIONS.findIndex((step) => step.includes("documents_meeting"));
      expect(meetingStep).toBeGreaterThan(0);
      const db = new Database(file);
      migrate(db, "archive", MIGRATIONS.slice(0, meetingStep));
      const r = source?.record;
      db.prepare(
        `INSERT INTO documents (id, sha256, filename, format, size, pages, type, title, body, meeting_date, document_date, record, ingested_at)
         VALUES (?, ?, ?, 'text', 1, 1, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        "0123456789abcdef",
        "0".repeat(64),
        "old.txt",
        r?.type,
        r?.title,
        `  ${r?.body?.toUpperCase()}`,
        r?.meetingDate,
        r?.documentDate,
        JSON.stringify(r),
        new Date().toISOString(),
      );
      db.close();

      const reopened = new SqliteArchive(openDatabase(file));
      try {
        expect(reopened.meeting(meeting.body, meeting.date)?.documents.map((d) => d.id)).toEqual(["0123456789abcdef"]);
      } finally {
        reopened.close();
      }
    } finally {
      await rm(old, { recursive: true, force: true });
    }
  });
});
