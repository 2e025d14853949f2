/**
 * The upload view's state machine, one item per file. Pure: the view feeds it
 * events (sending started, progress, the server's answer, a job's state) and
 * renders what it returns; timers and requests live in the view. Every text
 * here is what an official reads, so reasons are Swedish and say what to do.
 *
 *   queued → uploading → waiting → active → completed
 *                     ↘ exists (the same file was archived before)
 *   any step → failed (retry puts a failure that may pass next time back in the queue)
 */

export type Phase = "queued" | "uploading" | "waiting" | "active" | "completed" | "exists" | "failed";

export interface Failure {
  /** Swedish: what went wrong and what to do. */
  reason: string;
  /** The server's own one-line message (English, technical), shown as a detail. */
  detail: string | null;
  code: string | null;
  /** Whether sending the file again may succeed (network, server, token), unlike a refused file. */
  retryable: boolean;
  /** The request lacked a valid API token. */
  needsToken: boolean;
}

export interface UploadItem {
  key: number;
  name: string;
  size: number;
  phase: Phase;
  /** Bytes sent so far. */
  loaded: number;
  jobId: string | null;
  documentId: string | null;
  failure: Failure | null;
  /** Job polls so far, and when the next may run (ms since epoch). */
  polls: number;
  nextPollAt: number;
}

export type UploadEvent =
  | { type: "start" }
  | { type: "progress"; loaded: number; total: number }
  | {
      type: "answer";
      answer: {
        status: "waiting" | "active" | "completed" | "failed" | "exists";
        id: string | null;
        jobId: string | null;
        error: { code: string; message: string } | null;
      };
      now: number;
    }
  | { type: "requestFailed"; status: number; code: string; message: string }
  | {
      type: "job";
      job: {
        status: "waiting" | "active" | "completed" | "failed";
        documentId: string | null;
        error: string | null;
        errorCode: string | null;
      };
      now: number;
    }
  | { type: "pollFailed"; status: number; now: number }
  | { type: "retry" };

/** Files sent at once: enough to keep the line busy, few enough that each shows its own progress. */
export const UPLOAD_CONCURRENCY = 3;
/** Job states asked for at once, so a batch of hundreds does not flood the server. */
export const POLL_CONCURRENCY = 4;

export function createItems(files: readonly { name: string; size: number }[], firstKey: number): UploadItem[] {
  return files.map((f, i) => ({
    key: firstKey + i,
    name: f.name,
    size: f.size,
    phase: "queued",
    loaded: 0,
    jobId: null,
    documentId: null,
    failure: null,
    polls: 0,
    nextPollAt: 0,
  }));
}

/** Waits between job polls: quick at first (most files are read in seconds), then calmer. */
export function pollDelay(polls: number): number {
  if (polls < 10) return 1000;
  if (polls < 40) return 2500;
  return 5000;
}

export function reduce(item: UploadItem, event: UploadEvent): UploadItem {
  switch (event.type) {
    case "start":
      return item.phase === "queued" ? { ...item, phase: "uploading", loaded: 0, failure: null } : item;
    case "progress":
      if (item.phase !== "uploading") return item;
      return { ...item, loaded: Math.min(event.loaded, event.total || item.size), size: event.total || item.size };
    case "answer": {
      const { answer } = event;
      if (answer.status === "failed") {
        return {
          ...item,
          phase: "failed",
          failure: rejection(answer.error?.code ?? null, answer.error?.message ?? null),
        };
      }
      const base = { ...item, loaded: item.size, documentId: answer.id, jobId: answer.jobId };
      if (answer.status === "exists") return { ...base, phase: "exists" };
      if (answer.status === "completed") return { ...base, phase: "completed" };
      if (!answer.jobId) return { ...base, phase: "failed", failure: lostJob() };
      return { ...base, phase: answer.status, polls: 0, nextPollAt: event.now + pollDelay(0) };
    }
    case "requestFailed":
      return { ...item, phase: "failed", loaded: 0, failure: requestFailure(event.status, event.code, event.message) };
    case "job": {
      if (item.phase !== "waiting" && item.phase !== "active") return item;
      const polls = item.polls + 1;
      const { job } = event;
      if (job.status === "completed")
        return { ...item, phase: "completed", documentId: job.documentId ?? item.documentId, polls };
      if (job.status === "failed") {
        return { ...item, phase: "failed", polls, failure: readFailure(job.errorCode, job.error) };
      }
      return { ...item, phase: job.status, polls, nextPollAt: event.now + pollDelay(polls) };
    }
    case "pollFailed": {
      if (item.phase !== "waiting" && item.phase !== "active") return item;
      // The job is gone (e.g. the server restarted on another archive): asking again cannot help.
      if (event.status === 404) return { ...item, phase: "failed", failure: lostJob() };
      const polls = item.polls + 1;
      return { ...item, polls, nextPollAt: event.now + Math.max(pollDelay(polls), 3000) };
    }
    case "retry":
      if (item.phase !== "failed" || !item.failure?.retryable) return item;
      return { ...item, phase: "queued", loaded: 0, failure: null, jobId: null, documentId: null, polls: 0 };
  }
}

/** Which queued files to send now, in the order they were added. */
export function toStart(items: readonly UploadItem[], concurrency = UPLOAD_CONCURRENCY): number[] {
  const sending = items.filter((i) => i.phase === "uploading").length;
  return items
    .filter((i) => i.phase === "queued")
    .slice(0, Math.max(0, concurrency - sending))
    .map((i) => i.key);
}

/** Which jobs to ask about now: due ones, the longest waiting first, a few at a time. */
export function duePolls(
  items: readonly UploadItem[],
  now: number,
  inFlight: ReadonlySet<number>,
  max = POLL_CONCURRENCY,
): number[] {
  return items
    .filter(
      (i) => (i.phase === "waiting" || i.phase === "active") && i.jobId && !inFlight.has(i.key) && i.nextPollAt <= now,
    )
    .sort((a, b) => a.nextPollAt - b.nextPollAt || a.key - b.key)
    .slice(0, Math.max(0, max - inFlight.size))
    .map((i) => i.key);
}

/** When the next poll is due, or null when no job waits for one (jobs being asked about are not waiting). */
export function nextPollAt(items: readonly UploadItem[], inFlight: ReadonlySet<number> = new Set()): number | null {
  let next: number | null = null;
  for (const i of items) {
    const pending = (i.phase === "waiting" || i.phase === "active") && i.jobId && !inFlight.has(i.key);
    if (pending && (next === null || i.nextPollAt < next)) {
      next = i.nextPollAt;
    }
  }
  return next;
}

export function isFinished(item: UploadItem): boolean {
  return item.phase === "completed" || item.phase === "exists" || item.phase === "failed";
}

export interface Tally {
  total: number;
  /** Searchable now: read in, or in the archive already. */
  done: number;
  failed: number;
  pending: number;
}

export function tally(items: readonly UploadItem[]): Tally {
  const done = items.filter((i) => i.phase === "completed" || i.phase === "exists").length;
  const failed = items.filter((i) => i.phase === "failed").length;
  return { total: items.length, done, failed, pending: items.length - done - failed };
}

function files(n: number): string {
  return n === 1 ? "1 fil" : `${n.toLocaleString("sv-SE")} filer`;
}

/** One line about the whole batch, for the page and for screen readers. */
export function summaryText(t: Tally): string {
  if (t.total === 0) return "Inga filer valda.";
  const parts = [`${t.done.toLocaleString("sv-SE")} av ${files(t.total)} klara`];
  if (t.failed > 0) parts.push(`${t.failed.toLocaleString("sv-SE")} misslyckades`);
  if (t.pending > 0) parts.push(`${t.pending.toLocaleString("sv-SE")} pågår`);
  return `${parts.join(", ")}.`;
}

/** The status of one file as the list shows it. */
export function phaseText(item: UploadItem): string {
  switch (item.phase) {
    case "queued":
      return "Väntar på att skickas";
    case "uploading":
      return item.size > 0 ? `Skickar … ${percent(item)} %` : "Skickar …";
    case "waiting":
      return "Skickad, väntar på att läsas in";
    case "active":
      return "Läses in …";
    case "completed":
      return "Sökbar nu";
    case "exists":
      return "Fanns redan i arkivet";
    case "failed":
      return `Misslyckades: ${item.failure?.reason ?? "okänt fel."}`;
  }
}

export function percent(item: Pick<UploadItem, "loaded" | "size">): number {
  if (item.size <= 0) return 0;
  return Math.min(100, Math.floor((item.loaded / item.size) * 100));
}

/**
 * What to tell a screen reader when a file changes phase: only the steps a
 * person waits for (sent, searchable, refused), never each percent.
 */
export function announcement(before: UploadItem, after: UploadItem): string | null {
  if (before.phase === after.phase) return null;
  switch (after.phase) {
    case "completed":
      return `${after.name} är sökbar nu.`;
    case "exists":
      return `${after.name} fanns redan i arkivet.`;
    case "failed":
      return `${after.name} kunde inte läggas in. ${after.failure?.reason ?? ""}`.trim();
    default:
      return null;
  }
}

const REJECTIONS: Record<string, string> = {
  empty: "Filen är tom.",
  too_large: "Filen är större än arkivet tar emot. Dela upp den eller be systemförvaltaren om en högre gräns.",
  unsupported_format: "Filtypen stöds inte. Arkivet tar emot PDF, Word (.docx) och textfiler (.txt).",
  disguised:
    "Filens innehåll stämmer inte med filnamnet, t.ex. en webbsida som heter .pdf. Spara om filen i rätt format.",
  damaged: "Filen är skadad och går inte att läsa. Spara eller exportera den på nytt och försök igen.",
  encrypted: "Filen är lösenordsskyddad. Ta bort skyddet och ladda upp den igen.",
  too_complex: "Filen är för tung att läsa (den packas upp till för mycket eller kräver för mycket minne).",
  timeout: "Det tog för lång tid att läsa filens text. Pröva att spara den som en enklare PDF.",
  no_file: "Filen kom inte fram till arkivet. Försök igen.",
  bad_upload: "Filen kom inte fram hel till arkivet. Försök igen.",
};

/** A file the archive refused when it arrived: a verdict on its bytes, so retrying will not help. */
function rejection(code: string | null, message: string | null): Failure {
  const retryable = code === "no_file" || code === "bad_upload";
  return {
    reason: (code && REJECTIONS[code]) ?? "Arkivet tog inte emot filen.",
    detail: message || null,
    code,
    retryable,
    needsToken: false,
  };
}

/** A file that arrived but could not be read. */
function readFailure(code: string | null, message: string | null): Failure {
  return {
    reason: (code && REJECTIONS[code]) ?? "Arkivet kunde inte läsa in filen.",
    detail: message || null,
    code,
    retryable: code === null,
    needsToken: false,
  };
}

function lostJob(): Failure {
  return {
    reason: "Arkivet vet inte längre hur det gick med filen. Sök efter den, eller ladda upp den igen.",
    detail: null,
    code: "job_not_found",
    retryable: true,
    needsToken: false,
  };
}

/** The request as a whole failed: the network, the token or the server, not the file. */
export function requestFailure(status: number, code: string, message: string): Failure {
  const detail = message && status !== 0 ? message : null;
  if (status === 0) {
    return {
      reason: "Kunde inte nå arkivet. Kontrollera anslutningen och försök igen.",
      detail,
      code: null,
      retryable: true,
      needsToken: false,
    };
  }
  if (status === 401) {
    return {
      reason: "Uppladdning kräver en API-nyckel. Ange nyckeln och försök igen.",
      detail,
      code,
      retryable: true,
      needsToken: true,
    };
  }
  if (status === 403) {
    return {
      reason: "Arkivet godtog inte uppladdningen: nyckeln är fel eller uppladdning är inte tillåten härifrån.",
      detail,
      code,
      retryable: true,
      needsToken: true,
    };
  }
  if (status === 413 || code === "too_large") return rejection("too_large", message);
  if (status === 429)
    return {
      reason: "Arkivet har mycket att göra just nu. Vänta en stund och försök igen.",
      detail,
      code,
      retryable: true,
      needsToken: false,
    };
  if (status >= 500)
    return {
      reason: "Något gick fel i arkivet. Försök igen om en stund.",
      detail,
      code,
      retryable: true,
      needsToken: false,
    };
  return { reason: "Arkivet tog inte emot filen.", detail, code, retryable: true, needsToken: false };
}

/** "840 kB", "12,4 MB": sizes as Swedish officials read them. */
export function sizeText(bytes: number): string {
  if (bytes < 1000) return `${bytes} byte`;
  if (bytes < 1_000_000) return `${Math.round(bytes / 1000).toLocaleString("sv-SE")} kB`;
  const mb = bytes / 1_000_000;
  return `${mb.toLocaleString("sv-SE", { maximumFractionDigits: mb < 10 ? 1 : 0 })} MB`;
}
