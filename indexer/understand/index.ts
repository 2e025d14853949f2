/**
 * The understanding stage: page texts of one record → what the record is and says.
 * Pure: no I/O, no state; every part can be tested on a hand-written text.
 */
import type { Paragraph, Person, RecordData } from "../model.ts";
import { findAttachmentList, findAttachments, findBelongsTo } from "./attachments.ts";
import { findAttendees, isDeciding } from "./attendees.ts";
import { detectBody } from "./body.ts";
import { findCaseNumbers } from "./diarienummer.ts";
import { detectType } from "./doctype.ts";
import { buildTitle, detectDocumentDate, detectMeetingDate, detectNoticeDate, detectRange } from "./header.ts";
import { headerLines, normalize } from "./normalize.ts";
import { findParagraphs } from "./paragraphs.ts";
import { findNotes, findReservations, findSpeakers } from "./people.ts";
import { findReferences } from "./references.ts";
import { findSensitive } from "./sensitive.ts";
import { TOC_MARKER } from "./toc.ts";

export { canonicalize, caseKey, findCaseNumbers } from "./diarienummer.ts";

const WITH_PARAGRAPHS = new Set(["protokoll", "protokollsutdrag"]);

/**
 * People in the paragraphs written as the attendance list writes them: a text layer that drops the
 * hyphen of "Anna-Karin" in running text keeps it in the list, where the name stands on its own.
 */
function spellingsOf(attendees: Person[]): (people: Person[]) => Person[] {
  const key = (name: string) => name.replace(/[-\s]/g, "").toLowerCase();
  const names = new Map(attendees.map((a) => [key(a.name), a.name]));
  return (people) => {
    for (const p of people) p.name = names.get(key(p.name)) ?? p.name;
    return people;
  };
}

/** Full ISO dates the record (and its file name) carries, to complete one the text layer cut short. */
function knownDates(text: string, fileDate: string | null): string[] {
  const found = text.match(/(?:19|20)\d\d-[01]\d-[0-3]\d(?!\d)/g) ?? [];
  return fileDate ? [fileDate, ...found] : found;
}

/**
 * Understand one record from its page texts. The filename is a last resort for the date
 * when the text names none (many archives name files after the meeting).
 */
export function understand(input: { pages: string[]; filename: string }): RecordData {
  const header = headerLines(input.pages);
  const lines = normalize(input.pages);
  const texts = lines.map((l) => l.text);
  const fullText = texts.join("\n");
  const type = detectType(header, fullText);
  const caseNumbers = findCaseNumbers(fullText);
  const belongsTo = type === "bilaga" ? findBelongsTo(texts.filter(Boolean)) : null;

  const range = WITH_PARAGRAPHS.has(type) ? detectRange(texts.slice(0, 200)) : null;
  const slices = WITH_PARAGRAPHS.has(type) ? findParagraphs(lines, range) : [];
  const headerEnd = slices[0]?.start ?? lines.length;
  const tocStart = texts.findIndex((t) => TOC_MARKER.test(t));
  const attendanceText = texts.slice(0, tocStart >= 0 && tocStart < headerEnd ? tocStart : headerEnd).join("\n");
  const attendees = WITH_PARAGRAPHS.has(type) ? findAttendees(attendanceText) : [];
  const spelled = spellingsOf(attendees);
  const paragraphs: Paragraph[] = slices.map((s) => {
    const text = texts
      .slice(s.start, s.end)
      .join("\n")
      .replace(/\n{3,}/g, "\n\n")
      .trim();
    return {
      number: s.number,
      title: s.title,
      diarienummer: s.diarienummer,
      speakers: spelled(findSpeakers(text)),
      reservations: spelled(findReservations(text, attendees.filter(isDeciding))),
      notes: spelled(findNotes(text)),
      attachments: findAttachments(text),
      text,
      page: s.page,
    };
  });
  const references = paragraphs.flatMap((p) => findReferences(p.text, p.diarienummer[0] ?? null, p.number));
  if (paragraphs.length === 0) references.push(...findReferences(fullText, caseNumbers[0]?.canonical ?? null, null));

  const isMeeting = type === "protokoll" || type === "protokollsutdrag" || type === "kallelse";
  const fileDate = /((?:19|20)\d\d)-(\d\d)-(\d\d)/.exec(input.filename)?.[0] ?? null;

  const known = knownDates(fullText, fileDate);
  let meetingDate = isMeeting ? (detectMeetingDate(header, known) ?? fileDate) : null;
  let documentDate =
    type === "tjansteutlatande" || type === "ovrigt"
      ? detectDocumentDate(header, known)
      : type === "kallelse"
        ? detectNoticeDate(header, known)
        : null;
  if (belongsTo) {
    meetingDate = belongsTo.meetingDate;
    documentDate = belongsTo.documentDate;
  }
  const body = type === "bilaga" ? (belongsTo?.body ?? null) : detectBody(header, type);
  const nonBlank = texts.filter(Boolean);

  return {
    type,
    title: buildTitle(
      type,
      body,
      meetingDate ?? documentDate,
      texts,
      paragraphs.map((p) => p.number),
    ),
    body,
    meetingDate,
    documentDate,
    diarienummer: caseNumbers.map((c) => c.canonical),
    caseNumbers,
    paragraphs,
    attendees,
    belongsTo,
    attachments: type === "tjansteutlatande" ? findAttachmentList(nonBlank) : [],
    references,
    sensitive: findSensitive(input.pages),
  };
}
