import type { PipelineRuntime } from "../runtime.ts";
import { ProgressBar } from "./progress.ts";

/**
 * `archive reindex`: rebuilds the configured search index (the embedded
 * FTS5 tables, or the Meilisearch index with MEILI_URL) from the archive,
 * which is the source of truth. Returns the exit code.
 */
export async function runReindex(runtime: PipelineRuntime): Promise<number> {
  const { archive, searchEngine } = runtime;
  const started = Date.now();
  // The ids first: the store is read while the index (maybe in the same file) is written.
  const ids = [...archive.allIds()];
  const progress = new ProgressBar(ids.length);
  function* documents() {
    for (const id of ids) {
      const doc = archive.get(id);
      if (doc) yield doc;
    }
  }
  const indexed = await searchEngine.rebuild(documents(), (id) => progress.tick(id));
  progress.finish();
  // Documents stored while the rebuild ran may have gone to the index it replaced.
  const known = new Set(ids);
  for (const id of archive.allIds()) {
    if (known.has(id)) continue;
    const doc = archive.get(id);
    if (!doc) continue;
    await runtime.search.index(doc);
    indexed.push(id);
  }
  for (const id of indexed) archive.markIndexed(id);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const engine = searchEngine.name === "meilisearch" ? "Meilisearch" : "embedded FTS5";
  process.stdout.write(`reindexed ${indexed.length} documents into the ${engine} index in ${seconds} s\n`);
  return 0;
}
