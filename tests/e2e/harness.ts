/**
 * What the browser tests share: an archive of generated records served over
 * real HTTP with the built web UI, files to upload, and a watch on the page's
 * console. The accessibility checks are in a11y-checks.ts.
 */

import { createHash } from "node:crypto";
import { once } from "node:events";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { STATUS_CODES } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { beforeAll, beforeEach } from "vitest";
import { loadConfig } from "../../indexer/config.ts";
import { admit } from "../../indexer/pipeline.ts";
import { createApp } from "../../server/app.ts";
import { launchChromium } from "../../tools/browser.ts";
import { generateCorpus, iterateCorpus, renderRecord, type Truth } from "../../tools/generate/index.ts";
import { openTestArchive, type TestArchive } from "../helpers/runtime.ts";

const WEB_DIR = fileURLToPath(new URL("../../web/dist", import.meta.url));

export interface ServedArchive {
  /** http://127.0.0.1:PORT */
  url: string;
  /** Every ingested file by name, as it lies on disk: what a download must equal. */
  files: Map<string, string>;
  archive: TestArchive;
  close(): Promise<void>;
}

/**
 * Generates `count` records (PDF, DOCX, .txt), writes the `extra` text records
 * beside them, ingests all of them into a fresh archive and serves it with the
 * built UI on a free port.
 */
export async function serveGeneratedArchive(options: {
  seed: number;
  count: number;
  extra?: Record<string, string>;
  /** The server's environment (ARCHIVE_PUBLIC_READ, ...), as a deployment would set it. */
  env?: Record<string, string>;
}): Promise<ServedArchive> {
  if (!existsSync(join(WEB_DIR, "index.html")))
    throw new Error("web/dist is missing: run `npm run build:web` (npm test does)");
  const samples = await mkdtemp(join(tmpdir(), "archive-e2e-samples-"));
  const paths: string[] = [];
  let archive: TestArchive | null = null;
  try {
    const { files } = await generateCorpus({ seed: options.seed, count: options.count, outDir: samples });
    paths.push(...files.map((f) => f.path));
    for (const [name, text] of Object.entries(options.extra ?? {})) {
      paths.push(join(samples, name));
      await writeFile(join(samples, name), text);
    }
    archive = await openTestArchive(options.env);
    await ingest(archive, paths);
  } catch (error) {
    await archive?.close();
    await rm(samples, { recursive: true, force: true });
    throw error;
  }
  const opened = archive;
  const config = loadConfig(options.env ?? {});
  const app = createApp({ ...opened.runtime, apiToken: config.apiToken, http: config.http, webDir: WEB_DIR });
  const server = app.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    files: new Map(paths.map((p) => [basename(p), p])),
    archive: opened,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await opened.close();
      await rm(samples, { recursive: true, force: true });
    },
  };
}

/**
 * The served archive and Chromium, started side by side. If either fails the
 * other is closed again and the first error (Chromium's, when it is missing) thrown.
 */
export async function startArchiveAndBrowser(
  options: Parameters<typeof serveGeneratedArchive>[0],
): Promise<{ served: ServedArchive; browser: Browser }> {
  const [served, browser] = await Promise.allSettled([serveGeneratedArchive(options), launchChromium()]);
  if (served.status === "fulfilled" && browser.status === "fulfilled")
    return { served: served.value, browser: browser.value };
  if (served.status === "fulfilled") await served.value.close();
  if (browser.status === "fulfilled") await browser.value.close();
  throw browser.status === "rejected" ? browser.reason : (served as PromiseRejectedResult).reason;
}

/** The `archive ingest` path without its terminal output: admit, queue, wait. */
async function ingest(archive: TestArchive, paths: string[]): Promise<void> {
  const { pipeline, queue } = archive.runtime;
  const jobs = [];
  for (const path of paths) {
    const admission = await admit(pipeline, await readFile(path), basename(path));
    if (admission.status === "exists") continue;
    jobs.push(
      queue.enqueue({ sha256: admission.sha256, filename: basename(path) }).then((job) => queue.waitFor(job.id)),
    );
  }
  const failed = (await Promise.all(jobs)).filter((state) => state.status !== "completed");
  if (failed.length > 0) throw new Error(`ingest failed: ${failed.map((s) => s.error).join("; ")}`);
}

/**
 * The file's one-time setup (archive, browser). If it throws, every test of
 * the file fails with its error, where a failing beforeAll would leave them
 * merely skipped: a missing Chromium must never look like a quiet pass.
 */
export function setupOnce(setup: () => Promise<void>): void {
  let error: unknown = null;
  beforeAll(async () => {
    try {
      await setup();
    } catch (e) {
      error = e;
    }
  });
  beforeEach(() => {
    if (error) throw error;
  });
}

/** GET an API path of the served archive as JSON; the tests' own look-ups, not the user's. */
export async function apiGet<T>(served: ServedArchive, path: string): Promise<T> {
  const res = await fetch(`${served.url}${path}`);
  if (!res.ok) throw new Error(`GET ${path}: ${res.status}`);
  return (await res.json()) as T;
}

interface ApiDocument {
  id: string;
  type: string;
  title: string | null;
  filename: string;
  body: string | null;
  meetingDate: string | null;
  diarienummer: string[];
  paragraphs: { number: number | null; title: string | null; diarienummer: string[] }[];
  links: { rel: string; documentId: string | null; paragraph: number | null; label: string | null }[];
}

export interface ParagraphWithBilaga {
  protokoll: ApiDocument;
  paragraph: { number: number; title: string; diarienummer: string };
  bilaga: ApiDocument;
  /** The label the § gives its bilaga ("2.1"). */
  label: string;
}

/** A protokoll § with a diarienummer whose bilaga is in the archive: the official's way through it. */
export async function findParagraphWithBilaga(served: ServedArchive): Promise<ParagraphWithBilaga> {
  const list = await apiGet<{ documents: { id: string; type: string }[] }>(served, "/api/documents?limit=100");
  for (const summary of list.documents.filter((d) => d.type === "protokoll")) {
    const protokoll = await apiGet<ApiDocument>(served, `/api/documents/${summary.id}`);
    for (const link of protokoll.links) {
      if (link.rel !== "attachment" || !link.documentId || link.paragraph === null || !link.label) continue;
      const p = protokoll.paragraphs.find((x) => x.number === link.paragraph);
      if (!p?.title || p.diarienummer.length === 0) continue;
      const bilaga = await apiGet<ApiDocument>(served, `/api/documents/${link.documentId}`);
      return {
        protokoll,
        paragraph: { number: link.paragraph, title: p.title, diarienummer: p.diarienummer[0] as string },
        bilaga,
        label: link.label,
      };
    }
  }
  throw new Error("the generated archive holds no protokoll § with a bilaga in the archive: pick another seed");
}

export interface UploadFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
  /** The id the archive will give it: the first 16 hex digits of its SHA-256. */
  id: string;
  /** The generator's title: what the record says it is about. */
  title: string;
}

const MIME_TYPES: Record<string, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  txt: "text/plain",
};

/**
 * The first generated record (of `seed`'s corpus, in memory) that `pick`
 * accepts, as a browser would upload it. Use another seed than the served
 * archive's, so the file is new to it.
 */
export async function generatedUpload(seed: number, pick: (truth: Truth) => boolean): Promise<UploadFile> {
  for (const record of iterateCorpus({ seed, count: 40 })) {
    if (!pick(record.truth)) continue;
    const buffer = await renderRecord(record);
    return {
      name: record.truth.file,
      mimeType: MIME_TYPES[record.truth.format] ?? "application/octet-stream",
      buffer,
      id: createHash("sha256").update(buffer).digest("hex").slice(0, 16),
      title: record.truth.title,
    };
  }
  throw new Error(`seed ${seed} generates no such record among its first 40`);
}

/** A web page saved under a PDF's name: the archive refuses it (`disguised`) and stores nothing. */
export const DISGUISED_PDF = {
  name: "kallelse-kommunstyrelsen-2021-03-01.pdf",
  mimeType: "application/pdf",
  buffer: Buffer.from(
    "<!doctype html><html lang=sv><head><title>Kallelse</title></head><body><h1>Kallelse</h1></body></html>\n",
  ),
};

/**
 * Collects what would make an official's page misbehave: console errors,
 * uncaught exceptions, Content-Security-Policy violations and dialogs (which
 * are dismissed). Call before the first navigation.
 */
export async function watchPage(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    // A failed request's message does not name the request; its location does.
    const { url } = message.location();
    problems.push(`console error: ${message.text()}${url ? ` (${url})` : ""}`);
  });
  page.on("pageerror", (error) => problems.push(`uncaught: ${error.message}`));
  page.on("dialog", (dialog) => {
    problems.push(`dialog (${dialog.type()}): ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.exposeFunction("__e2eCspViolation", (text: string) => problems.push(`CSP violation: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { __e2eCspViolation(text: string): void }).__e2eCspViolation;
      report(`${event.effectiveDirective} blocked ${event.blockedURI || "inline"} in ${event.sourceFile}`);
    });
  });
  return problems;
}

/**
 * The console line Chromium writes for a request that failed with `status`:
 * the one kind of console error a test may expect, and then only for a
 * request the view is meant to see fail (an unknown meeting, a refused file).
 */
export function failedRequest(served: ServedArchive, status: number, path: string): string {
  return `console error: Failed to load resource: the server responded with a status of ${status} (${STATUS_CODES[status]}) (${served.url}${path})`;
}

/** A page of its own at desktop size, a 10 s default timeout, and the watch of watchPage on it. */
export async function openWatchedPage(browser: Browser): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  return { page, problems: await watchPage(page) };
}

/** Waits until the view has drawn what it fetched: an h1, nothing busy, no loading notice. */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      document.querySelector("main h1") !== null &&
      document.querySelector('main [aria-busy="true"], main [role="status"]') === null,
  );
}
