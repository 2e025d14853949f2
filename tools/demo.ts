/**
 * `npm run demo`: the archive on the embedded default with sample records.
 * Generates a deterministic set of Swedish committee records (PDF, DOCX,
 * .txt) into <data>/samples the first time, ingests them, and serves the UI.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import pino from "pino";
import { runIngest } from "../indexer/cli/ingest.ts";
import { loadConfig } from "../indexer/config.ts";
import { openRuntime } from "../indexer/runtime.ts";
import { serve } from "../server/serve.ts";
import { generateCorpus } from "./generate/index.ts";

const SAMPLE_COUNT = Number(process.env.DEMO_RECORDS ?? 80);

const config = loadConfig();
const samples = join(config.dataDir, "samples");
if (!existsSync(samples)) {
  process.stdout.write(`generating ${SAMPLE_COUNT} sample records into ${samples} ...\n`);
  await generateCorpus({ seed: 1, count: SAMPLE_COUNT, outDir: samples });
}
// Per-document logs would bury the progress bar; LOG_LEVEL brings them back.
const level = process.env.LOG_LEVEL ? config.logLevel : "warn";
const runtime = await openRuntime(config, {
  logger: pino({ level }, pino.destination(2)),
  searchThreads: config.searchThreads,
});
process.stdout.write(`ingesting ${samples} ...\n`);
await runIngest(runtime, [samples], false);
await serve(config, runtime);
process.stdout.write(`\nNämndarkivet is ready: http://localhost:${config.port}\n`);
