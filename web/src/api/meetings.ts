/** Meetings (sammanträden): one body's records of one day, and the list of meetings. */

import { arr, getJson, num, obj, query, str, strings } from "./http.ts";

export interface MeetingParagraph {
  number: number | null;
  title: string | null;
  diarienummer: string[];
}

export interface MeetingDocument {
  id: string;
  type: string;
  title: string | null;
  filename: string | null;
  body: string | null;
  paragraphs: MeetingParagraph[];
  /** For a bilaga: its label ("8.1") and the § it belongs to. */
  label: string | null;
  paragraph: number | null;
}

export interface Meeting {
  body: string;
  date: string;
  documents: MeetingDocument[];
}

export interface MeetingSummary {
  body: string;
  date: string;
  documentCount: number;
  types: string[];
}

export interface MeetingList {
  total: number;
  meetings: MeetingSummary[];
}

function meetingDocument(value: unknown): MeetingDocument {
  const d = obj(value);
  return {
    id: str(d.id) ?? "",
    type: str(d.type) ?? "ovrigt",
    title: str(d.title),
    filename: str(d.filename),
    body: str(d.body),
    paragraphs: arr(d.paragraphs).map((p) => {
      const o = obj(p);
      return { number: num(o.number), title: str(o.title), diarienummer: strings(o.diarienummer) };
    }),
    label: str(d.label),
    paragraph: num(d.paragraph),
  };
}

export async function getMeeting(body: string, date: string, signal?: AbortSignal): Promise<Meeting> {
  const o = obj(await getJson(`/api/meetings?${query({ body, date })}`, signal));
  return {
    body: str(o.body) ?? body,
    date: str(o.date) ?? date,
    documents: arr(o.documents)
      .map(meetingDocument)
      .filter((d) => d.id !== ""),
  };
}

export async function listMeetings(
  params: { body?: string; limit?: number; offset?: number },
  signal?: AbortSignal,
): Promise<MeetingList> {
  const o = obj(await getJson(`/api/meetings?${query(params)}`, signal));
  const meetings = arr(o.meetings)
    .map((value): MeetingSummary => {
      const m = obj(value);
      return {
        body: str(m.body) ?? "",
        date: str(m.date) ?? "",
        documentCount: num(m.documentCount) ?? 0,
        types: strings(m.types),
      };
    })
    .filter((m) => m.body !== "" && m.date !== "");
  return { total: num(o.total) ?? meetings.length, meetings };
}
