/**
 * A scanned record in a real browser: uploaded as an image-only PDF, read
 * with Debian's tesseract, and shown with the line saying which page was read
 * by OCR and how sure Tesseract was; found by a word only the scan holds; and
 * the view passes the accessibility checks.
 */

import type { Browser, Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { iterateCorpus, renderRecord } from "../../tools/generate/index.ts";
import { scanPdf } from "../../tools/generate/scan.ts";
import { axeViolations } from "./a11y-checks.ts";
import { apiGet, openWatchedPage, type ServedArchive, settled, setupOnce, startArchiveAndBrowser } from "./harness.ts";

interface OcrDocument {
  id: string;
  title: string | null;
  pages: number;
  ocr: { status: string; pages: { page: number; confidence: number }[] };
}

let served: ServedArchive;
let browser: Browser;
let page: Page;
let problems: string[];
let doc: OcrDocument;
/** A case number the scan holds: its only way into the index is OCR. */
let dnr: string;

setupOnce(async () => {
  ({ served, browser } = await startArchiveAndBrowser({ seed: 7, count: 3 }));
  // A one-page record of another seed, so the archive has no born-digital copy of its text.
  const record = [...iterateCorpus({ seed: 41, count: 30 })].find(
    (r) => r.truth.format === "pdf" && r.truth.type === "kallelse",
  );
  if (!record?.truth.diarienummer[0]) throw new Error("the generator made no kallelse with a case number as PDF");
  dnr = record.truth.diarienummer[0];
  const scan = await scanPdf(await renderRecord(record), { pages: [1] });
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(scan)], { type: "application/pdf" }), "skanning-0001.pdf");
  const res = await fetch(`${served.url}/api/documents`, { method: "POST", body: form });
  if (res.status !== 202) throw new Error(`upload: ${res.status} ${await res.text()}`);
  const { items } = (await res.json()) as { items: { id: string }[] };
  const id = items[0]?.id as string;
  for (let i = 0; ; i++) {
    const found = await fetch(`${served.url}/api/documents/${id}`);
    if (found.ok) {
      doc = (await found.json()) as OcrDocument;
      if (doc.ocr.status === "done") break;
    }
    if (i > 240) throw new Error(`the scan was not read with OCR: ${JSON.stringify(doc?.ocr)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  ({ page, problems } = await openWatchedPage(browser));
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

describe("a scanned record", () => {
  it("says which page was read with OCR and how sure the reading was", async () => {
    const confidence = Math.round(doc.ocr.pages[0]?.confidence ?? -1);
    expect(confidence).toBeGreaterThan(50);
    await page.goto(`${served.url}/dokument/${doc.id}`);
    await settled(page);
    await page.getByText(`Sida 1 är inläst med OCR (säkerhet ${confidence} %)`).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it("is found by a case number only its scan holds, as a kallelse", async () => {
    const found = await apiGet<{ documents: { id: string; type: string }[] }>(
      served,
      `/api/cases?dnr=${encodeURIComponent(dnr)}`,
    );
    expect(found.documents).toContainEqual(expect.objectContaining({ id: doc.id, type: "kallelse" }));
  });
});
