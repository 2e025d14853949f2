import { existsSync } from "node:fs";
import { join } from "node:path";
import express, { type RequestHandler } from "express";
import type { Logger } from "pino";
import type { AccessStore } from "../indexer/archive/access.ts";
import type { Archive, AuditLog, OriginalStore } from "../indexer/archive/archive.ts";
import type { HttpSettings } from "../indexer/config.ts";
import type { PipelineDeps } from "../indexer/pipeline.ts";
import type { IngestQueue } from "../indexer/queue/queue.ts";
import type { SearchIndex } from "../indexer/search/search-index.ts";
import { identifyCaller, requireRole } from "./auth.ts";
import { apiNotFound, errorHandler } from "./errors.ts";
import { auditRoutes } from "./routes/audit.routes.ts";
import { casesRoutes } from "./routes/cases.routes.ts";
import { documentsRoutes } from "./routes/documents.routes.ts";
import { exportRoutes } from "./routes/export.routes.ts";
import { jobsRoutes } from "./routes/jobs.routes.ts";
import { meetingsRoutes } from "./routes/meetings.routes.ts";
import { queueRoutes } from "./routes/queue.routes.ts";
import { searchRoutes } from "./routes/search.routes.ts";
import { sessionRoutes } from "./routes/session.routes.ts";
import { tokensRoutes } from "./routes/tokens.routes.ts";

export interface AppDeps {
  archive: Archive;
  search: SearchIndex;
  queue: IngestQueue;
  originals: OriginalStore;
  audit: AuditLog;
  pipeline: PipelineDeps;
  access: AccessStore;
  /** ARCHIVE_API_TOKEN: the deployment's admin token (see server/auth.ts). */
  apiToken: string | null;
  /** Public reading, the proxy to trust, rate limits (config.http). */
  http: HttpSettings;
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

/** ARCHIVE_TRUST_PROXY as Express takes it: a hop count, true, or addresses and names ("loopback"). */
function trustProxyValue(setting: string): boolean | number | string {
  if (/^\d+$/.test(setting)) return Number(setting);
  if (setting === "true") return true;
  return setting;
}

/** Builds the HTTP app from its parts; tests pass real parts over temp dirs. */
export function createApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("query parser", "simple");
  if (deps.http.trustProxy) app.set("trust proxy", trustProxyValue(deps.http.trustProxy));
  app.use(securityHeaders);

  const api = express.Router();
  api.use((_req, res, next) => {
    // Answers depend on who asks: no shared cache may keep one for another.
    res.setHeader("Vary", "Authorization, Cookie");
    next();
  });
  api.get("/health", (_req, res) => {
    res.json({ status: "ok" });
  });
  api.use(identifyCaller(deps.access, { apiToken: deps.apiToken, publicRead: deps.http.publicRead }));
  api.use("/session", sessionRoutes(deps));
  // Each router guards its writes with a higher role (see server/auth.ts); reading needs a reader.
  const reader = requireRole("reader");
  api.use("/search", reader, searchRoutes(deps));
  api.use("/documents", reader, documentsRoutes(deps));
  api.use("/cases", reader, casesRoutes(deps));
  api.use("/jobs", reader, jobsRoutes(deps));
  // Beside the contract: for the web UI's meeting, upload, queue and audit views.
  api.use("/meetings", reader, meetingsRoutes(deps));
  api.use("/queue", queueRoutes(deps));
  api.use("/audit", auditRoutes(deps));
  api.use("/tokens", tokensRoutes(deps));
  api.use("/export", reader, exportRoutes(deps));
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
