import { parseArgs } from "node:util";
import pino from "pino";
import { ConfigError, loadConfig } from "../config.ts";
import { isFileRejected } from "../errors.ts";
import { choosePdfEngine, createTextExtractor, ExtractionPool } from "../extract/index.ts";
import { openOcr } from "../ocr/index.ts";
import { openPipeline, openRuntime } from "../runtime.ts";
import { runBackup, runRestore } from "./backup.ts";
import { runExtract } from "./extract.ts";
import { runIngest } from "./ingest.ts";
import { runReindex } from "./reindex.ts";
import { runToken, TOKEN_USAGE } from "./tokens.ts";

const USAGE = `usage: archive <command> [options]

commands:
  extract FILE          print what the indexer understands of one PDF, DOCX or .txt file (JSON)
  ingest PATH...        add files and folders (recursively) to the archive in ARCHIVE_DATA_DIR
    --json              one JSON line per file instead of a progress bar and summary
  reindex               rebuild the search index (embedded, or Meilisearch with MEILI_URL) from the archive
  backup PATH           copy the archive (database and originals) into a new or empty directory, while it runs
  restore PATH          restore a backup into ARCHIVE_DATA_DIR, which must be empty or absent
${TOKEN_USAGE}`;

async function main(argv: string[]): Promise<number> {
  // `token create` takes options of its own (--role, --name).
  if (argv[0] === "token") return runToken(loadConfig(), argv.slice(1));
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { json: { type: "boolean", default: false }, help: { type: "boolean", short: "h", default: false } },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    process.stdout.write(USAGE);
    return command || values.help ? 0 : 2;
  }
  const config = loadConfig();

  switch (command) {
    case "extract": {
      if (rest.length !== 1) return usageError("extract takes exactly one FILE");
      const pool = new ExtractionPool({ size: 1, timeoutMs: config.parseTimeoutMs, maxMemoryMb: config.parseMemoryMb });
      try {
        const extractor = createTextExtractor(pool, {
          pdfEngine: choosePdfEngine(config.pdfExtractor),
          pdftotext: { timeoutMs: config.parseTimeoutMs, maxMemoryMb: config.parseMemoryMb },
        });
        const ocr = openOcr(config.ocr, config.parseMemoryMb);
        try {
          await runExtract(extractor, rest[0] as string, ocr);
        } finally {
          await ocr.engine?.close?.();
        }
      } finally {
        await pool.close();
      }
      return 0;
    }
    case "ingest": {
      if (rest.length === 0) return usageError("ingest needs at least one PATH");
      const level = process.env.LOG_LEVEL ? config.logLevel : "warn";
      const runtime = await openRuntime(config, { logger: pino({ level }, pino.destination(2)) });
      try {
        return await runIngest(runtime, rest, values.json);
      } finally {
        await runtime.close();
      }
    }
    case "reindex": {
      if (rest.length > 0) return usageError("reindex takes no arguments");
      const level = process.env.LOG_LEVEL ? config.logLevel : "warn";
      // No queue: a rebuild reads the store and writes the index, nothing else.
      const runtime = await openPipeline(config, { logger: pino({ level }, pino.destination(2)), recoverIndex: false });
      try {
        return await runReindex(runtime);
      } finally {
        await runtime.close();
      }
    }
    case "backup":
      if (rest.length !== 1) return usageError("backup takes exactly one PATH");
      return await runBackup(config, rest[0] as string);
    case "restore":
      if (rest.length !== 1) return usageError("restore takes exactly one PATH");
      return await runRestore(config, rest[0] as string);
    default:
      return usageError(`unknown command: ${command}`);
  }
}

function usageError(message: string): number {
  process.stderr.write(`archive: ${message}\n\n${USAGE}`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof ConfigError) process.stderr.write(`archive: ${error.message}\n`);
    else if (isFileRejected(error)) process.stderr.write(`archive: refused: ${error.message}\n`);
    else if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      process.stderr.write(`archive: no such file: ${(error as NodeJS.ErrnoException).path}\n`);
    } else process.stderr.write(`archive: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = isFileRejected(error) ? 3 : 1;
  },
);
