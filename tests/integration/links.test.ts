import request from "supertest";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openTestArchive, type TestArchive } from "../helpers/runtime.ts";

const PROTOCOL = `Protokoll
Kommunstyrelsen
Sammanträdesdatum 2020-02-20

§ 8 Uppföljning av program för trygghet och säkerhet
Dnr KS-2020/42.142
Kommunstyrelsens beslut
Uppföljningen godkänns enligt bilaga 1 till kommunstyrelsens tjänsteutlåtande daterat den 6 februari 2020.
Protokollsanteckning
Lisa Ek (MP) anmäler protokollsanteckning, se bilaga 8.1 till detta protokoll.

§ 9 Budgetuppföljning
Dnr KS-2020/87.141
Kommunstyrelsens beslut
Budgetuppföljningen godkänns.
`;

const NOTE = `Bilaga 8.1
Protokollsanteckning
till kommunstyrelsens protokoll 2020-02-20, § 8
Vi vill att uppföljningen redovisas per stadsdel.
Lisa Ek (MP)
`;

const REPORT = `Tjänsteutlåtande
Kommunstyrelsens förvaltning
Datum 2020-02-06
Diarienummer KS-2020/42.142
Uppföljning av program för trygghet och säkerhet 2019
Förslag till beslut
Kommunstyrelsen godkänner uppföljningen.
Bilagor
Bilaga 1. Uppföljning av programmet 2019
`;

const REPORT_ATTACHMENT = `Bilaga 1 till tjänsteutlåtande 2020-02-06, Dnr KS-2020/42.142
Uppföljning av programmet 2019
Arbetet med trygghetsvandringar har fortsatt under året.
`;

let archive: TestArchive;

beforeEach(async () => {
  archive = await openTestArchive();
});

afterEach(async () => {
  await archive.close();
});

async function ingest(text: string, name: string): Promise<string> {
  const res = await request(archive.app).post("/api/documents").attach("file", Buffer.from(text), name);
  expect(res.status, name).toBe(202);
  const state = await archive.runtime.queue.waitFor(res.body.items[0].jobId);
  expect(state.status, `${name}: ${state.error}`).toBe("completed");
  return state.documentId as string;
}

async function links(id: string) {
  return (await request(archive.app).get(`/api/documents/${id}`)).body.links as {
    rel: string;
    documentId: string | null;
    paragraph: number | null;
    label: string | null;
  }[];
}

describe("links between records, whichever arrives first", () => {
  it("links a protokoll § and its bilaga when the protokoll comes first", async () => {
    const protocol = await ingest(PROTOCOL, "protokoll.txt");
    expect(await links(protocol)).toContainEqual({ rel: "attachment", documentId: null, paragraph: 8, label: "8.1" });
    const note = await ingest(NOTE, "bilaga-8-1.txt");
    expect(await links(protocol)).toContainEqual({ rel: "attachment", documentId: note, paragraph: 8, label: "8.1" });
    expect(await links(note)).toContainEqual({ rel: "attached-to", documentId: protocol, paragraph: 8, label: "8.1" });
  });

  it("links them the same way when the bilaga comes first, and shows the wait as unresolved", async () => {
    const note = await ingest(NOTE, "bilaga-8-1.txt");
    expect(await links(note)).toEqual([{ rel: "attached-to", documentId: null, paragraph: 8, label: "8.1" }]);
    const protocol = await ingest(PROTOCOL, "protokoll.txt");
    expect(await links(note)).toEqual([{ rel: "attached-to", documentId: protocol, paragraph: 8, label: "8.1" }]);
    expect(await links(protocol)).toContainEqual({ rel: "attachment", documentId: note, paragraph: 8, label: "8.1" });
  });

  it("resolves a decision's reference to a tjänsteutlåtande's bilaga when that bilaga arrives", async () => {
    const protocol = await ingest(PROTOCOL, "protokoll.txt");
    expect(await links(protocol)).toContainEqual({ rel: "references", documentId: null, paragraph: 8, label: "1" });
    const report = await ingest(REPORT, "tju.txt");
    const attachment = await ingest(REPORT_ATTACHMENT, "tju-bilaga-1.txt");
    expect(await links(protocol)).toContainEqual({
      rel: "references",
      documentId: attachment,
      paragraph: 8,
      label: "1",
    });
    expect(await links(report)).toContainEqual({
      rel: "attachment",
      documentId: attachment,
      paragraph: null,
      label: "1",
    });
    const own = await links(attachment);
    expect(own).toContainEqual({ rel: "attached-to", documentId: report, paragraph: null, label: "1" });
    // The bilaga's own heading is not a reference to itself.
    expect(own.filter((l) => l.rel === "references")).toEqual([]);
  });

  it("gathers the case from the staff report through the minutes to the attachments, oldest first", async () => {
    const protocol = await ingest(PROTOCOL, "protokoll.txt");
    const report = await ingest(REPORT, "tju.txt");
    const attachment = await ingest(REPORT_ATTACHMENT, "tju-bilaga-1.txt");
    const res = await request(archive.app).get("/api/cases").query({ dnr: "ks 2020/42" });
    expect(res.body.diarienummer).toBe("KS-2020/42");
    const entries = res.body.documents.map((d: { id: string; paragraph: number | null; date: string }) => [
      d.id,
      d.paragraph,
      d.date,
    ]);
    expect(entries).toEqual([
      [report, null, "2020-02-06"],
      [attachment, null, "2020-02-06"],
      [protocol, 8, "2020-02-20"],
    ]);
  });

  it("tells apart two municipalities' reports of the same day by their case numbers", async () => {
    const other = REPORT.replace("KS-2020/42.142", "KS-2020/311").replace("Uppföljning av program", "Översyn av taxor");
    const otherAttachment = REPORT_ATTACHMENT.replace("KS-2020/42.142", "KS-2020/311");
    const report = await ingest(REPORT, "tju.txt");
    const otherReport = await ingest(other, "annan-tju.txt");
    const attachment = await ingest(REPORT_ATTACHMENT, "tju-bilaga-1.txt");
    const otherBilaga = await ingest(otherAttachment, "annan-tju-bilaga-1.txt");
    expect(await links(attachment)).toContainEqual({
      rel: "attached-to",
      documentId: report,
      paragraph: null,
      label: "1",
    });
    expect(await links(otherBilaga)).toContainEqual({
      rel: "attached-to",
      documentId: otherReport,
      paragraph: null,
      label: "1",
    });
    const reportLinks = (await links(report)).filter((l) => l.rel === "attachment");
    expect(reportLinks).toEqual([{ rel: "attachment", documentId: attachment, paragraph: null, label: "1" }]);
  });

  it("keeps a bilaga attached to the protokoll, not to an extract that names it", async () => {
    const note = await ingest(NOTE, "bilaga-8-1.txt");
    const extract = await ingest(PROTOCOL.replace("Protokoll\n", "Protokollsutdrag\n"), "utdrag.txt");
    expect(await links(extract)).toContainEqual({ rel: "attachment", documentId: note, paragraph: 8, label: "8.1" });
    expect(await links(note)).toEqual([{ rel: "attached-to", documentId: null, paragraph: 8, label: "8.1" }]);
  });
});
