import { readdir, stat } from "node:fs/promises";
import { extname, join } from "node:path";

export const RECORD_EXTENSIONS = new Set([".pdf", ".docx", ".txt"]);

export interface FileList {
  files: string[];
  /** Files inside folders that are not records, by extension. */
  skipped: Map<string, number>;
  missing: string[];
}

/**
 * The files to ingest. Files named on the command line are always tried;
 * inside folders only record types are taken (a Thumbs.db or a spreadsheet
 * next to the minutes is not a failure), and hidden entries are ignored.
 */
export async function collectFiles(paths: string[]): Promise<FileList> {
  const list: FileList = { files: [], skipped: new Map(), missing: [] };
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (!info) list.missing.push(path);
    else if (info.isDirectory()) await walk(path, list);
    else list.files.push(path);
  }
  return list;
}

async function walk(dir: string, list: FileList): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await walk(path, list);
    else if (entry.isFile()) {
      const ext = extname(entry.name).toLowerCase();
      if (RECORD_EXTENSIONS.has(ext)) list.files.push(path);
      else list.skipped.set(ext || "(none)", (list.skipped.get(ext || "(none)") ?? 0) + 1);
    }
  }
}
