/**
 * Typed wrappers for the HTTP contract. Responses are normalised defensively:
 * a missing or odd field becomes null/[] instead of breaking the page an
 * official is working in.
 */

export interface Person {
  name: string;
  party: string | null;
  role: string | null;
}

export interface SearchHit {
  documentId: string;
  paragraph: number | null;
  title: string | null;
  type: string;
  body: string | null;
  date: string | null;
  diarienummer: string[];
  snippet: string;
  /** How many § (or pages) of the document match; the hit shows the best. */
  matches: number;
  /** The document's other matching § or pages, best first. */
  more: { paragraph: number | null; page: number | null; title: string | null }[];
}

export interface FacetValue {
  value: string;
  count: number;
}

export interface SearchResult {
  total: number;
  hits: SearchHit[];
  /** Facet name (type, body, year, ...) to values, most frequent first. */
  facets: Record<string, FacetValue[]>;
}

export interface SearchParams {
  q: string;
  type?: string;
  body?: string;
  dnr?: string;
  from?: string;
  to?: string;
  speaker?: string;
  party?: string;
  sort?: "relevance" | "newest" | "oldest";
  limit?: number;
  offset?: number;
}

export interface DocumentSummary {
  id: string;
  filename: string | null;
  type: string;
  title: string | null;
  body: string | null;
  date: string | null;
  diarienummer: string[];
}

export interface DocumentList {
  total: number;
  documents: DocumentSummary[];
}

export interface Paragraph {
  number: number | null;
  title: string | null;
  diarienummer: string[];
  speakers: Person[];
  reservations: Person[];
  notes: Person[];
  attachments: { label: string; title: string | null }[];
  /** The page the paragraph starts on, and its text, when the API sends them. */
  page: number | null;
  text: string | null;
}

export type LinkRel = "attachment" | "attached-to" | "references";

export interface DocumentLink {
  rel: string;
  documentId: string | null;
  paragraph: number | null;
  label: string | null;
}

export interface ArchiveDocument {
  id: string;
  filename: string | null;
  sha256: string | null;
  type: string;
  title: string | null;
  body: string | null;
  meetingDate: string | null;
  documentDate: string | null;
  diarienummer: string[];
  paragraphs: Paragraph[];
  attendees: Person[];
  links: DocumentLink[];
  /** Number of pages, when known. */
  pageCount: number | null;
  /** Text per page, when the API provides it (`pages: string[]` or `text`). */
  pageTexts: string[];
}

export interface CaseDocument {
  id: string;
  type: string;
  title: string | null;
  body: string | null;
  date: string | null;
  paragraph: number | null;
}

export interface CaseResult {
  diarienummer: string;
  documents: CaseDocument[];
}

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

/** What this browser may do: upload (`canWrite`), or upload once it gives a token (`tokenRequired`). */
export interface Session {
  canWrite: boolean;
  tokenRequired: boolean;
}

export type JobStatus = "waiting" | "active" | "completed" | "failed";

export interface JobState {
  id: string;
  status: JobStatus;
  documentId: string | null;
  /** The server's one-line reason, in English. */
  error: string | null;
  /** The stable rejection code (`damaged`, `timeout`, ...) when the server gives one. */
  errorCode: string | null;
}

/** One file's answer to an upload: queued as a job, already in the archive, or refused. */
export interface UploadAnswer {
  file: string;
  id: string | null;
  jobId: string | null;
  status: "waiting" | "active" | "completed" | "failed" | "exists";
  error: { code: string; message: string } | null;
}

/** An error the views can explain in Swedish; `status` 0 means no answer at all. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === "AbortError";
}

type Json = Record<string, unknown>;

function obj(value: unknown): Json {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : {};
}
function str(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  return null;
}
function num(value: unknown): number | null {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && /^\d+$/.test(value)) return Number(value);
  return null;
}
function arr(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
function strings(value: unknown): string[] {
  return arr(value)
    .map(str)
    .filter((s): s is string => s !== null && s !== "");
}

function person(value: unknown): Person {
  const o = obj(value);
  return { name: str(o.name) ?? "", party: str(o.party), role: str(o.role) };
}
function people(value: unknown): Person[] {
  return arr(value)
    .map(person)
    .filter((p) => p.name !== "");
}

/** Accepts `{protokoll: 3}` as well as `[{value, count}]`. */
function facetValues(value: unknown): FacetValue[] {
  const out: FacetValue[] = [];
  if (Array.isArray(value)) {
    for (const item of value) {
      const o = obj(item);
      const v = str(o.value ?? o.key ?? o.name);
      const c = num(o.count);
      if (v !== null && c !== null) out.push({ value: v, count: c });
    }
  } else {
    for (const [v, c] of Object.entries(obj(value))) {
      const n = num(c);
      if (n !== null) out.push({ value: v, count: n });
    }
  }
  return out.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value, "sv"));
}

function summary(value: unknown): DocumentSummary {
  const o = obj(value);
  return {
    id: str(o.id) ?? "",
    filename: str(o.filename),
    type: str(o.type) ?? "ovrigt",
    title: str(o.title),
    body: str(o.body),
    date: str(o.date) ?? str(o.meetingDate) ?? str(o.documentDate),
    diarienummer: strings(o.diarienummer),
  };
}

function paragraph(value: unknown): Paragraph {
  const o = obj(value);
  return {
    number: num(o.number),
    title: str(o.title),
    diarienummer: strings(o.diarienummer),
    speakers: people(o.speakers),
    reservations: people(o.reservations),
    notes: people(o.notes),
    attachments: arr(o.attachments)
      .map((a) => ({ label: str(obj(a).label) ?? "", title: str(obj(a).title) }))
      .filter((a) => a.label !== ""),
    page: num(o.page),
    text: str(o.text),
  };
}

function archiveDocument(value: unknown): ArchiveDocument {
  const o = obj(value);
  const pages = o.pages;
  const pageText = (p: unknown): string => str(p) ?? str(obj(p).text) ?? "";
  let pageTexts: string[] = [];
  if (Array.isArray(pages)) pageTexts = pages.map(pageText);
  else if (Array.isArray(o.text)) pageTexts = o.text.map(pageText);
  else if (typeof o.text === "string" && o.text !== "") pageTexts = o.text.split("\f");
  return {
    id: str(o.id) ?? "",
    filename: str(o.filename),
    sha256: str(o.sha256),
    type: str(o.type) ?? "ovrigt",
    title: str(o.title),
    body: str(o.body),
    meetingDate: str(o.meetingDate),
    documentDate: str(o.documentDate),
    diarienummer: strings(o.diarienummer),
    paragraphs: arr(o.paragraphs).map(paragraph),
    attendees: people(o.attendees),
    links: arr(o.links).map((l) => {
      const link = obj(l);
      return {
        rel: str(link.rel) ?? "references",
        documentId: str(link.documentId),
        paragraph: num(link.paragraph),
        label: str(link.label),
      };
    }),
    pageCount: num(pages) ?? num(o.pageCount) ?? (Array.isArray(pages) ? pages.length : null),
    pageTexts,
  };
}

async function getJson(path: string, signal?: AbortSignal, headers: Record<string, string> = {}): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { Accept: "application/json", ...headers }, signal });
  } catch (error) {
    if (isAbort(error)) throw error;
    throw new ApiError(0, "network", "Servern svarar inte");
  }
  let payload: unknown = null;
  const isJson = (response.headers.get("content-type") ?? "").includes("json");
  try {
    payload = isJson ? await response.json() : null;
  } catch (error) {
    if (isAbort(error)) throw error;
    payload = null;
  }
  if (!response.ok) {
    const err = obj(obj(payload).error);
    throw new ApiError(
      response.status,
      str(err.code) ?? `http_${response.status}`,
      str(err.message) ?? response.statusText,
    );
  }
  if (!isJson) throw new ApiError(response.status, "bad_response", "Oväntat svar från servern");
  return payload;
}

function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== "") search.set(key, String(value));
  }
  return search.toString();
}

export async function search(params: SearchParams, signal?: AbortSignal): Promise<SearchResult> {
  const o = obj(await getJson(`/api/search?${query({ ...params })}`, signal));
  const hits = arr(o.hits).map((value): SearchHit => {
    const hit = obj(value);
    return {
      documentId: str(hit.documentId) ?? str(hit.id) ?? "",
      paragraph: num(hit.paragraph),
      title: str(hit.title),
      type: str(hit.type) ?? "ovrigt",
      body: str(hit.body),
      date: str(hit.date),
      diarienummer: strings(hit.diarienummer),
      snippet: str(hit.snippet) ?? "",
      matches: num(hit.matches) ?? 1,
      more: arr(hit.more).map((m) => {
        const o = obj(m);
        return { paragraph: num(o.paragraph), page: num(o.page), title: str(o.title) };
      }),
    };
  });
  const facets: Record<string, FacetValue[]> = {};
  for (const [name, values] of Object.entries(obj(o.facets))) {
    const list = facetValues(values);
    if (list.length > 0) facets[name] = list;
  }
  return { total: num(o.total) ?? hits.length, hits, facets };
}

export async function listDocuments(
  params: { limit?: number; offset?: number },
  signal?: AbortSignal,
): Promise<DocumentList> {
  const o = obj(await getJson(`/api/documents?${query(params)}`, signal));
  const documents = arr(o.documents).map(summary);
  return { total: num(o.total) ?? documents.length, documents };
}

export async function getDocument(id: string, signal?: AbortSignal): Promise<ArchiveDocument> {
  return archiveDocument(await getJson(`/api/documents/${encodeURIComponent(id)}`, signal));
}

/** The original file is downloaded by the browser itself; this is its address. */
export function documentFileUrl(id: string): string {
  return `/api/documents/${encodeURIComponent(id)}/file`;
}

export async function getCase(dnr: string, signal?: AbortSignal): Promise<CaseResult> {
  const o = obj(await getJson(`/api/cases?${query({ dnr })}`, signal));
  return {
    diarienummer: str(o.diarienummer) ?? dnr,
    documents: arr(o.documents).map((value): CaseDocument => {
      const d = obj(value);
      return {
        id: str(d.id) ?? "",
        type: str(d.type) ?? "ovrigt",
        title: str(d.title),
        body: str(d.body),
        date: str(d.date),
        paragraph: num(d.paragraph),
      };
    }),
  };
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

function bearer(token: string | null): Record<string, string> {
  return token ? { Authorization: `Bearer ${token}` } : {};
}

/** Whether this browser, with this token, may upload. */
export async function getSession(token: string | null, signal?: AbortSignal): Promise<Session> {
  const o = obj(await getJson("/api/session", signal, bearer(token)));
  return { canWrite: o.canWrite === true, tokenRequired: o.tokenRequired === true };
}

export async function getJob(id: string, signal?: AbortSignal): Promise<JobState> {
  const o = obj(await getJson(`/api/jobs/${encodeURIComponent(id)}`, signal));
  const status = str(o.status);
  return {
    id: str(o.id) ?? id,
    status: status === "active" || status === "completed" || status === "failed" ? status : "waiting",
    documentId: str(o.documentId),
    error: str(o.error),
    errorCode: str(o.errorCode),
  };
}

function uploadAnswer(value: unknown, file: string): UploadAnswer | null {
  const o = obj(value);
  const status = str(o.status);
  if (
    status !== "waiting" &&
    status !== "active" &&
    status !== "completed" &&
    status !== "failed" &&
    status !== "exists"
  )
    return null;
  const error = obj(o.error);
  return {
    file: str(o.file) ?? file,
    id: str(o.id),
    jobId: str(o.jobId),
    status,
    error: status === "failed" ? { code: str(error.code) ?? "rejected", message: str(error.message) ?? "" } : null,
  };
}

export interface Upload {
  /** The file's answer; rejects with ApiError when the request as a whole failed (network, token, server). */
  done: Promise<UploadAnswer>;
  abort(): void;
}

/**
 * Sends one file as `POST /api/documents`. XMLHttpRequest rather than fetch,
 * because only it reports upload progress. A file the archive refuses (422,
 * 413 with `items`) is an answer, not an error: it belongs to that file.
 */
export function uploadFile(
  file: File,
  options: { token: string | null; onProgress?: (loaded: number, total: number) => void },
): Upload {
  const xhr = new XMLHttpRequest();
  const done = new Promise<UploadAnswer>((resolve, reject) => {
    xhr.open("POST", "/api/documents");
    xhr.setRequestHeader("Accept", "application/json");
    for (const [name, value] of Object.entries(bearer(options.token))) xhr.setRequestHeader(name, value);
    xhr.responseType = "text";
    xhr.upload.addEventListener("progress", (event) => {
      options.onProgress?.(event.loaded, event.lengthComputable ? event.total : file.size);
    });
    xhr.addEventListener("load", () => {
      let payload: unknown = null;
      try {
        payload = JSON.parse(xhr.responseText);
      } catch {
        payload = null;
      }
      const body = obj(payload);
      const answer = uploadAnswer(arr(body.items)[0], file.name);
      if (answer && (xhr.status === 202 || xhr.status === 200 || answer.status === "failed")) return resolve(answer);
      const err = obj(body.error);
      const code = str(err.code) ?? `http_${xhr.status}`;
      // A refusal without items (the size limit hit while reading the form) still concerns this file.
      if (xhr.status === 413 || xhr.status === 422) {
        return resolve({
          file: file.name,
          id: null,
          jobId: null,
          status: "failed",
          error: { code: xhr.status === 413 ? "too_large" : code, message: str(err.message) ?? "" },
        });
      }
      reject(new ApiError(xhr.status, code, str(err.message) ?? xhr.statusText));
    });
    xhr.addEventListener("error", () => reject(new ApiError(0, "network", "Servern svarar inte")));
    xhr.addEventListener("abort", () => reject(new DOMException("Uppladdningen avbröts", "AbortError")));
    const form = new FormData();
    form.append("file", file, file.name);
    xhr.send(form);
  });
  return { done, abort: () => xhr.abort() };
}
