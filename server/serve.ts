import type { Server } from "node:http";
import { fileURLToPath } from "node:url";
import type { Config } from "../indexer/config.ts";
import { openRuntime, type Runtime } from "../indexer/runtime.ts";
import { createApp } from "./app.ts";

const WEB_DIR = fileURLToPath(new URL("../web/dist", import.meta.url));

/**
 * Serves the API and the web UI until SIGTERM or SIGINT, then stops taking
 * requests, lets running ingestion finish and closes the archive.
 */
export async function serve(config: Config, existing?: Runtime): Promise<Server> {
  const runtime = existing ?? (await openRuntime(config, { searchThreads: config.searchThreads }));
  const app = createApp({ ...runtime, apiToken: config.apiToken, http: config.http, webDir: WEB_DIR });
  const server = app.listen(config.port, () => {
    runtime.logger.info(
      { port: config.port, dataDir: config.dataDir },
      `archive serving on http://localhost:${config.port}`,
    );
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
  return server;
}
