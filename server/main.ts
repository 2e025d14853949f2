import { fileURLToPath } from "node:url";
import { ConfigError, loadConfig } from "../indexer/config.ts";
import { openRuntime } from "../indexer/runtime.ts";
import { createApp } from "./app.ts";

const WEB_DIR = fileURLToPath(new URL("../web/dist", import.meta.url));

async function main(): Promise<void> {
  const config = loadConfig();
  const runtime = await openRuntime(config);
  const app = createApp({ ...runtime, apiToken: config.apiToken, webDir: WEB_DIR });
  const server = app.listen(config.port, () => {
    runtime.logger.info({ port: config.port, dataDir: config.dataDir }, `archive serving on http://localhost:${config.port}`);
  });
  server.on("error", (error) => {
    runtime.logger.fatal({ err: error }, "could not start the server");
    process.exit(1);
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    runtime.logger.info({ signal }, "stopping");
    server.close();
    server.closeAllConnections();
    runtime.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : String(error)}\n`);
  process.exit(1);
});
