import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import type { TextExtractor } from "../extract/index.ts";
import { extractRecord } from "../pipeline.ts";
import { presentRecord } from "../present.ts";

export async function runExtract(extractor: TextExtractor, path: string): Promise<void> {
  const bytes = await readFile(path);
  const { text, record } = await extractRecord(extractor, bytes, basename(path));
  process.stdout.write(`${JSON.stringify(presentRecord(basename(path), text.pages.length, record), null, 2)}\n`);
}
