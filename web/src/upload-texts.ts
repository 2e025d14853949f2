/**
 * What an official reads about uploads, in Swedish: each file's status, the
 * batch in one line, what a screen reader is told, and why a file failed
 * with what to do about it (and whether sending it again can help).
 */

import type { Failure, Tally, UploadItem } from "./upload-queue.ts";

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

/** How much of the file is sent, for its progress bar and its status. */
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
export function rejection(code: string | null, message: string | null): Failure {
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
export function readFailure(code: string | null, message: string | null): Failure {
  return {
    reason: (code && REJECTIONS[code]) ?? "Arkivet kunde inte läsa in filen.",
    detail: message || null,
    code,
    retryable: code === null,
    needsToken: false,
  };
}

export function lostJob(): Failure {
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
