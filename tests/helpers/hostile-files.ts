import { crc32, deflateRawSync } from "node:zlib";
import { buildDocx, buildPdf, PROTOCOL_LINES } from "./files.ts";

/**
 * Hostile files, generated rather than downloaded: what a confused official,
 * a broken export or an attacker may hand the upload. Each is small on disk;
 * the hostility is in what the bytes declare.
 */

/** A PDF assembled from raw object bodies, with a correct xref, so only what we break is broken. */
export function rawPdf(objects: (string | Buffer)[], trailer = ""): Buffer {
  const parts: Buffer[] = [Buffer.from("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "latin1")];
  const offsets: number[] = [];
  let length = parts[0]?.length ?? 0;
  objects.forEach((body, i) => {
    offsets.push(length);
    const obj = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), Buffer.from(body), Buffer.from("\nendobj\n")]);
    parts.push(obj);
    length += obj.length;
  });
  const xref = [
    "xref",
    `0 ${objects.length + 1}`,
    "0000000000 65535 f ",
    ...offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n `),
    "trailer",
    `<< /Size ${objects.length + 1} /Root 1 0 R ${trailer}>>`,
    "startxref",
    String(length),
    "%%EOF\n",
  ].join("\n");
  return Buffer.concat([...parts, Buffer.from(xref)]);
}

function textStream(text: string): string {
  const content = `BT /F1 12 Tf 72 720 Td (${text}) Tj ET`;
  return `<< /Length ${content.length} >>\nstream\n${content}\nendstream`;
}

const FONT = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";

/** One real page, a Pages node that declares `count` pages and lists `kids` references to it. */
export function pdfDeclaringPages(count: number, kids = 1): Buffer {
  const refs = Array.from({ length: kids }, () => "3 0 R").join(" ");
  return rawPdf([
    "<< /Type /Catalog /Pages 2 0 R >>",
    `<< /Type /Pages /Kids [${refs}] /Count ${count} >>`,
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    textStream("Sidbomb"),
    FONT,
  ]);
}

/** A page whose content stream declares a length of 2 GB but holds a few bytes. */
export function pdfWithHugeDeclaredStream(): Buffer {
  const content = "BT /F1 12 Tf 72 720 Td (Jattestrom) Tj ET";
  return rawPdf([
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length 2147483647 >>\nstream\n${content}\nendstream`,
    FONT,
  ]);
}

/** A page whose content stream inflates from a few hundred KB to `megabytes` MB of operators. */
export function pdfWithDeflateBomb(megabytes: number): Buffer {
  const inflated = Buffer.alloc(megabytes * 1024 * 1024, "q Q ");
  const compressed = deflateRawSync(inflated, { level: 9 });
  // A zlib stream: two header bytes around the raw deflate data (no checksum; readers tolerate it).
  const zlib = Buffer.concat([Buffer.from([0x78, 0xda]), compressed]);
  const stream = Buffer.concat([
    Buffer.from(`<< /Length ${zlib.length} /Filter /FlateDecode >>\nstream\n`),
    zlib,
    Buffer.from("\nendstream"),
  ]);
  return rawPdf([
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
    stream,
  ]);
}

/** A real PDF whose middle is overwritten with noise; header and %%EOF survive. */
export async function pdfWithNoisyMiddle(): Promise<Buffer> {
  const pdf = Buffer.from(await buildPdf([PROTOCOL_LINES]));
  for (let i = 20; i < pdf.length - 40; i++) pdf[i] = (i * 7919) % 251;
  return pdf;
}

/** A real PDF with its xref table and trailer cut away, but an %%EOF added back. */
export async function pdfWithoutXref(): Promise<Buffer> {
  const pdf = await buildPdf([["Protokoll", "Tappad korsreferens"]]);
  const xref = pdf.lastIndexOf("xref");
  return Buffer.concat([pdf.subarray(0, xref), Buffer.from("%%EOF\n")]);
}

/**
 * A password-protected PDF whose trailer spells /Encrypt with a name escape
 * (`/Encr#79pt`, legal PDF), so a byte search for "/Encrypt" misses it.
 */
export async function pdfWithEscapedEncrypt(): Promise<Buffer> {
  const pdf = await buildPdf([["Hemligt protokoll"]], { userPassword: "hemlig" });
  const at = pdf.lastIndexOf("/Encrypt");
  return Buffer.concat([pdf.subarray(0, at), Buffer.from("/Encr#79pt"), pdf.subarray(at + "/Encrypt".length)]);
}

export interface ZipEntrySpec {
  name: string;
  data: Buffer | string;
  /** Deflate the data (method 8) instead of storing it. */
  deflate?: boolean;
  /** Lie about the uncompressed size in both headers. */
  declaredSize?: number;
}

/** A ZIP written by hand, so its headers can say what a real writer never would. */
export function buildZip(entries: ZipEntrySpec[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const raw = Buffer.from(entry.data);
    const body = entry.deflate ? deflateRawSync(raw) : raw;
    const name = Buffer.from(entry.name);
    const size = entry.declaredSize ?? raw.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(entry.deflate ? 8 : 0, 8);
    local.writeUInt32LE(crc32(raw), 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(entry.deflate ? 8 : 0, 10);
    central.writeUInt32LE(crc32(raw), 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const CONTENT_TYPES_XML =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELS_XML =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';

/** The three parts a Word reader needs, around the given document.xml. */
export function minimalDocx(documentXml: string, extra: ZipEntrySpec[] = []): Buffer {
  return buildZip([
    { name: "[Content_Types].xml", data: CONTENT_TYPES_XML },
    { name: "_rels/.rels", data: RELS_XML },
    { name: "word/document.xml", data: documentXml, deflate: true },
    ...extra,
  ]);
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** document.xml whose text is an external entity: a reader that resolves it would leak the server's files. */
export function docxWithExternalEntity(): Buffer {
  const xml =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY web SYSTEM "http://127.0.0.1:9/x">]>\n' +
    `<w:document ${W}><w:body><w:p><w:r><w:t>Protokoll &xxe; &web; Entitetsprov</w:t></w:r></w:p></w:body></w:document>`;
  return minimalDocx(xml);
}

/** Billion laughs: nested internal entities that expand exponentially. */
export function docxWithEntityExpansion(): Buffer {
  const levels = ['<!ENTITY l0 "hahahahahahahahahaha">'];
  for (let i = 1; i <= 9; i++) levels.push(`<!ENTITY l${i} "${`&l${i - 1};`.repeat(10)}">`);
  const xml =
    `<?xml version="1.0"?>\n<!DOCTYPE w:document [${levels.join("")}]>\n` +
    `<w:document ${W}><w:body><w:p><w:r><w:t>&l9;</w:t></w:r></w:p></w:body></w:document>`;
  return minimalDocx(xml);
}

/** A DOCX whose document.xml declares 4 GB uncompressed (the headers lie; the data is tiny). */
export function docxDeclaringHugeSize(): Buffer {
  return buildZip([
    { name: "[Content_Types].xml", data: CONTENT_TYPES_XML },
    { name: "_rels/.rels", data: RELS_XML },
    { name: "word/document.xml", data: `<w:document ${W}/>`, declaredSize: 0xfffffff0 },
  ]);
}

/** A real deflate bomb: document.xml inflates from ~100 KB to `megabytes` MB. */
export function docxDeflateBomb(megabytes: number): Buffer {
  const body = `<w:document ${W}><w:body><w:p><w:r><w:t>${" ".repeat(megabytes * 1024 * 1024)}</w:t></w:r></w:p></w:body></w:document>`;
  return minimalDocx(body);
}

/** A DOCX of `count` empty parts beside its document. */
export function docxWithManyEntries(count: number): Buffer {
  const extra = Array.from({ length: count }, (_, i) => ({ name: `customXml/item${i}.xml`, data: "" }));
  return minimalDocx(`<w:document ${W}><w:body/></w:document>`, extra);
}

/** A ZIP that has everything of a DOCX but word/document.xml. */
export function docxWithoutDocument(): Buffer {
  return buildZip([
    { name: "[Content_Types].xml", data: CONTENT_TYPES_XML },
    { name: "_rels/.rels", data: RELS_XML },
    { name: "word/styles.xml", data: "<w:styles/>" },
  ]);
}

/** A real PDF with a real DOCX appended: a PDF+ZIP polyglot. */
export async function pdfZipPolyglot(): Promise<Buffer> {
  return Buffer.concat([await buildPdf([["Polyglott PDF och ZIP"]]), await buildDocx(["Polyglott"])]);
}

/** A ZIP whose first stored entry is a real PDF, so "%PDF-" sits in the first kilobyte. */
export async function zipWithPdfInside(): Promise<Buffer> {
  return buildZip([{ name: "a.pdf", data: await buildPdf([["Inbaddad PDF i ZIP"]]) }]);
}

/** An HTML page that carries a PDF in a comment: both readers find their magic. */
export async function htmlPdfPolyglot(): Promise<Buffer> {
  const pdf = await buildPdf([["Polyglott HTML och PDF"]]);
  return Buffer.concat([Buffer.from("<html><!--"), pdf, Buffer.from("--><script>alert(1)</script></html>")]);
}

/** A Windows executable's first bytes (MZ, the DOS stub's message). */
export function windowsProgram(): Buffer {
  return Buffer.concat([
    Buffer.from("MZ\x90\x00\x03\x00", "latin1"),
    Buffer.alloc(58),
    Buffer.from("This program cannot be run in DOS mode."),
  ]);
}

/** A Linux executable's first bytes (ELF, 64-bit). */
export function linuxProgram(): Buffer {
  return Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(120)]);
}

/** Text with bytes that are not UTF-8 (lone continuation bytes, 0xFF, a cut sequence). */
export function invalidUtf8Text(word: string): Buffer {
  return Buffer.concat([
    Buffer.from(`Protokoll\n${word} `),
    Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0x80, 0xe2, 0x82]),
    Buffer.from("\n"),
  ]);
}

/**
 * A multipart body written by hand, so the part's disposition can carry bytes
 * no client library would send: `filename="<raw bytes>"` or an RFC 5987
 * `filename*=UTF-8''...` whose percent escapes decode to control characters.
 */
export function multipartWithRawDisposition(
  filenameParam: Buffer,
  content: Buffer,
): { boundary: string; body: Buffer } {
  const boundary = "hostile-boundary-7d1f";
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; `),
    filenameParam,
    Buffer.from("\r\nContent-Type: application/octet-stream\r\n\r\n"),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { boundary, body };
}
