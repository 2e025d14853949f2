import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import type { TextExtractor } from "../extract/index.ts";
import type { RecordData } from "../model.ts";
import { extractRecord } from "../pipeline.ts";

/** The `extract` output of the contract, plus what else a reader needs (pages, links). */
export function presentRecord(file: string, pages: number, record: RecordData) {
  return {
    file,
    type: record.type,
    title: record.title,
    body: record.body,
    meetingDate: record.meetingDate,
    documentDate: record.documentDate,
    diarienummer: record.diarienummer,
    paragraphs: record.paragraphs.map((p) => ({
      number: p.number,
      title: p.title,
      diarienummer: p.diarienummer,
      speakers: p.speakers,
      reservations: p.reservations,
      notes: p.notes,
      attachments: p.attachments,
    })),
    attendees: record.attendees,
    pages,
    caseNumbers: record.caseNumbers,
    attachments: record.attachments,
    belongsTo: record.belongsTo,
    references: record.references,
  };
}

export async function runExtract(extractor: TextExtractor, path: string): Promise<void> {
  const bytes = await readFile(path);
  const { text, record } = await extractRecord(extractor, bytes, basename(path));
  process.stdout.write(`${JSON.stringify(presentRecord(basename(path), text.pages.length, record), null, 2)}\n`);
}
