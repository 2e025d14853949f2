import type { StoredDocument } from "../archive/archive.ts";
import { stripControls } from "./snippet.ts";

/** What one search row covers: a §, a page, or a protokoll's header before its first §. */
export interface Chunk {
  paragraph: number | null;
  /** 1-based page for page chunks; null for § and header chunks. */
  page: number | null;
  title: string | null;
  text: string;
  diarienummer: string[];
  people: { name: string; party: string | null }[];
}

/**
 * One chunk per §, so a hit names its § and a long protokoll does not drown
 * a short utdrag; records without § get one chunk per page.
 */
export function chunksOf(doc: StoredDocument): Chunk[] {
  const { record } = doc;
  if (record.paragraphs.length === 0) {
    return doc.pages.map((text, i) => ({
      paragraph: null,
      page: i + 1,
      title: record.title,
      text: stripControls(text),
      diarienummer: record.diarienummer,
      people: [],
    }));
  }
  const header = doc.pages[0] ?? "";
  const firstParagraphStart = header.search(/§\s*\d/);
  // A case named in a § is found through that §; the header keeps only cases no § names.
  const inParagraphs = new Set(record.paragraphs.flatMap((p) => p.diarienummer));
  const chunks: Chunk[] = [
    {
      paragraph: null,
      page: null,
      title: record.title,
      text: stripControls(firstParagraphStart > 0 ? header.slice(0, firstParagraphStart) : header),
      diarienummer: record.diarienummer.filter((d) => !inParagraphs.has(d)),
      people: [],
    },
  ];
  for (const p of record.paragraphs) {
    const seen = new Set<string>();
    const people: Chunk["people"] = [];
    for (const person of [...p.speakers, ...p.reservations, ...p.notes]) {
      const key = `${person.name}|${person.party ?? ""}`;
      if (seen.has(key)) continue;
      seen.add(key);
      people.push({ name: person.name, party: person.party });
    }
    chunks.push({
      paragraph: p.number,
      page: null,
      title: p.title,
      text: stripControls(p.text),
      diarienummer: p.diarienummer,
      people,
    });
  }
  return chunks;
}
