import type { Paragraph, RecordData } from "./model.ts";

/** A paragraph as the contract shows it: without its text, which can be long. */
export function presentParagraph(p: Paragraph) {
  return {
    number: p.number,
    title: p.title,
    diarienummer: p.diarienummer,
    speakers: p.speakers,
    reservations: p.reservations,
    notes: p.notes,
    attachments: p.attachments,
  };
}

/**
 * The `extract` output of the contract, plus what else a reader needs: the
 * page count, every number as written, and what a bilaga belongs to. The CLI
 * prints it; the API builds its document view on it.
 */
export function presentRecord(file: string, pages: number, record: RecordData) {
  return {
    file,
    type: record.type,
    title: record.title,
    body: record.body,
    meetingDate: record.meetingDate,
    documentDate: record.documentDate,
    diarienummer: record.diarienummer,
    paragraphs: record.paragraphs.map(presentParagraph),
    attendees: record.attendees,
    pages,
    caseNumbers: record.caseNumbers,
    attachments: record.attachments,
    belongsTo: record.belongsTo,
    references: record.references,
  };
}
