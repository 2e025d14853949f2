import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.ts";
import { buildDocx, buildPdf, PROTOCOL_LINES } from "../helpers/files.ts";

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "archive-cli-"));
  await mkdir(join(dir, "in", "2020"), { recursive: true });
  await writeFile(join(dir, "in", "2020", "protokoll.pdf"), await buildPdf([PROTOCOL_LINES]));
  await writeFile(
    join(dir, "in", "beslut.docx"),
    await buildDocx(["Protokollsutdrag", "Kommunstyrelsen", "§ 12 Detaljplan för Norra Ängby", "Dnr KS 2019/318"]),
  );
  await writeFile(join(dir, "in", "trasig.pdf"), "<html>Inte en PDF</html>");
  await writeFile(join(dir, "in", "Thumbs.db"), Buffer.alloc(64));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("archive extract", () => {
  it("prints one JSON object with the contract's fields", async () => {
    const r = await runCli(["extract", join(dir, "in", "2020", "protokoll.pdf")]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({
      file: "protokoll.pdf",
      type: "protokoll",
      meetingDate: "2020-02-20",
      documentDate: null,
      diarienummer: ["KS-2020/42.142", "KS-2020/87.141"],
    });
    expect(json.paragraphs.map((p: { number: number }) => p.number)).toEqual([8, 9]);
    expect(Object.keys(json.paragraphs[0])).toEqual(
      expect.arrayContaining(["number", "title", "diarienummer", "speakers", "reservations", "notes", "attachments"]),
    );
    expect(json.attendees).toEqual(expect.any(Array));
  });

  it("refuses a disguised file with a one-line reason and a non-zero exit", async () => {
    const r = await runCli(["extract", join(dir, "in", "trasig.pdf")]);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("HTML");
  });

  it("says so when the file does not exist", async () => {
    const r = await runCli(["extract", join(dir, "missing.pdf")]);
    expect(r.code).not.toBe(0);
    expect(r.stderr.trim()).toMatch(/^archive: no such file: .*missing\.pdf$/);
  });
});

describe("archive ingest", () => {
  it("adds a folder recursively, reports each file as JSON, and fails the run for a bad file", async () => {
    const env = { ARCHIVE_DATA_DIR: join(dir, "data") };
    const first = await runCli(["ingest", "--json", join(dir, "in")], env);
    expect(first.code).toBe(1);
    const lines = first.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    const byName = Object.fromEntries(lines.map((l) => [l.file.split("/").pop(), l]));
    expect(Object.keys(byName).sort()).toEqual(["beslut.docx", "protokoll.pdf", "trasig.pdf"]);
    expect(byName["protokoll.pdf"]).toMatchObject({ status: "added", id: expect.stringMatching(/^[0-9a-f]{16}$/) });
    expect(byName["beslut.docx"]).toMatchObject({ status: "added" });
    expect(byName["trasig.pdf"]).toMatchObject({ status: "failed", id: null, error: expect.stringContaining("HTML") });

    const again = await runCli(["ingest", "--json", join(dir, "in", "2020"), join(dir, "in", "beslut.docx")], env);
    expect(again.code).toBe(0);
    const second = again.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(second.map((l) => l.status)).toEqual(["exists", "exists"]);
    expect(second.find((l) => l.file.endsWith("protokoll.pdf")).id).toBe(byName["protokoll.pdf"].id);
  });

  it("ends with a readable summary without --json", async () => {
    const r = await runCli(["ingest", join(dir, "in")], { ARCHIVE_DATA_DIR: join(dir, "data2") });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("added 2, already there 0, failed 1");
    expect(r.stdout).toMatch(/failed: .*trasig\.pdf: the file is named \.pdf but is an HTML page/);
    expect(r.stdout).toContain("skipped files that are not records (PDF, DOCX, .txt): 1 .db");
  });
});
