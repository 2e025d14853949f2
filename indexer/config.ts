import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import { z } from "zod";

const schema = z.object({
  ARCHIVE_DATA_DIR: z.string().min(1).default("./data"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  ARCHIVE_API_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  REDIS_URL: z.url().optional(),
  MEILI_URL: z.url().optional(),
  MEILI_MASTER_KEY: z.string().optional(),
  ARCHIVE_MAX_UPLOAD_MB: z.coerce.number().positive().default(100),
  ARCHIVE_PARSE_TIMEOUT_S: z.coerce.number().positive().default(120),
  ARCHIVE_PARSE_MEMORY_MB: z.coerce.number().int().min(64).default(1024),
  ARCHIVE_PDF_EXTRACTOR: z.enum(["auto", "pdftotext", "pdf-parse"]).default("auto"),
  ARCHIVE_INGEST_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  ARCHIVE_SEARCH_THREADS: z.coerce.number().int().min(0).max(64).default(Math.min(4, availableParallelism())),
  ARCHIVE_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
  ARCHIVE_JOB_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(5),
  ARCHIVE_JOB_BACKOFF_S: z.coerce.number().positive().default(10),
  ARCHIVE_JOB_LOCK_S: z.coerce.number().min(0.5).default(30),
  ARCHIVE_JOB_STALLED_CHECK_S: z.coerce.number().min(0.1).default(30),
  ARCHIVE_OCR: z.enum(["auto", "tesseract", "tesseract.js", "off"]).default("auto"),
  ARCHIVE_OCR_MAX_PAGES: z.coerce.number().int().min(1).default(100),
  ARCHIVE_OCR_TIMEOUT_S: z.coerce.number().positive().default(1800),
  ARCHIVE_PUBLIC_READ: z.enum(["true", "false", "1", "0", "yes", "no"]).default("true"),
  ARCHIVE_TRUST_PROXY: z.string().optional(),
  ARCHIVE_RATE_SEARCH_PER_MIN: z.coerce.number().int().min(0).default(1200),
  ARCHIVE_RATE_UPLOAD_PER_MIN: z.coerce.number().int().min(0).default(300),
  ARCHIVE_RATE_SIGNIN_PER_MIN: z.coerce.number().int().min(0).default(10),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

/** Every environment variable the archive reads; a deployment that sets another has a typo. */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(schema.shape);

export interface Config {
  dataDir: string;
  port: number;
  apiToken: string | null;
  redisUrl: string | null;
  meiliUrl: string | null;
  meiliMasterKey: string | null;
  maxUploadBytes: number;
  parseTimeoutMs: number;
  parseMemoryMb: number;
  ingestConcurrency: number;
  /** Worker threads that serve searches in the server; 0 searches on the main thread. */
  searchThreads: number;
  /** With REDIS_URL: how the BullMQ queue runs jobs (see indexer/queue/bullmq-queue.ts). */
  jobs: JobSettings;
  /** Who may reach the archive over HTTP (see server/auth.ts). */
  http: HttpSettings;
  /** "auto": poppler's pdftotext where installed, else pdf-parse. */
  pdfExtractor: "auto" | "pdftotext" | "pdf-parse";
  /** Reading scanned pages with Tesseract (see indexer/ocr-job.ts). */
  ocr: OcrSettings;
  logLevel: z.infer<typeof schema>["LOG_LEVEL"];
}

export interface HttpSettings {
  /** Reading (search, documents, cases) without signing in. */
  publicRead: boolean;
  /**
   * Express's "trust proxy" (e.g. "loopback" or "1"): behind a TLS proxy, the
   * client's address and https come from its X-Forwarded-* headers. Unset: not trusted.
   */
  trustProxy: string | null;
  /** Requests a minute per client; 0 turns a limit off. */
  rateLimits: { search: number; upload: number; signIn: number };
}

export interface JobSettings {
  /** Jobs one `npm run worker` process runs at once (default ARCHIVE_INGEST_CONCURRENCY). */
  workerConcurrency: number;
  /** Tries of a job that fails for a passing reason; a refused file fails at the first. */
  attempts: number;
  /** The first retry's delay; each next one doubles it. */
  backoffMs: number;
  /** A worker's hold on its job; a worker that dies loses it this long after its last renewal. */
  lockMs: number;
  /** How often workers look for jobs whose holder died. */
  stalledCheckMs: number;
}

export interface OcrSettings {
  /**
   * "auto": Debian's tesseract with its Swedish model where installed, else
   * tesseract.js where its optional npm packages are; one of them by name; or
   * "off": scans are stored as needing OCR.
   */
  mode: "auto" | "tesseract" | "tesseract.js" | "off";
  /** Pages one document may have read by OCR; beyond them its OCR is partial. */
  maxPages: number;
  /** Time one document's OCR may take; past it, its OCR is partial. */
  timeoutMs: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/**
 * Reads the environment once, at start. Every invalid variable is listed
 * together, so a deployment is fixed in one go rather than one error a run.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ""));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  }
  const e = parsed.data;
  return {
    dataDir: resolve(e.ARCHIVE_DATA_DIR),
    port: e.PORT,
    apiToken: e.ARCHIVE_API_TOKEN ?? null,
    redisUrl: e.REDIS_URL ?? null,
    meiliUrl: e.MEILI_URL ?? null,
    meiliMasterKey: e.MEILI_MASTER_KEY ?? null,
    maxUploadBytes: Math.round(e.ARCHIVE_MAX_UPLOAD_MB * 1024 * 1024),
    parseTimeoutMs: e.ARCHIVE_PARSE_TIMEOUT_S * 1000,
    parseMemoryMb: e.ARCHIVE_PARSE_MEMORY_MB,
    ingestConcurrency: e.ARCHIVE_INGEST_CONCURRENCY,
    searchThreads: e.ARCHIVE_SEARCH_THREADS,
    jobs: {
      workerConcurrency: e.ARCHIVE_WORKER_CONCURRENCY ?? e.ARCHIVE_INGEST_CONCURRENCY,
      attempts: e.ARCHIVE_JOB_ATTEMPTS,
      backoffMs: Math.round(e.ARCHIVE_JOB_BACKOFF_S * 1000),
      lockMs: Math.round(e.ARCHIVE_JOB_LOCK_S * 1000),
      stalledCheckMs: Math.round(e.ARCHIVE_JOB_STALLED_CHECK_S * 1000),
    },
    http: {
      publicRead: ["true", "1", "yes"].includes(e.ARCHIVE_PUBLIC_READ),
      trustProxy: e.ARCHIVE_TRUST_PROXY ?? null,
      rateLimits: {
        search: e.ARCHIVE_RATE_SEARCH_PER_MIN,
        upload: e.ARCHIVE_RATE_UPLOAD_PER_MIN,
        signIn: e.ARCHIVE_RATE_SIGNIN_PER_MIN,
      },
    },
    pdfExtractor: e.ARCHIVE_PDF_EXTRACTOR,
    ocr: { mode: e.ARCHIVE_OCR, maxPages: e.ARCHIVE_OCR_MAX_PAGES, timeoutMs: e.ARCHIVE_OCR_TIMEOUT_S * 1000 },
    logLevel: e.LOG_LEVEL,
  };
}
