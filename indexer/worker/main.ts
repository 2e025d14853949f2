import { ConfigError } from "../config.ts";
import { runWorker } from "./run.ts";

runWorker().catch((error: unknown) => {
  const message = error instanceof ConfigError ? error.message : error instanceof Error ? error.message : String(error);
  process.stderr.write(`worker: ${message}\n`);
  process.exit(1);
});
