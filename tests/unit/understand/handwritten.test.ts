/**
 * Records written by hand in layouts neither the generator nor our real samples use: a
 * regionfullmäktige protokoll, a small municipality's utdrag, a kallelse with a dnr column, a
 * tjänsteskrivelse with a header block, a reservation as a bilaga, a 2006 protokoll with "(s)"
 * and a protokoll with "§ 43 Dnr KS 2019/318" on one line. Names are invented.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { understand } from "../../../indexer/understand/index.ts";
import type { Truth } from "../../../tools/generate/index.ts";

const dir = join(import.meta.dirname, "../../fixtures/handwritten");
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".txt"))
  .sort();
const people = (p: Pick<Truth["paragraphs"][number], "speakers" | "reservations" | "notes">) => ({
  speakers: p.speakers,
  reservations: p.reservations,
  notes: p.notes,
});

describe("hand-written records", () => {
  it("has a handful of them", () => {
    expect(files.length).toBeGreaterThanOrEqual(6);
  });

  describe.each(files)("%s", (file) => {
    const truth = JSON.parse(readFileSync(join(dir, `${file}.truth.json`), "utf8")) as Truth;
    const record = understand({ pages: [readFileSync(join(dir, file), "utf8")], filename: file });

    it("reads type, body and dates", () => {
      expect({
        type: record.type,
        body: record.body,
        meetingDate: record.meetingDate,
        documentDate: record.documentDate,
      }).toEqual({
        type: truth.type,
        body: truth.body,
        meetingDate: truth.meetingDate,
        documentDate: truth.documentDate,
      });
    });

    it("finds every diarienummer once, and nothing that only looks like one", () => {
      expect([...record.diarienummer].sort()).toEqual([...truth.diarienummer].sort());
    });

    it("finds the paragraphs with their titles and diarienummer", () => {
      const view = (p: { number: number; title: string | null; diarienummer: string[] }) => [
        p.number,
        p.title,
        p.diarienummer,
      ];
      expect(record.paragraphs.map(view)).toEqual(truth.paragraphs.map(view));
    });

    it("names who spoke, reserved themselves and entered a note in each paragraph", () => {
      expect(record.paragraphs.map(people)).toEqual(truth.paragraphs.map(people));
    });

    it("reads attendance and what a bilaga belongs to", () => {
      expect(record.attendees).toEqual(truth.attendees);
      expect(record.belongsTo).toEqual(truth.belongsTo);
    });
  });
});
