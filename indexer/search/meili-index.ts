import {
  type EnqueuedTask,
  type Index,
  type IndexSwap,
  Meilisearch,
  MeilisearchApiError,
  type MultiSearchQuery,
} from "meilisearch";
import type { StoredDocument } from "../archive/archive.ts";
import { emptyFacets } from "./facets.ts";
import { documentsOf, type MeiliChunk } from "./meili-documents.ts";
import { matchingWordsIn, meiliMatcher } from "./meili-match.ts";
import {
  anyOf,
  type BranchQuery,
  filterString,
  type NameLists,
  planSearch,
  type ReadQuery,
  readQuery,
} from "./meili-request.ts";
import { type BranchResult, type ChunkHit, facetsOf, groupsOf, mergeBranches, presentHits } from "./meili-results.ts";
import { meiliSettings } from "./meili-settings.ts";
import { parseQuery } from "./query.ts";
import type { SearchIndex, SearchQuery, SearchResult } from "./search-index.ts";

export interface MeiliOptions {
  /** MEILI_URL. */
  host: string;
  /** MEILI_MASTER_KEY (or a key allowed to search, write documents and change settings). */
  apiKey?: string | null | undefined;
  /** The index holding the chunks; default "archive_chunks". */
  indexUid?: string | undefined;
  /** At most this many matching chunks per branch are ranked and grouped (default 500, as FTS5). */
  maxRanked?: number | undefined;
  /** How long index() and remove() wait for Meilisearch to apply a write (default 60 s). */
  writeTimeoutMs?: number | undefined;
}

export const DEFAULT_INDEX_UID = "archive_chunks";
/** Chunks (Meilisearch documents) sent in one request when indexing many documents. */
const BATCH_CHUNKS = 1_000;
/** …or this much text, whichever comes first (Meilisearch accepts 100 MB a request by default). */
const BATCH_TEXT = 8_000_000;
/** Writes enqueued but not yet applied, at most, while indexing many documents. */
const MAX_PENDING_TASKS = 16;
/** Bodies and speaker names are read again after this long, or sooner when a part matches none. */
const NAMES_TTL_MS = 5 * 60_000;
const NAMES_RECHECK_MS = 2_000;

const EMPTY: SearchResult = { total: 0, hits: [], facets: emptyFacets(), complete: true };

/**
 * The search port on Meilisearch, for the scale-out deployment: one
 * Meilisearch document per chunk with the FTS5 index's prepared columns
 * (meili-documents.ts); a search is a multi-search of a few branches
 * (meili-request.ts) whose chunks are ranked, grouped by document and counted
 * here (meili-results.ts), so hits, `more`, totals and facets mean what they
 * mean on the embedded index. Snippets are cut from the chunk's text by the
 * same code as FTS5's, never taken from Meilisearch's `_formatted`.
 */
export class MeiliSearchIndex implements SearchIndex {
  readonly uid: string;
  private readonly client: Meilisearch;
  private readonly chunks: Index<MeiliChunk>;
  private readonly maxRanked: number;
  private readonly writeTimeoutMs: number;
  private names: { bodies: string[]; speakers: string[]; at: number } | null = null;

  private constructor(options: MeiliOptions) {
    this.client = new Meilisearch({ host: options.host, apiKey: options.apiKey ?? undefined, timeout: 60_000 });
    this.uid = options.indexUid ?? DEFAULT_INDEX_UID;
    this.chunks = this.client.index<MeiliChunk>(this.uid);
    this.maxRanked = options.maxRanked ?? 500;
    this.writeTimeoutMs = options.writeTimeoutMs ?? 60_000;
  }

  /** Connects, creates the index if it is missing and applies the settings. */
  static async open(options: MeiliOptions): Promise<MeiliSearchIndex> {
    const search = new MeiliSearchIndex(options);
    await search.prepare(search.uid);
    return search;
  }

  /** Chunks in the index: none while the archive holds documents means `archive reindex` is due. */
  async chunkCount(): Promise<number> {
    return (await this.chunks.getStats()).numberOfDocuments;
  }

  async index(doc: StoredDocument): Promise<void> {
    const chunks = documentsOf(doc);
    // Enqueued in this order, applied in this order: the old chunks go, then the new ones come.
    const removed = await this.chunks.deleteDocuments({ filter: `documentId = ${filterString(doc.id)}` });
    const added = chunks.length > 0 ? [await this.chunks.addDocuments(chunks, { primaryKey: "id" })] : [];
    // Resolving only once both are applied keeps the port's promise: a search after index() sees the document.
    await this.settle([removed, ...added], this.writeTimeoutMs);
    this.learnNames(chunks);
  }

  /**
   * Indexes many documents in large batches and waits once, at the end;
   * `onSent` is called as each document's batch is handed over. Returns the
   * ids now searchable. `fresh`: the index holds none of them, so nothing is
   * deleted first.
   */
  async indexMany(
    docs: Iterable<StoredDocument>,
    options: { onSent?: (id: string) => void; fresh?: boolean; uid?: string } = {},
  ): Promise<string[]> {
    const index = this.client.index<MeiliChunk>(options.uid ?? this.uid);
    const pending: EnqueuedTask[] = [];
    const done: string[] = [];
    let batch: MeiliChunk[] = [];
    let ids: string[] = [];
    let text = 0;
    const flush = async () => {
      if (ids.length === 0) return;
      if (!options.fresh) pending.push(await index.deleteDocuments({ filter: anyOf("documentId", ids) }));
      if (batch.length > 0) pending.push(await index.addDocuments(batch, { primaryKey: "id" }));
      for (const id of ids) options.onSent?.(id);
      done.push(...ids);
      batch = [];
      ids = [];
      text = 0;
      // A bounded backlog: Meilisearch keeps every enqueued payload on disk until it is applied.
      if (pending.length > MAX_PENDING_TASKS) await this.settle(pending.splice(0, pending.length / 2), 0);
    };
    for (const doc of docs) {
      const chunks = documentsOf(doc);
      batch.push(...chunks);
      ids.push(doc.id);
      text += chunks.reduce((n, c) => n + c.text.length + c.exact.length, 0);
      if (batch.length >= BATCH_CHUNKS || text >= BATCH_TEXT) await flush();
    }
    await flush();
    await this.settle(pending, 0);
    this.names = null;
    return done;
  }

  /**
   * Builds a new index beside the live one, then swaps them, so searches
   * keep working during the rebuild; the old chunks are deleted after.
   */
  async rebuild(docs: Iterable<StoredDocument>, onSent: (id: string) => void): Promise<string[]> {
    const building = `${this.uid}_rebuild_${Date.now().toString(36)}`;
    await this.prepare(building);
    try {
      const done = await this.indexMany(docs, { onSent, fresh: true, uid: building });
      // Without `rename` (newer servers only): both indexes exist, so a plain swap.
      const swap = { indexes: [this.uid, building] } as IndexSwap;
      await this.settle([await this.client.swapIndexes([swap])], 0);
      return done;
    } finally {
      await this.client.deleteIndexIfExists(building);
    }
  }

  async remove(documentId: string): Promise<void> {
    await this.settle(
      [await this.chunks.deleteDocuments({ filter: `documentId = ${filterString(documentId)}` })],
      this.writeTimeoutMs,
    );
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    const read = readQuery(query);
    if (read.empty) return EMPTY;
    const plan = planSearch(read, query, await this.namesFor(read), {
      indexUid: this.uid,
      maxRanked: this.maxRanked,
    });
    if (!plan) return EMPTY;
    let merged = mergeBranches(await this.run(plan.queries), this.maxRanked);
    if (merged.candidates.length === 0 && plan.fallback) {
      // The words are not in the case's documents: the case itself is what the official is after.
      merged = mergeBranches(await this.run(plan.fallback), this.maxRanked);
    }
    const groups = groupsOf(merged.candidates, query.sort ?? "relevance");
    const page = groups.slice(query.offset, query.offset + query.limit);
    const texts = await this.texts(page.map((g) => (g.chunks[0] as { hit: ChunkHit }).hit.id));
    const isMatch = meiliMatcher(plan.highlight, merged.typos ? plan.typos : []);
    return {
      total: groups.length,
      hits: presentHits(page, texts, isMatch),
      facets: facetsOf(groups),
      complete: merged.complete,
    };
  }

  /** The same matcher as snippets, on the text given: no round trip to the server. */
  async matchingWords(q: string, text: string): Promise<string[]> {
    return matchingWordsIn(parseQuery(q), text);
  }

  private async run(queries: BranchQuery[]): Promise<BranchResult[]> {
    const { results } = await this.client.multiSearch<{ queries: MultiSearchQuery[] }, ChunkHit>({
      queries: queries.map((q) => q.query),
    });
    return queries.map((q, i) => ({ branch: q.branch, hits: results[i]?.hits ?? [] }));
  }

  /** The text of the chunks a page shows, for their snippets: read only for those. */
  private async texts(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const { results } = await this.chunks.getDocuments<{ id: string; text: string }>({
      filter: anyOf("id", ids),
      fields: ["id", "text"],
      limit: ids.length,
    });
    return new Map(results.map((r) => [r.id, r.text]));
  }

  /**
   * The indexed bodies and speakers (at most MAX_FACET_VALUES of each), when
   * `organ:` or `talare:` asks for parts of them.
   */
  private async namesFor(read: ReadQuery): Promise<NameLists> {
    const { bodies, speakers } = read.filters;
    if (bodies.length === 0 && speakers.length === 0) return { bodies: null, speakers: null };
    let names = this.names && Date.now() - this.names.at < NAMES_TTL_MS ? this.names : await this.loadNames();
    const found = (list: string[], part: string) => list.some((name) => name.includes(part));
    const missing =
      (bodies.length > 0 && !bodies.some((p) => found(names.bodies, p))) ||
      speakers.some((p) => !found(names.speakers, p));
    // Another process may have indexed the name since the list was read.
    if (missing && Date.now() - names.at > NAMES_RECHECK_MS) names = await this.loadNames();
    return names;
  }

  private async loadNames(): Promise<{ bodies: string[]; speakers: string[]; at: number }> {
    const at = Date.now();
    const { facetDistribution } = await this.chunks.search("", {
      limit: 0,
      facets: ["bodyKey", "speakerKeys"],
    });
    this.names = {
      bodies: Object.keys(facetDistribution?.bodyKey ?? {}),
      speakers: Object.keys(facetDistribution?.speakerKeys ?? {}),
      at,
    };
    return this.names;
  }

  /** A document just indexed adds its body and speakers to the lists, if they are loaded. */
  private learnNames(chunks: MeiliChunk[]): void {
    if (!this.names) return;
    const { bodies, speakers } = this.names;
    for (const c of chunks) {
      if (c.bodyKey && !bodies.includes(c.bodyKey)) bodies.push(c.bodyKey);
      for (const name of c.speakerKeys) if (!speakers.includes(name)) speakers.push(name);
    }
  }

  /** Creates the index if it is missing and applies the settings; waits for both. */
  private async prepare(uid: string): Promise<void> {
    try {
      await this.client.getRawIndex(uid);
    } catch (error) {
      if (!(error instanceof MeilisearchApiError) || error.cause?.code !== "index_not_found") throw error;
      try {
        await this.settle([await this.client.createIndex(uid, { primaryKey: "id" })], this.writeTimeoutMs);
      } catch (failed) {
        // The API and a worker starting together on a new deployment both try; one wins.
        if (!(failed instanceof MeiliTaskError) || failed.code !== "index_already_exists") throw failed;
      }
    }
    await this.settle([await this.client.index(uid).updateSettings(meiliSettings(this.maxRanked))], 0);
  }

  /** Waits for the tasks; a task that did not succeed is an error, with Meilisearch's reason. */
  private async settle(tasks: EnqueuedTask[], timeout: number): Promise<void> {
    if (tasks.length === 0) return;
    const finished = await this.client.tasks.waitForTasks(
      tasks.map((t) => t.taskUid),
      { timeout, interval: 25 },
    );
    const failed = finished.find((t) => t.status !== "succeeded");
    if (failed) {
      const reason = failed.error?.message ?? failed.status;
      throw new MeiliTaskError(
        `Meilisearch ${failed.type} task ${failed.uid} ${failed.status}: ${reason}`,
        failed.error?.code,
      );
    }
  }
}

/** A write Meilisearch accepted but did not apply, with its error code (`index_already_exists`, …). */
export class MeiliTaskError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
    this.name = "MeiliTaskError";
  }
}
