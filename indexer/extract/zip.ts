import { FileRejectedError } from "../errors.ts";

/** One entry of a ZIP central directory. */
export interface ZipEntry {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
}

export interface ZipLimits {
  maxEntries: number;
  maxUncompressedBytes: number;
  /** Highest allowed uncompressed/compressed ratio of a single entry. */
  maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 2_000,
  maxUncompressedBytes: 300 * 1024 * 1024,
  maxRatio: 200,
};

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;

/**
 * Reads the central directory without inflating anything, so a zip bomb is
 * refused from its declared sizes before any parser touches it.
 */
export function readZipDirectory(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  if (eocd < 0) throw new FileRejectedError("damaged", "the ZIP container is damaged (no central directory)");

  const count = view.getUint16(eocd + 10, true);
  const offset = view.getUint32(eocd + 16, true);
  if (count > limits.maxEntries) {
    throw new FileRejectedError(
      "too_complex",
      `the document holds ${count} parts (at most ${limits.maxEntries} allowed)`,
    );
  }

  const entries: ZipEntry[] = [];
  let total = 0;
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > view.byteLength || view.getUint32(p, true) !== CENTRAL_SIGNATURE) {
      throw new FileRejectedError("damaged", "the ZIP container is damaged (bad central directory)");
    }
    const compressedSize = view.getUint32(p + 20, true);
    const uncompressedSize = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    if (p + 46 + nameLength > view.byteLength) {
      throw new FileRejectedError("damaged", "the ZIP container is damaged (truncated entry)");
    }
    const name = new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLength));
    total += uncompressedSize;
    if (total > limits.maxUncompressedBytes) {
      throw new FileRejectedError("too_complex", "the document unpacks to more than the allowed size (zip bomb?)");
    }
    if (
      compressedSize > 0 &&
      uncompressedSize / compressedSize > limits.maxRatio &&
      uncompressedSize > 10 * 1024 * 1024
    ) {
      throw new FileRejectedError("too_complex", `part ${name} is compressed suspiciously hard (zip bomb?)`);
    }
    entries.push({ name, compressedSize, uncompressedSize });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function findEndOfCentralDirectory(view: DataView): number {
  const minimum = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let p = view.byteLength - 22; p >= minimum; p--) {
    if (view.getUint32(p, true) === EOCD_SIGNATURE) return p;
  }
  return -1;
}
