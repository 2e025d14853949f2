import type { StoredDocument } from "../indexer/archive/archive.ts";
import type { Link } from "../indexer/model.ts";
import { presentParagraph, presentRecord } from "../indexer/present.ts";

/** What leaves the server about one document: the extract fields plus identity, texts and links. */
export function presentDocument(doc: StoredDocument, links: Link[]) {
  const { file: _file, ...record } = presentRecord(doc.filename, doc.pages.length, doc.record);
  return {
    id: doc.id,
    filename: doc.filename,
    sha256: doc.sha256,
    size: doc.size,
    format: doc.format,
    ingestedAt: doc.ingestedAt,
    ...record,
    paragraphs: doc.record.paragraphs.map((p) => ({ ...presentParagraph(p), page: p.page, text: p.text })),
    links,
    text: doc.pages,
  };
}
