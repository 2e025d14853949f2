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

async function getJson(path: string, signal?: AbortSignal): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { Accept: "application/json" }, signal });
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
