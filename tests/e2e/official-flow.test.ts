/**
 * An official's way through the archive in a real browser (Debian's Chromium):
 * search, narrow by type, open a §, follow its bilaga, look up the case and
 * download the original. The page must never log an error, break its CSP, or
 * turn a record's text into markup.
 */

import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  findParagraphWithBilaga,
  type ParagraphWithBilaga,
  type ServedArchive,
  settled,
  setupOnce,
  startArchiveAndBrowser,
  watchPage,
} from "./harness.ts";

/** A staff report whose title and text look like markup: it must show as written. */
const MARKUP_RECORD = `Tjänsteutlåtande
Kommunstyrelsens förvaltning
Datum 2021-03-01
Diarienummer KS-2021/913

Granskning av webbformulär <script>alert('script')</script>

Sammanfattning
Vid säkerhetsgranskningen hittades texten <img src=x onerror="alert('img')"> i ett inskickat formulär, och även <b onmouseover="window.__xss=1">fetstil</b>.
Förvaltningen föreslår att formuläret rättas.

Förslag till beslut
Kommunstyrelsen noterar informationen.
`;

const SEARCH_BOX = "Sök bland protokoll, tjänsteutlåtanden och bilagor";

let served: ServedArchive;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[];
let target: ParagraphWithBilaga;

setupOnce(async () => {
  ({ served, browser } = await startArchiveAndBrowser({
    seed: 1,
    count: 16,
    extra: { "granskning-webbformular.txt": MARKUP_RECORD },
  }));
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

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Whether the element's top lies within the viewport. */
async function inViewport(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) return false;
    const rect = el.getBoundingClientRect();
    return rect.top >= 0 && rect.top < window.innerHeight && rect.height > 0;
  }, selector);
}

describe("an official's way through the archive", () => {
  it("searches, filters by type, opens a §, follows its bilaga, looks up the case and downloads the original", async () => {
    const { protokoll, paragraph, bilaga, label } = target;
    const heading = `§ ${paragraph.number} ${paragraph.title}`;
    const query = paragraph.title
      .split(/\s+/)
      .filter((w) => /^\p{L}+$/u.test(w))
      .slice(0, 4)
      .join(" ");

    // The search box has focus on arrival; results come while typing.
    await page.goto(served.url);
    const box = page.getByRole("searchbox", { name: SEARCH_BOX });
    await box.waitFor();
    expect(await box.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type(query);
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.searchParams.get("q") === query);
    const results = page.getByRole("region", { name: "Sökresultat" });
    await results.getByRole("link").first().waitFor();
    await settled(page);
    expect(await results.getByText(/^\d+ träff(ar)?/).textContent()).toMatch(/träff/);

    // Narrow to protokoll: the filter is in the URL, only protokoll remain.
    const filters = page.getByRole("navigation", { name: "Avgränsa sökningen" });
    await filters.getByRole("link", { name: /^Protokoll \d+ handling(ar)?$/ }).click();
    await page.waitForURL((url) => url.searchParams.get("type") === "protokoll");
    await settled(page);
    const url = new URL(page.url());
    expect(url.searchParams.get("q")).toBe(query);
    expect(
      await filters.getByRole("link", { name: /^Protokoll \d+ handling(ar)?$/ }).getAttribute("aria-current"),
    ).toBe("true");
    expect(await results.getByText("Protokoll", { exact: true }).count()).toBeGreaterThan(0);
    expect(await results.getByText(/^(Protokollsutdrag|Tjänsteutlåtande|Bilaga|Kallelse)$/).count()).toBe(0);

    // Open the § hit with the keyboard: the page lands on it.
    const hit = results.getByRole("link", { name: heading, exact: true }).first();
    await hit.focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(
      `${served.url}/dokument/${protokoll.id}?${new URLSearchParams({ q: query })}#p${paragraph.number}`,
    );
    const section = page.getByRole("region", { name: heading, exact: true });
    await section.waitFor();
    // The words of the search are marked in the text, and a line says how many.
    await page.getByText(/träffar? för ”.*” är markerade i texten/).waitFor();
    const marked = await page.locator(".paragraph__text mark, .page-text mark").allTextContents();
    const asked = query.toLowerCase().split(/\s+/);
    expect(marked.length).toBeGreaterThan(0);
    expect(marked.some((m) => asked.includes(m.toLowerCase()))).toBe(true);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(protokoll.title);
    expect(await inViewport(page, `#p${paragraph.number}`)).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(`p${paragraph.number}`);

    // The § names its bilaga; the link opens it.
    await section.getByRole("link", { name: new RegExp(`^Bilaga ${escapeRegExp(label)}\\b`) }).click();
    await page.waitForURL(`${served.url}/dokument/${bilaga.id}`);
    await settled(page);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(bilaga.title);
    const back = page
      .getByRole("region", { name: "Kopplade handlingar" })
      .getByRole("link", { name: new RegExp(`till § ${paragraph.number}$`) });
    expect(await back.first().getAttribute("href")).toBe(`/dokument/${protokoll.id}#p${paragraph.number}`);

    // The case, looked up as an official might write its number.
    await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Ärenden" }).click();
    await page.waitForURL(`${served.url}/arende`);
    const written = paragraph.diarienummer.toLowerCase().replace("-", " ");
    await page.getByRole("textbox", { name: "Diarienummer" }).click();
    await page.keyboard.type(written);
    await page.keyboard.press("Enter");
    await page.waitForURL((u) => u.pathname === "/arende" && u.searchParams.get("dnr") === written);
    await settled(page);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(`Ärende ${paragraph.diarienummer}`);
    const table = page.getByRole("table", { name: `Handlingar i ärende ${paragraph.diarienummer}` });
    const paragraphLink = table.getByRole("link", { name: `Paragraf ${paragraph.number} i ${protokoll.title}` });
    expect(await paragraphLink.count()).toBeGreaterThan(0);

    // From the case to the protokoll, and its original, byte for byte.
    const row = table.getByRole("row").filter({ has: page.getByRole("cell", { name: "Protokoll", exact: true }) });
    const link = row.first().getByRole("link").first();
    const documentId = decodeURIComponent(((await link.getAttribute("href")) ?? "").replace(/^\/dokument\/|#.*$/g, ""));
    await link.click();
    await page.waitForURL((u) => u.pathname === `/dokument/${documentId}`);
    await settled(page);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Ladda ned original" }).click(),
    ]);
    const filename = download.suggestedFilename();
    expect(await page.getByText(filename, { exact: true }).count(), "the file named on the page").toBe(1);
    const onDisk = served.files.get(filename);
    expect(onDisk, `downloaded "${filename}", which is no ingested file`).toBeDefined();
    const downloaded = sha256(await readFile(await download.path()));
    expect(downloaded).toBe(sha256(await readFile(onDisk as string)));
    expect(await page.getByText(downloaded, { exact: true }).isVisible()).toBe(true);

    expect(problems).toEqual([]);
  });

  it("shows a record's markup-looking text as text, and runs none of it", async () => {
    const title = "Granskning av webbformulär <script>alert('script')</script>";
    await page.goto(served.url);
    await page.getByRole("searchbox", { name: SEARCH_BOX }).fill("säkerhetsgranskningen");
    await page.keyboard.press("Enter");
    const results = page.getByRole("region", { name: "Sökresultat" });
    const hit = results.getByRole("link", { name: title, exact: true });
    await hit.waitFor();
    expect(await results.getByText(`<img src=x onerror="alert('img')">`, { exact: false }).count()).toBeGreaterThan(0);

    await hit.click();
    await page.waitForURL(/\/dokument\//);
    await settled(page);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(title);
    expect(await page.title()).toContain("<script>alert('script')</script>");
    for (const text of [`<img src=x onerror="alert('img')">`, `<b onmouseover="window.__xss=1">fetstil</b>`]) {
      expect(await page.getByText(text, { exact: false }).first().isVisible(), text).toBe(true);
    }
    const injected = await page.evaluate(() => ({
      elements: document.querySelectorAll("main img, main script, main b, [onerror], [onmouseover]").length,
      flag: "__xss" in window,
    }));
    expect(injected).toEqual({ elements: 0, flag: false });
    // alert() would have opened a dialog; an inline handler would have broken the CSP.
    expect(problems).toEqual([]);
  });

  it("blocks inline script through its CSP, and the watch on the page sees it", async () => {
    await page.goto(served.url);
    await settled(page);
    await page.evaluate(() => {
      const img = document.createElement("img");
      img.setAttribute("onerror", "window.__xss = 1");
      img.src = "/finns-inte.png";
      document.body.append(img);
    });
    await expect.poll(() => problems.some((p) => p.startsWith("CSP violation: script-src-attr"))).toBe(true);
    expect(await page.evaluate(() => "__xss" in window)).toBe(false);
  });
});
