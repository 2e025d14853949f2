import { Readable } from "node:stream";
import { crc32 } from "node:zlib";

/** One file of a ZIP to write: its size known up front, its bytes readable (twice: once for the CRC). */
export interface ZipSource {
  name: string;
  size: number;
  modified?: Date;
  open(): AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
}

/** The ZIP would need ZIP64 (4 GB or more, or over 65 535 entries), which this writer does not write. */
export class ZipTooLargeError extends Error {
  override name = "ZipTooLargeError";
}

const LOCAL_HEADER = 30;
const CENTRAL_HEADER = 46;
const END_OF_DIRECTORY = 22;
const MAX_32 = 0xffffffff;
const MAX_ENTRIES = 0xffff;
/** General purpose flag bit 11: the name is UTF-8 (APPNOTE 4.4.4), so å, ä and ö survive every unzipper. */
const UTF8_FLAG = 0x0800;
const VERSION = 20;

/** A ZIP entry from bytes in memory (a manifest, a cover sheet). */
export function bufferSource(name: string, bytes: Uint8Array, modified?: Date): ZipSource {
  return { name, size: bytes.byteLength, modified, open: () => [bytes] };
}

/**
 * The exact size of the ZIP these entries make: the writer stores without
 * compression, so a response can carry a Content-Length. Throws
 * ZipTooLargeError before a byte is sent, and on names an unzipper could
 * write outside its folder.
 */
export function zipSize(entries: ZipSource[]): number {
  if (entries.length > MAX_ENTRIES) throw new ZipTooLargeError(`a ZIP holds at most ${MAX_ENTRIES} files here`);
  const seen = new Set<string>();
  let offset = 0;
  let directory = 0;
  for (const entry of entries) {
    checkName(entry.name, seen);
    const nameBytes = Buffer.byteLength(entry.name, "utf8");
    if (!Number.isSafeInteger(entry.size) || entry.size < 0) throw new Error(`bad size for ${entry.name}`);
    if (offset > MAX_32) break;
    offset += LOCAL_HEADER + nameBytes + entry.size;
    directory += CENTRAL_HEADER + nameBytes;
  }
  // Every local header must start below 4 GB, and so must the central directory and its end.
  if (offset + directory + END_OF_DIRECTORY > MAX_32) {
    throw new ZipTooLargeError("the files come to 4 GB or more, which needs ZIP64; export fewer at a time");
  }
  return offset + directory + END_OF_DIRECTORY;
}

/**
 * A stored (uncompressed) ZIP as a stream. Each entry is read twice, once
 * for its CRC-32 and once to send, rather than using a data descriptor:
 * some unzippers cannot read stored entries whose sizes come after the data.
 * Only one chunk of one file is in memory at a time.
 */
export function zipStream(entries: ZipSource[]): Readable {
  zipSize(entries);
  return Readable.from(generate(entries), { objectMode: false });
}

interface Written {
  name: Buffer;
  crc: number;
  size: number;
  time: number;
  date: number;
  offset: number;
}

async function* generate(entries: ZipSource[]): AsyncGenerator<Buffer> {
  const written: Written[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, "utf8");
    let crc = 0;
    let counted = 0;
    for await (const chunk of entry.open()) {
      crc = crc32(chunk, crc);
      counted += chunk.byteLength;
    }
    if (counted !== entry.size) throw new Error(`${entry.name} is ${counted} bytes, not the ${entry.size} declared`);
    const { time, date } = dosDateTime(entry.modified ?? new Date());
    const item: Written = { name, crc, size: entry.size, time, date, offset };
    yield localHeader(item);
    let sent = 0;
    for await (const chunk of entry.open()) {
      sent += chunk.byteLength;
      if (sent > entry.size) throw new Error(`${entry.name} changed while it was sent`);
      yield Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    }
    if (sent !== entry.size) throw new Error(`${entry.name} changed while it was sent`);
    written.push(item);
    offset += LOCAL_HEADER + name.byteLength + entry.size;
  }
  const start = offset;
  for (const item of written) {
    const header = centralHeader(item);
    offset += header.byteLength;
    yield header;
  }
  yield endOfDirectory(written.length, offset - start, start);
}

function localHeader(e: Written): Buffer {
  const b = Buffer.alloc(LOCAL_HEADER);
  b.writeUInt32LE(0x04034b50, 0);
  b.writeUInt16LE(VERSION, 4);
  b.writeUInt16LE(UTF8_FLAG, 6);
  b.writeUInt16LE(0, 8); // stored
  b.writeUInt16LE(e.time, 10);
  b.writeUInt16LE(e.date, 12);
  b.writeUInt32LE(e.crc, 14);
  b.writeUInt32LE(e.size, 18);
  b.writeUInt32LE(e.size, 22);
  b.writeUInt16LE(e.name.byteLength, 26);
  b.writeUInt16LE(0, 28);
  return Buffer.concat([b, e.name]);
}

function centralHeader(e: Written): Buffer {
  const b = Buffer.alloc(CENTRAL_HEADER);
  b.writeUInt32LE(0x02014b50, 0);
  b.writeUInt16LE(VERSION, 4);
  b.writeUInt16LE(VERSION, 6);
  b.writeUInt16LE(UTF8_FLAG, 8);
  b.writeUInt16LE(0, 10);
  b.writeUInt16LE(e.time, 12);
  b.writeUInt16LE(e.date, 14);
  b.writeUInt32LE(e.crc, 16);
  b.writeUInt32LE(e.size, 20);
  b.writeUInt32LE(e.size, 24);
  b.writeUInt16LE(e.name.byteLength, 28);
  // extra, comment, disk, internal and external attributes: all zero
  b.writeUInt32LE(e.offset, 42);
  return Buffer.concat([b, e.name]);
}

function endOfDirectory(count: number, size: number, offset: number): Buffer {
  const b = Buffer.alloc(END_OF_DIRECTORY);
  b.writeUInt32LE(0x06054b50, 0);
  b.writeUInt16LE(count, 8);
  b.writeUInt16LE(count, 10);
  b.writeUInt32LE(size, 12);
  b.writeUInt32LE(offset, 16);
  return b;
}

function checkName(name: string, seen: Set<string>): void {
  const bad =
    name === "" ||
    Buffer.byteLength(name, "utf8") > 0xffff ||
    name.startsWith("/") ||
    name.includes("\\") ||
    // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing them is the point
    /[\u0000-\u001f\u007f]/.test(name) ||
    name.split("/").some((part) => part === ".." || part === ".");
  if (bad) throw new Error(`unsafe ZIP entry name: ${JSON.stringify(name)}`);
  if (seen.has(name)) throw new Error(`two ZIP entries named ${name}`);
  seen.add(name);
}

/** MS-DOS time and date, local time as unzippers show it; 1980 is the earliest it can say. */
function dosDateTime(at: Date): { time: number; date: number } {
  const year = Math.min(Math.max(at.getFullYear(), 1980), 2107);
  return {
    time: (at.getHours() << 11) | (at.getMinutes() << 5) | Math.floor(at.getSeconds() / 2),
    date: ((year - 1980) << 9) | ((at.getMonth() + 1) << 5) | at.getDate(),
  };
}
