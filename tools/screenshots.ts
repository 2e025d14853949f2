/**
 * `npm run screenshots`: the README's pictures of the search, document and
 * case views (docs/sok.png, docs/dokument.png, docs/arende.png), taken in
 * Chromium at 1280×900 from the demo's archive (the same 80 generated records)
 * built afresh in a temp dir, so they never show anyone's local data.
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
import { generateCorpus } from "./generate/index.ts";

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

  const server = createApp({ ...runtime, apiToken: null, webDir: WEB_DIR }).listen(0, "127.0.0.1");
  await once(server, "listening");
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const shoot = async (path: string, file: string): Promise<void> => {
      await page.goto(`${base}${path}`);
      await page.waitForFunction(
        () =>
          document.querySelector("main h1") !== null &&
          document.querySelector('main [aria-busy="true"], main [role="status"]') === null,
      );
      await page.screenshot({ path: join(DOCS, file) });
      process.stdout.write(`docs/${file}: ${path}\n`);
    };
    await shoot(`/?q=${QUERY}`, "sok.png");
    await shoot(`/dokument/${richestProtokoll(runtime)}`, "dokument.png");
    await shoot(`/arende?dnr=${encodeURIComponent(CASE)}`, "arende.png");
  } finally {
    await browser.close();
    server.closeAllConnections();
    server.close();
  }
} finally {
  await runtime.close();
  await rm(dir, { recursive: true, force: true });
}

/** The protokoll with the most paragraphs: the fullest picture of the document view. */
function richestProtokoll(rt: typeof runtime): string {
  let best: { id: string; paragraphs: number } | null = null;
  for (const id of rt.archive.allIds()) {
    const doc = rt.archive.get(id);
    if (doc?.record.type !== "protokoll") continue;
    const paragraphs = doc.record.paragraphs.length;
    if (!best || paragraphs > best.paragraphs) best = { id, paragraphs };
  }
  if (!best) throw new Error("the demo archive holds no protokoll");
  return best.id;
}
