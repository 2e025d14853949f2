import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buffer } from "node:stream/consumers";
import { crc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import {
  bufferSource,
  type ZipSource,
  ZipTooLargeError,
  zipSize,
  zipStream,
} from "../../indexer/archive/zip-writer.ts";
import { readZipDirectory } from "../../indexer/extract/zip.ts";
import { readZip } from "../helpers/zip-read.ts";

const zip = (entries: ZipSource[]) => buffer(zipStream(entries));

describe("zip writer", () => {
  it("writes an empty archive that unzippers accept", async () => {
    const bytes = await zip([]);
    expect(bytes.length).toBe(22);
    expect(bytes.length).toBe(zipSize([]));
    expect(readZip(bytes)).toEqual([]);
    expect(readZipDirectory(bytes)).toEqual([]);
  });

  it("stores each file byte for byte with its CRC-32, in chunks as they come", async () => {
    const big = Buffer.alloc(200_000, 7);
    big.write("PDF", 1000);
    const parts = [big.subarray(0, 65_536), big.subarray(65_536)];
    const entries = [
      bufferSource("a.txt", Buffer.from("hej")),
      { name: "b.pdf", size: big.length, open: () => parts },
      bufferSource("tom.txt", Buffer.alloc(0)),
    ];
    const bytes = await zip(entries);
    expect(bytes.length).toBe(zipSize(entries));
    const read = readZip(bytes);
    expect(read.map((e) => [e.name, e.method, e.crc])).toEqual([
      ["a.txt", 0, crc32("hej")],
      ["b.pdf", 0, crc32(big)],
      ["tom.txt", 0, 0],
    ]);
    expect(read[1]?.data.equals(big)).toBe(true);
  });

  it("marks names as UTF-8 (bit 11) so å, ä and ö unpack as written", async () => {
    const bytes = await zip([bufferSource("01-Protokoll kommunstyrelsen §§ 1–3 ÅÄÖ åäö.pdf", Buffer.from("x"))]);
    const [entry] = readZip(bytes);
    expect(entry?.name).toBe("01-Protokoll kommunstyrelsen §§ 1–3 ÅÄÖ åäö.pdf");
    expect((entry?.flags ?? 0) & 0x0800).toBe(0x0800);
  });

  it("passes unzip's own test, where unzip is installed", async (ctx) => {
    if (!existsSync("/usr/bin/unzip")) ctx.skip();
    const dir = await mkdtemp(join(tmpdir(), "zip-writer-"));
    try {
      const file = join(dir, "t.zip");
      await writeFile(file, await zip([bufferSource("ärende/åäö.txt", Buffer.from("räksmörgås"))]));
      const out = execFileSync("unzip", ["-t", file], { encoding: "utf8" });
      expect(out).toContain("No errors detected");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("refuses what would need ZIP64 before sending a byte", () => {
    const huge = { name: "stor.pdf", size: 3 * 1024 ** 3, open: () => [] };
    expect(() => zipStream([huge, { ...huge, name: "stor2.pdf" }])).toThrow(ZipTooLargeError);
    expect(() => zipSize([huge])).not.toThrow();
  });

  it("refuses names that would unpack outside the folder, and duplicates", () => {
    for (const name of ["../x", "/etc/x", "a\\b", "a/../../b", "a\nb", ""]) {
      expect(() => zipSize([bufferSource(name, Buffer.from("x"))]), name).toThrow(/unsafe/);
    }
    expect(() => zipSize([bufferSource("a", Buffer.from("x")), bufferSource("a", Buffer.from("y"))])).toThrow(/two/);
  });

  it("fails the stream when a file is not the size declared, instead of writing a broken ZIP silently", async () => {
    await expect(zip([{ name: "a", size: 5, open: () => [Buffer.from("abc")] }])).rejects.toThrow(/not the 5/);
  });
});
