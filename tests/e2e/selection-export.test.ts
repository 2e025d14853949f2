/**
 * A records request from search hits, in a real browser: the official ticks
 * hits in two searches, the selection survives the second search and going
 * back, the export downloads a ZIP of exactly those originals, and the audit
 * log view lists the export. axe finds nothing on the views involved.
 */

import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { readZip } from "../helpers/zip-read.ts";
import { axeViolations, unnamedControls } from "./a11y-checks.ts";
import {
  failedRequest,
  findParagraphWithBilaga,
  type ParagraphWithBilaga,
  type ServedArchive,
  settled,
  setupOnce,
  startArchiveAndBrowser,
  watchPage,
} from "./harness.ts";

const SEARCH_BOX = "Sök bland protokoll, tjänsteutlåtanden och bilagor";

let served: ServedArchive;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[];
let target: ParagraphWithBilaga;

setupOnce(async () => {
  ({ served, browser } = await startArchiveAndBrowser({ seed: 1, count: 16 }));
  target = await findParagraphWithBilaga(served);
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

beforeEach(async () => {
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  page = await context.newPage();
  page.setDefaultTimeout(10_000);
  problems = await watchPage(page);
});

afterEach(async () => {
  await context?.close();
});

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** A few plain words of a title: what an official would type to find it. */
const wordsOf = (title: string, count: number) =>
  title
    .split(/\s+/)
    .filter((w) => /^\p{L}{3,}$/u.test(w))
    .slice(0, count)
    .join(" ");

async function searchFor(q: string): Promise<void> {
  const box = page.getByRole("searchbox", { name: SEARCH_BOX });
  await box.fill(q);
  await box.press("Enter");
  await page.waitForURL((url) => url.searchParams.get("q") === q);
  await page.getByRole("region", { name: "Sökresultat" }).getByRole("link").first().waitFor();
  await settled(page);
}

/** Ticks a hit's "Välj" with the keyboard, as its label names it. */
async function tick(name: string): Promise<void> {
  const box = page.getByRole("checkbox", { name: `Välj ${name}`, exact: true }).first();
  await box.focus();
  await page.keyboard.press("Space");
  expect(await box.isChecked(), name).toBe(true);
}

async function expectNoAxeViolations(where: string): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations, `axe on ${where}:\n${violations.join("\n")}`).toEqual([]);
  expect(await unnamedControls(page), where).toEqual([]);
}

describe("exporting a selection of search hits", () => {
  it("ticks hits in two searches, keeps them, downloads exactly those originals, and the log lists the export", async () => {
    const { protokoll, paragraph, bilaga } = target;
    const heading = `§ ${paragraph.number} ${paragraph.title}`;
    const first = wordsOf(paragraph.title, 3);
    const second = wordsOf(bilaga.title ?? "", 3);
    expect(second, "the bilaga has a title to search for").not.toBe("");

    await page.goto(served.url);
    await searchFor(first);
    const bar = page.getByRole("group", { name: "Urval för export" }).getByText(/^\d+ dokument (valt|valda)$/);
    expect(await bar.isVisible(), "no bar before anything is picked").toBe(false);
    await tick(heading);
    expect(await bar.textContent()).toBe("1 dokument valt");

    // A new search: the first pick stays, the second joins it.
    await searchFor(second);
    await tick(bilaga.title as string);
    expect(await bar.textContent()).toBe("2 dokument valda");
    await expectNoAxeViolations("the search view with a selection");

    // Back to the first search, and a reload: both still picked (sessionStorage).
    await page.goBack();
    await page.waitForURL((url) => url.searchParams.get("q") === first);
    await settled(page);
    await page.reload();
    await settled(page);
    await page
      .getByRole("checkbox", { name: `Välj ${heading}`, exact: true })
      .first()
      .waitFor();
    expect(
      await page
        .getByRole("checkbox", { name: `Välj ${heading}`, exact: true })
        .first()
        .isChecked(),
    ).toBe(true);
    expect(await bar.textContent()).toBe("2 dokument valda");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Exportera som ZIP" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^urval-[a-z0-9-]+-\d{4}-\d\d-\d\d\.zip$/);
    const entries = readZip(await readFile(await download.path()));
    expect(entries.map((e) => e.name)).toEqual([
      `01-${protokoll.filename}`,
      `02-${bilaga.filename}`,
      "manifest.csv",
      "forsattsblad.txt",
    ]);
    for (const [i, doc] of [protokoll, bilaga].entries()) {
      const onDisk = served.files.get(doc.filename) as string;
      expect(sha256(entries[i]?.data as Buffer), doc.filename).toBe(sha256(await readFile(onDisk)));
    }
    const cover = entries[3]?.data.toString("utf8") ?? "";
    expect(cover).toContain(`Urval av 2 dokument från sökningarna ”${first}” och ”${second}”`);

    // The log, from the menu: the export is its newest entry.
    await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Logg" }).click();
    await page.waitForURL(`${served.url}/logg`);
    await settled(page);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Logg över utlämnanden");
    const table = page.getByRole("table", { name: "Logg över utlämnanden, nyast först" });
    const newest = table.getByRole("row").nth(1);
    const cells = await newest.getByRole("cell").allTextContents();
    expect(cells[0]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    // Whoever the cover sheet says compiled the export.
    expect(cells.slice(1, 3)).toEqual(["Export", /^Sammanställt av: (.+)\r$/m.exec(cover)?.[1]]);
    expect(cells[3]).toContain(`Urval av 2 dokument från sökningarna ”${first}” och ”${second}”`);
    // Each document by the name it was exported under, linked to it.
    for (const doc of [protokoll, bilaga]) {
      const link = newest.getByRole("link", { name: doc.filename, exact: true });
      expect(await link.getAttribute("href")).toBe(`/dokument/${doc.id}`);
    }
    await expectNoAxeViolations("the audit log");

    // Rensa urval: the bar goes, the boxes are cleared, focus lands on the results.
    await page.goBack();
    await page.waitForURL((url) => url.searchParams.get("q") === first);
    await settled(page);
    await page.getByRole("button", { name: "Rensa urval" }).click();
    expect(await bar.isVisible()).toBe(false);
    expect(await page.getByRole("checkbox", { checked: true }).count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("results-heading");
    await page.reload();
    await settled(page);
    expect(await page.getByRole("checkbox", { checked: true }).count()).toBe(0);

    expect(problems).toEqual([]);
  });

  it("tells an official without admin access that the log needs it", async () => {
    await page.route("**/api/audit?**", (route) =>
      route.fulfill({ status: 403, json: { error: { code: "forbidden", message: "admins only" } } }),
    );
    await page.goto(`${served.url}/logg`);
    await settled(page);
    await page.getByText("Loggen kräver administratörsbehörighet.").waitFor();
    expect(await page.getByRole("table").count()).toBe(0);
    await expectNoAxeViolations("the audit log, refused");
    expect(problems).toEqual([failedRequest(served, 403, "/api/audit?limit=50&offset=0")]);
  });
});
