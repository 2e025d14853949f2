import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { loadConfig } from "../../indexer/config.ts";
import { openRuntime, type Runtime } from "../../indexer/runtime.ts";
import { createApp } from "../../server/app.ts";

export interface TestArchive {
  dir: string;
  runtime: Runtime;
  app: ReturnType<typeof createApp>;
  close(): Promise<void>;
}

/** A real archive in a fresh temp dir, with the HTTP app over it. */
export async function openTestArchive(env: Record<string, string> = {}): Promise<TestArchive> {
  const dir = await mkdtemp(join(tmpdir(), "archive-test-"));
  const config = loadConfig({ ARCHIVE_DATA_DIR: dir, ARCHIVE_PARSE_TIMEOUT_S: "30", ...env });
  // Searches run in a thread, as in the server, unless the test asks otherwise.
  const runtime = await openRuntime(config, {
    logger: pino({ level: "silent" }),
    searchThreads: env.ARCHIVE_SEARCH_THREADS ? config.searchThreads : 1,
  });
  const app = createApp({ ...runtime, apiToken: config.apiToken, http: config.http, webDir: null });
  return {
    dir,
    runtime,
    app,
    async close() {
      await runtime.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
