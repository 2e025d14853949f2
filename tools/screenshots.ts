/**
 * `npm run screenshots`: the README's pictures of the search, document, case,
 * meeting and upload views (docs/sok.png, docs/dokument.png, docs/arende.png,
 * docs/sammantrade.png, docs/ladda-upp.png), taken in Chromium at 1280×900
 * from the demo's archive (the same 80 generated records) built afresh in a
 * temp dir, so they never show anyone's local data.
 */

import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pino from "pino";
import { runIngest } from "../indexer/cli/ingest.ts";
import { loadConfig } from "../indexer/config.ts";
import { openRuntime } from "../indexer/runtime.ts";
import { createApp } from "../server/app.ts";
import { launchChromium } from "./browser.ts";
import { generateCorpus, iterateCorpus, renderRecord } from "./generate/index.ts";

const DOCS = fileURLToPath(new URL("../docs", import.meta.url));
const WEB_DIR = fileURLToPath(new URL("../web/dist", import.meta.url));
const QUERY = "budget";
const CASE = "KS-2018/66";

const dir = await mkdtemp(join(tmpdir(), "archive-screenshots-"));
const runtime = await openRuntime(loadConfig({ ARCHIVE_DATA_DIR: join(dir, "data") }), {
  logger: pino({ level: "warn" }, pino.destination(2)),
});
try {
  process.stdout.write("generating and ingesting the demo's 80 records ...\n");
  await generateCorpus({ seed: 1, count: 80, outDir: join(dir, "samples") });
  if ((await runIngest(runtime, [join(dir, "samples")], false)) !== 0) throw new Error("ingest failed");

  const server = createApp({ ...runtime, apiToken: null, http: loadConfig({}).http, webDir: WEB_DIR }).listen(
    0,
    "127.0.0.1",
  );
  await once(server, "listening");
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const shoot = async (path: string, file: string, prepare?: () => Promise<void>): Promise<void> => {
      await page.goto(`${base}${path}`);
      // Drawn, and the menu complete: its upload link waits for the session's answer.
      await page.waitForFunction(
        () =>
          document.querySelector("main h1") !== null &&
          document.querySelector('main [aria-busy="true"], main [role="status"]') === null &&
          document.querySelector("[data-nav-item=upload]:not([hidden])") !== null,
      );
      await prepare?.();
      await page.screenshot({ path: join(DOCS, file) });
      process.stdout.write(`docs/${file}: ${path}\n`);
    };
    const protokoll = richestProtokoll(runtime);
    await shoot(`/?q=${QUERY}`, "sok.png");
    await shoot(`/dokument/${protokoll.id}`, "dokument.png");
    await shoot(`/arende?dnr=${encodeURIComponent(CASE)}`, "arende.png");
    await shoot(
      `/sammantrade?${new URLSearchParams({ organ: protokoll.body, datum: protokoll.date })}`,
      "sammantrade.png",
    );
    await shoot(`/?q=${QUERY}`, "urval.png", async () => {
      const boxes = page.locator(".hit__checkbox");
      await boxes.nth(0).check();
      await boxes.nth(2).check();
      await page.locator(".selection-bar").waitFor();
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    });
    // A records request answered and an original read, so the log has something to show.
    await fetch(`${base}/api/cases/export?dnr=${encodeURIComponent(CASE)}`).then((r) => r.arrayBuffer());
    await fetch(`${base}/api/documents/${protokoll.id}/file`).then((r) => r.arrayBuffer());
    await shoot("/logg", "logg.png");
    await shoot("/ladda-upp", "ladda-upp.png", async () => {
      await page.getByLabel("Välj filer att ladda upp").setInputFiles(await uploadFiles());
      await page.getByText("1 av 2 filer klara, 1 misslyckades.", { exact: true }).waitFor({ timeout: 30_000 });
      // Out of the field, so no focus ring is in the picture.
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    });
  } finally {
    await browser.close();
    server.closeAllConnections();
    server.close();
  }
} finally {
  await runtime.close();
  await rm(dir, { recursive: true, force: true });
}

/** The protokoll with the most paragraphs: the fullest picture of the document and meeting views. */
function richestProtokoll(rt: typeof runtime): { id: string; body: string; date: string } {
  let best: { id: string; body: string; date: string; paragraphs: number } | null = null;
  for (const id of rt.archive.allIds()) {
    const { record } = rt.archive.get(id) ?? {};
    if (record?.type !== "protokoll" || !record.body || !record.meetingDate) continue;
    const paragraphs = record.paragraphs.length;
    if (!best || paragraphs > best.paragraphs) best = { id, body: record.body, date: record.meetingDate, paragraphs };
  }
  if (!best) throw new Error("the demo archive holds no protokoll with its body and meeting date");
  return best;
}

/**
 * What an official might drop: a staff report the demo archive lacks (from
 * another seed), read in; and a web page saved as .pdf, refused.
 */
async function uploadFiles(): Promise<{ name: string; mimeType: string; buffer: Buffer }[]> {
  const files = [];
  for (const record of iterateCorpus({ seed: 2, count: 12 })) {
    if (record.truth.type !== "tjansteutlatande" || record.truth.format !== "pdf") continue;
    files.push({ name: record.truth.file, mimeType: "application/pdf", buffer: await renderRecord(record) });
    break;
  }
  files.push({
    name: "kallelse-kommunstyrelsen-2021-03-01.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("<!doctype html><html lang=sv><title>Kallelse</title><h1>Kallelse</h1></html>\n"),
  });
  return files;
}
