/**
 * The HTTP client under every resource: one way to ask for JSON and to turn a
 * failure into an ApiError, and the defensive readers that make a missing or
 * odd field null/[] instead of breaking the page an official is working in.
 */

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

export function obj(value: unknown): Json {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : {};
}
export function str(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  return null;
}
export function num(value: unknown): number | null {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && /^\d+$/.test(value)) return Number(value);
  return null;
}
export function arr(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
export function strings(value: unknown): string[] {
  return arr(value)
    .map(str)
    .filter((s): s is string => s !== null && s !== "");
}

export function getJson(path: string, signal?: AbortSignal, headers: Record<string, string> = {}): Promise<unknown> {
  return requestJson("GET", path, signal, headers);
}

/** A POST without a body (an action on a resource), answered with JSON. */
export function postJson(path: string, signal?: AbortSignal, headers: Record<string, string> = {}): Promise<unknown> {
  return requestJson("POST", path, signal, headers);
}

/** A JSON body sent, JSON (or nothing: 204) answered: the sign-in. */
export function sendJson(
  method: "POST" | "DELETE",
  path: string,
  body: unknown,
  signal?: AbortSignal,
): Promise<unknown> {
  return requestJson(method, path, signal, {}, body);
}

async function requestJson(
  method: "GET" | "POST" | "DELETE",
  path: string,
  signal: AbortSignal | undefined,
  headers: Record<string, string>,
  body?: unknown,
): Promise<unknown> {
  let response: Response;
  try {
    const init: RequestInit = { method, headers: { Accept: "application/json", ...headers }, signal };
    if (body !== undefined) {
      init.headers = { ...init.headers, "Content-Type": "application/json" };
      init.body = JSON.stringify(body);
    }
    response = await fetch(path, init);
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
  if (response.status === 204) return null;
  if (!isJson) throw new ApiError(response.status, "bad_response", "Oväntat svar från servern");
  return payload;
}

export function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== "") search.set(key, String(value));
  }
  return search.toString();
}

export function bearer(token: string | null): Record<string, string> {
  return token ? { Authorization: `Bearer ${token}` } : {};
}
