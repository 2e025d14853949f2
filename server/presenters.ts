import type { StoredDocument } from "../indexer/archive/archive.ts";
import { presentRecord } from "../indexer/cli/extract.ts";
import type { Link } from "../indexer/model.ts";

/** What leaves the server about one document: the extract fields plus identity, pages and links. */
export function presentDocument(doc: StoredDocument, links: Link[]) {
  const { file: _file, pages: _pageCount, ...record } = presentRecord(doc.filename, doc.pages.length, doc.record);
  return {
    id: doc.id,
    filename: doc.filename,
    sha256: doc.sha256,
    size: doc.size,
    format: doc.format,
    pages: doc.pages.length,
    ingestedAt: doc.ingestedAt,
    ...record,
    paragraphs: doc.record.paragraphs.map((p) => ({
      number: p.number,
      title: p.title,
      diarienummer: p.diarienummer,
      speakers: p.speakers,
      reservations: p.reservations,
      notes: p.notes,
      attachments: p.attachments,
      page: p.page,
      text: p.text,
    })),
    links,
    text: doc.pages,
  };
}
