import { existsSync } from "node:fs";
import { join } from "node:path";
import express, { type RequestHandler } from "express";
import type { Logger } from "pino";
import type { Archive, AuditLog, OriginalStore } from "../indexer/archive/archive.ts";
import type { PipelineDeps } from "../indexer/pipeline.ts";
import type { IngestQueue } from "../indexer/queue/queue.ts";
import type { SearchIndex } from "../indexer/search/search-index.ts";
import { apiNotFound, errorHandler } from "./errors.ts";
import { auditRoutes } from "./routes/audit.routes.ts";
import { casesRoutes } from "./routes/cases.routes.ts";
import { documentsRoutes } from "./routes/documents.routes.ts";
import { jobsRoutes } from "./routes/jobs.routes.ts";
import { meetingsRoutes } from "./routes/meetings.routes.ts";
import { queueRoutes } from "./routes/queue.routes.ts";
import { searchRoutes } from "./routes/search.routes.ts";
import { sessionRoutes } from "./routes/session.routes.ts";

export interface AppDeps {
  archive: Archive;
  search: SearchIndex;
  queue: IngestQueue;
  originals: OriginalStore;
  audit: AuditLog;
  pipeline: PipelineDeps;
  apiToken: string | null;
  logger: Logger;
  /** The built web UI (web/dist); absent in API-only tests. */
  webDir: string | null;
}

const securityHeaders: RequestHandler = (_req, res, next) => {
  res.setHeader(
    "Content-Security-Policy",
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  );
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "same-origin");
  res.setHeader("X-Frame-Options", "DENY");
  next();
};

/** Builds the HTTP app from its parts; tests pass real parts over temp dirs. */
export function createApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("query parser", "simple");
  app.use(securityHeaders);

  const api = express.Router();
  api.get("/health", (_req, res) => {
    res.json({ status: "ok" });
  });
  api.use("/search", searchRoutes(deps));
  api.use("/documents", documentsRoutes(deps));
  api.use("/cases", casesRoutes(deps));
  api.use("/jobs", jobsRoutes(deps));
  // Beside the contract: for the web UI's meeting and upload views.
  api.use("/meetings", meetingsRoutes(deps));
  api.use("/session", sessionRoutes(deps));
  api.use("/queue", queueRoutes(deps));
  api.use("/audit", auditRoutes(deps));
  api.use(apiNotFound);
  app.use("/api", api);

  if (deps.webDir && existsSync(join(deps.webDir, "index.html"))) {
    const webDir = deps.webDir;
    app.use(express.static(webDir, { index: false, maxAge: "1h" }));
    app.get("/{*path}", (_req, res) => {
      res.setHeader("Cache-Control", "no-cache");
      res.sendFile(join(webDir, "index.html"));
    });
  } else {
    app.get("/", (_req, res) => {
      res.type("text/plain").send("The web UI is not built: run `npm run build:web`.\n");
    });
  }

  app.use(errorHandler(deps.logger));
  return app;
}
