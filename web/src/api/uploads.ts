/** Writing to the archive: may this browser upload, sending one file, and following its job. */

import { ApiError, arr, getJson, obj, str } from "./http.ts";

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
export function uploadFile(file: File, options: { onProgress?: (loaded: number, total: number) => void }): Upload {
  const xhr = new XMLHttpRequest();
  const done = new Promise<UploadAnswer>((resolve, reject) => {
    xhr.open("POST", "/api/documents");
    xhr.setRequestHeader("Accept", "application/json");
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
