import { extname } from "node:path";
import { FileRejectedError } from "../errors.ts";
import type { FileFormat } from "../model.ts";
import { DEFAULT_ZIP_LIMITS, readZipDirectory, type ZipLimits } from "./zip.ts";

const PDF_MAGIC = "%PDF-";
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Content types we serve originals with. */
export const CONTENT_TYPES: Record<FileFormat, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  text: "text/plain; charset=utf-8",
};

const CLAIMED: Record<string, FileFormat> = { ".pdf": "pdf", ".docx": "docx", ".txt": "text", ".text": "text" };

/**
 * Decides a file's format from its bytes. The name only matters to catch a
 * disguise: a file called .pdf that is not a PDF is refused, because
 * whoever sent it believed it was something it is not.
 */
export function sniffFormat(
  bytes: Uint8Array,
  filename: string,
  zipLimits: ZipLimits = DEFAULT_ZIP_LIMITS,
): FileFormat {
  if (bytes.byteLength === 0) throw new FileRejectedError("empty", "the file is empty");
  const claimed = CLAIMED[extname(filename).toLowerCase()];
  const actual = detect(bytes, zipLimits);
  if (claimed && claimed !== actual.format) {
    throw new FileRejectedError("disguised", `the file is named ${extname(filename)} but is ${actual.description}`);
  }
  if (actual.format === null)
    throw new FileRejectedError("unsupported_format", `unsupported file: ${actual.description}`);
  if (actual.format === "text" && !claimed && extname(filename) !== "") {
    throw new FileRejectedError(
      "unsupported_format",
      `unsupported file type ${extname(filename)} (records are PDF, DOCX or .txt)`,
    );
  }
  return actual.format;
}

interface Detection {
  format: FileFormat | null;
  description: string;
}

function detect(bytes: Uint8Array, zipLimits: ZipLimits): Detection {
  const head = latin1(bytes.subarray(0, 1024));
  const pdfAt = head.indexOf(PDF_MAGIC);
  if (pdfAt >= 0) {
    // Readers accept the header anywhere in the first kilobyte, so a file may be two formats at
    // once: a ZIP or an HTML page carrying a PDF. Such a file is refused, never stored as a PDF.
    const first = pdfAt > 0 ? otherFormatAtStart(bytes, head) : null;
    if (first) {
      return { format: null, description: `${first} with a PDF inside (a file of two formats at once)` };
    }
    checkPdf(bytes);
    return { format: "pdf", description: "a PDF" };
  }
  if (startsWith(bytes, ZIP_MAGIC)) {
    const names = new Set(readZipDirectory(bytes, zipLimits).map((e) => e.name));
    if (names.has("word/document.xml")) return { format: "docx", description: "a Word document" };
    return { format: null, description: "a ZIP archive that is not a Word document" };
  }
  if (startsWith(bytes, OLE_MAGIC)) {
    return { format: null, description: "an encrypted Office file or an old binary .doc (save it as .docx or PDF)" };
  }
  const trimmed = head.trimStart().toLowerCase();
  if (trimmed.startsWith("<!doctype html") || trimmed.startsWith("<html") || /^<\?xml[^>]*>\s*<html/.test(trimmed)) {
    return { format: null, description: "an HTML page" };
  }
  if (looksBinary(bytes)) return { format: null, description: binaryDescription(bytes) };
  return { format: "text", description: "plain text" };
}

/**
 * Damage and encryption that can be seen without parsing: a PDF that lost its
 * end (an interrupted download) or that carries an /Encrypt dictionary.
 */
function checkPdf(bytes: Uint8Array): void {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.lastIndexOf("%%EOF") < Math.max(0, buffer.length - 4096)) {
    throw new FileRejectedError("damaged", "the PDF is incomplete (it has no end-of-file marker; truncated?)");
  }
  if (buffer.indexOf("/Encrypt") >= 0) {
    throw new FileRejectedError("encrypted", "the PDF is encrypted (password protected)");
  }
}

/** What a file whose PDF header is not at its start begins as, when that is a format of its own. */
function otherFormatAtStart(bytes: Uint8Array, head: string): string | null {
  if (startsWith(bytes, ZIP_MAGIC)) return "a ZIP archive";
  if (startsWith(bytes, OLE_MAGIC)) return "an Office file";
  if (/^\s*</.test(head)) return "a markup (HTML or XML) document";
  const before = bytes.subarray(0, head.indexOf(PDF_MAGIC));
  if (looksBinary(before)) return binaryDescription(bytes);
  return null;
}

function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  }
  return control > sample.length * 0.01;
}

function binaryDescription(bytes: Uint8Array): string {
  if (startsWith(bytes, [0x4d, 0x5a])) return "a Windows program";
  if (startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46])) return "a Linux program";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) return "a PNG image";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "a JPEG image";
  return "binary data of an unknown kind";
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
}
