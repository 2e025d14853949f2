/**
 * What goes into an export (a case's documents, or a selection of search
 * hits) besides the originals: their names in the ZIP, a manifest for Excel
 * and a cover sheet. Pure, so it is tested without HTTP or files.
 */

import type { SensitiveKind } from "../indexer/model.ts";

/** One original in the export, with what the manifest says of it. */
export interface ExportedDocument {
  id: string;
  filename: string;
  type: string;
  body: string | null;
  meetingDate: string | null;
  /** The paragraphs naming the case; empty when the whole document does, and in a selection. */
  paragraphs: number[];
  /** Canonical: in a case export the document's numbers of that case, in a selection all of them. */
  diarienummer: string[];
  sha256: string;
  pages: number;
  flags: SensitiveKind[];
}

/** What the official asked for: one case, or documents picked from one or more searches. */
export type ExportRequest =
  | { kind: "case"; asked: string; diarienummer: string }
  | { kind: "selection"; queries: string[] };

export interface CoverSheet {
  request: ExportRequest;
  at: Date;
  actor: string;
  documents: number;
  flagged: number;
}

const MAX_NAME = 150;

/**
 * `NN-<name>`, safe to unpack on any system: no folders, control characters,
 * `..` or characters Windows refuses; a name already taken gets " (2)".
 */
export function entryNames(filenames: string[]): string[] {
  const width = Math.max(2, String(filenames.length).length);
  const taken = new Set<string>(["manifest.csv", "forsattsblad.txt"]);
  return filenames.map((filename, i) => {
    const name = `${String(i + 1).padStart(width, "0")}-${safeEntryName(filename)}`;
    let unique = name;
    for (let n = 2; taken.has(unique.toLowerCase()); n++) unique = withSuffix(name, ` (${n})`);
    taken.add(unique.toLowerCase());
    return unique;
  });
}

export function safeEntryName(raw: string): string {
  let name = raw
    .normalize("NFC")
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .replace(/[/\\:*?"<>|]/g, "_")
    .replace(/\.{2,}/g, ".")
    .replace(/^[.\s]+|[.\s]+$/g, "");
  if (name.length > MAX_NAME) name = withSuffix(name.slice(0, MAX_NAME), "", name);
  return name || "handling";
}

/** `name` with `suffix` before its extension (the extension taken from `original` when given). */
function withSuffix(name: string, suffix: string, original = name): string {
  const dot = original.lastIndexOf(".");
  const ext = dot > 0 && original.length - dot <= 10 ? original.slice(dot) : "";
  const stem = name.endsWith(ext) ? name.slice(0, name.length - ext.length) : name.slice(0, MAX_NAME - ext.length);
  return `${stem}${suffix}${ext}`;
}

export const MANIFEST_HEADER = [
  "fil",
  "typ",
  "organ",
  "sammanträdesdatum",
  "paragraf",
  "diarienummer",
  "sha256",
  "sidor",
  "flaggor",
] as const;

/**
 * The manifest as Swedish Excel opens it on a double click: UTF-8 with a BOM,
 * `;` between fields, CRLF between rows.
 */
export function manifestCsv(entries: { file: string; doc: ExportedDocument }[]): Buffer {
  const rows = entries.map(({ file, doc }) => [
    file,
    doc.type,
    doc.body ?? "",
    doc.meetingDate ?? "",
    doc.paragraphs.join(", "),
    doc.diarienummer.join(", "),
    doc.sha256,
    String(doc.pages),
    doc.flags.join(", "),
  ]);
  const text = [[...MANIFEST_HEADER], ...rows].map((row) => row.map(csvField).join(";")).join("\r\n");
  return Buffer.from(`\uFEFF${text}\r\n`, "utf8");
}

/**
 * Quoted when it holds `;`, `"` or a line break. A value Excel would run as a
 * formula (starting with = + - @) is prefixed with `'`, as OWASP advises for
 * CSV meant for spreadsheets.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** What was typed, on one line. */
function oneLine(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: what was typed goes on one line
  return text.replace(/[\u0000-\u001f\u007f]/g, " ");
}

/** "Urval av 3 dokument från sökningen ”bistånd”": what the official picked, and where from. */
export function selectionText(count: number, queries: string[]): string {
  const quoted = queries.map((q) => `”${oneLine(q)}”`);
  if (quoted.length === 0) return `Urval av ${count} dokument`;
  if (quoted.length === 1) return `Urval av ${count} dokument från sökningen ${quoted[0]}`;
  return `Urval av ${count} dokument från sökningarna ${quoted.slice(0, -1).join(", ")} och ${quoted.at(-1)}`;
}

export function coverSheet(c: CoverSheet): string {
  const asked =
    c.request.kind === "case"
      ? [`Begärt ärende:   ${oneLine(c.request.asked)}`, `Diarienummer:    ${c.request.diarienummer}`]
      : [`Begärt:          ${selectionText(c.documents, c.request.queries)}`];
  const lines = [
    "FÖRSÄTTSBLAD – UTLÄMNANDE AV HANDLINGAR",
    "",
    ...asked,
    `Sammanställt:    ${c.at.toISOString()}`,
    `Sammanställt av: ${c.actor}`,
    `Antal handlingar: ${c.documents}`,
    `Varav flaggade:   ${c.flagged}`,
    "",
    "Filerna är arkivets original, byte för byte; manifest.csv listar dem med kontrollsumma (sha256).",
    c.flagged > 0
      ? `OBS! ${c.flagged} av handlingarna har flaggor (se kolumnen "flaggor" i manifest.csv): de kan innehålla personnummer, sekretesshänvisningar eller kontaktuppgifter och kan behöva sekretessprövas innan de lämnas ut.`
      : "Ingen handling har flaggats, men flaggorna är en automatisk hjälp: pröva alltid sekretess innan handlingarna lämnas ut.",
  ];
  return `${lines.join("\r\n")}\r\n`;
}

/** `arende-ks-2020-42-2025-03-01.zip`: the date as in Sweden, the number folded to plain letters. */
export function exportFilename(diarienummer: string, at: Date): string {
  return `arende-${slug(diarienummer) || "okant"}-${swedishDate(at)}.zip`;
}

/** `urval-bistand-2025-03-01.zip`, after the first search; `urval-2025-03-01.zip` without one. */
export function selectionFilename(queries: string[], at: Date): string {
  const words = slug(queries[0] ?? "")
    .slice(0, 40)
    .replace(/-+$/, "");
  return `urval-${words ? `${words}-` : ""}${swedishDate(at)}.zip`;
}

/** ASCII letters, digits and dashes: safe in a Content-Disposition filename without encoding. */
function slug(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

function swedishDate(at: Date): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm" }).format(at);
}
