/**
 * An official's way through a meeting and an upload, in a real browser
 * (Debian's Chromium): from a protokoll to its meeting and back to a §; files
 * chosen and dropped, each followed until it is searchable or refused, and a
 * refused file leaves the archive as it was. The only console errors allowed
 * are the failed requests the view is meant to see (a refused file, an
 * unknown meeting).
 */

import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  apiGet,
  DISGUISED_PDF,
  failedRequest,
  findParagraphWithBilaga,
  generatedUpload,
  type ParagraphWithBilaga,
  type ServedArchive,
  settled,
  setupOnce,
  startArchiveAndBrowser,
  type UploadFile,
  watchPage,
} from "./harness.ts";

let served: ServedArchive;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[];
let target: ParagraphWithBilaga;
let pdf: UploadFile;
let docx: UploadFile;

setupOnce(async () => {
  ({ served, browser } = await startArchiveAndBrowser({ seed: 1, count: 16 }));
  target = await findParagraphWithBilaga(served);
  // Another seed's staff reports: records the served archive has never seen.
  [pdf, docx] = await Promise.all([
    generatedUpload(2, (t) => t.type === "tjansteutlatande" && t.format === "pdf"),
    generatedUpload(2, (t) => t.type === "tjansteutlatande" && t.format === "docx"),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

beforeEach(async () => {
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  page.setDefaultTimeout(10_000);
  problems = await watchPage(page);
});

afterEach(async () => {
  await context?.close();
});

function hrefOf(locator: Locator): Promise<string | null> {
  return locator.getAttribute("href");
}

describe("a meeting", () => {
  it("is reached from its protokoll, lists its § with their cases and bilagor, and leads back to a §", async () => {
    const { protokoll, paragraph, bilaga, label } = target;
    const body = protokoll.body as string;
    const date = protokoll.meetingDate as string;

    await page.goto(`${served.url}/dokument/${protokoll.id}`);
    await settled(page);
    await page.getByRole("link", { name: "Alla handlingar från sammanträdet" }).click();
    await page.waitForURL(
      (u) =>
        u.pathname === "/sammantrade" && u.searchParams.get("organ") === body && u.searchParams.get("datum") === date,
    );
    await settled(page);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(`Sammanträde: ${body} ${date}`);
    expect(await page.title()).toContain(`${body} ${date}`);
    const protocolSection = page.getByRole("region", { name: "Protokoll", exact: true });
    expect(await hrefOf(protocolSection.getByRole("link", { name: protokoll.title as string, exact: true }))).toBe(
      `/dokument/${protokoll.id}`,
    );

    // One row per § of the protokoll, in its order: the § into the record, its cases, its bilagor.
    const table = page.getByRole("table", { name: `Paragrafer i ${protokoll.title}` });
    const numbered = protokoll.paragraphs.filter((p) => p.number !== null);
    const rows = table.locator("tbody tr");
    expect(await rows.count()).toBe(numbered.length);
    for (const [i, p] of numbered.entries()) {
      const row = rows.nth(i);
      const link = row.getByRole("link", { name: `§ ${p.number}`, exact: true });
      expect(await hrefOf(link), `§ ${p.number}`).toBe(`/dokument/${protokoll.id}#p${p.number}`);
      if (p.title) expect(await row.getByRole("cell", { name: p.title, exact: true }).count()).toBe(1);
      for (const dnr of p.diarienummer) {
        const dnrLink = row.getByRole("link", { name: dnr, exact: true });
        expect(await hrefOf(dnrLink), dnr).toBe(`/arende?${new URLSearchParams({ dnr })}`);
      }
    }
    const row = rows.nth(numbered.findIndex((p) => p.number === paragraph.number));
    expect(await hrefOf(row.getByRole("link", { name: `Bilaga ${label}`, exact: true }))).toBe(
      `/dokument/${bilaga.id}`,
    );

    // The bilaga is listed under the meeting too, with the § it belongs to.
    const bilagor = page.getByRole("region", { name: "Bilagor", exact: true });
    const item = bilagor.getByRole("listitem").filter({ has: page.locator(`a[href="/dokument/${bilaga.id}"]`) });
    expect(await hrefOf(item.getByRole("link", { name: `§ ${paragraph.number}`, exact: true }))).toBe(
      `/dokument/${protokoll.id}#p${paragraph.number}`,
    );

    // A § link lands on that § of the protokoll, with focus on it.
    await row.getByRole("link", { name: `§ ${paragraph.number}`, exact: true }).click();
    await page.waitForURL(`${served.url}/dokument/${protokoll.id}#p${paragraph.number}`);
    await page.getByRole("region", { name: `§ ${paragraph.number} ${paragraph.title}`, exact: true }).waitFor();
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(protokoll.title);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`p${paragraph.number}`);

    // Back at the meeting, its body's list holds it.
    await page.goBack();
    await settled(page);
    await page.getByRole("link", { name: `Alla sammanträden för ${body}` }).click();
    await page.waitForURL((u) => u.pathname === "/sammantrade" && u.searchParams.get("organ") === body);
    await settled(page);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(`Sammanträden – ${body}`);
    const list = page.getByRole("table", { name: `Sammanträden för ${body}` });
    expect(await hrefOf(list.getByRole("link", { name: `${body} ${date}`, exact: true }))).toBe(
      `/sammantrade?${new URLSearchParams({ organ: body, datum: date })}`,
    );

    expect(problems).toEqual([]);
  });

  it("says plainly when the archive has no such meeting, or the date is none, and offers the body's meetings", async () => {
    const body = target.protokoll.body as string;
    const bodyList = `/sammantrade?${new URLSearchParams({ organ: body })}`;
    await page.goto(`${served.url}/sammantrade?${new URLSearchParams({ organ: body, datum: "1999-01-04" })}`);
    await settled(page);
    expect(await page.getByText(`Arkivet har inga handlingar från ${body} den 1999-01-04.`).isVisible()).toBe(true);
    expect(await hrefOf(page.getByRole("link", { name: `Visa alla sammanträden för ${body}` }))).toBe(bodyList);
    // The form keeps what was asked, so the official can correct it.
    expect(await page.getByRole("textbox", { name: "Organ" }).inputValue()).toBe(body);
    expect(await page.getByLabel("Datum (valfritt)").inputValue()).toBe("1999-01-04");

    // A date the calendar lacks is the address's fault: said at once, with the body's meetings, and never asked for.
    await page.goto(`${served.url}/sammantrade?${new URLSearchParams({ organ: body, datum: "2020-02-30" })}`);
    await settled(page);
    expect(await page.getByRole("alert").textContent()).toMatch(/^Datumet i adressen kunde inte tolkas/);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(`Sammanträden – ${body}`);
    expect(await page.getByRole("table", { name: `Sammanträden för ${body}` }).isVisible()).toBe(true);

    expect(problems).toEqual([
      failedRequest(served, 404, `/api/meetings?${new URLSearchParams({ body, date: "1999-01-04" })}`),
    ]);
  });
});

describe("uploading", () => {
  it("reads a chosen and a dropped record until they are searchable, and refuses a disguised file with its reason", async () => {
    const before = await apiGet<{ total: number }>(served, "/api/documents?limit=1");

    // The upload link appears in the menu once the archive says this browser may write.
    await page.goto(served.url);
    await settled(page);
    await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Ladda upp" }).click();
    await page.waitForURL(`${served.url}/ladda-upp`);
    await settled(page);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Ladda upp handlingar");
    const files = page.getByRole("region", { name: "Filer" });
    expect(await files.isVisible()).toBe(false);

    // Hold the PDF's request, so its progress can be seen before the answer.
    let release = (): void => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route("**/api/documents", async (route) => {
      if (route.request().postDataBuffer()?.includes(pdf.name)) await held;
      await route.continue();
    });

    await page.getByLabel("Välj filer att ladda upp").setInputFiles([pdf, DISGUISED_PDF]);
    const pdfRow = files.getByRole("listitem").filter({ hasText: pdf.name });
    const badRow = files.getByRole("listitem").filter({ hasText: DISGUISED_PDF.name });
    const progress = pdfRow.getByRole("progressbar", { name: `Skickar ${pdf.name}` });
    await progress.waitFor();
    expect(await pdfRow.getByText(/^Skickar … \d+ %$/).isVisible()).toBe(true);
    expect(Number(await progress.getAttribute("value"))).toBeGreaterThanOrEqual(0);

    // The disguised file is refused on arrival, with what to do about it.
    await badRow.getByText(/^Misslyckades: Filens innehåll stämmer inte med filnamnet/).waitFor();
    expect(await badRow.getByText(/^Arkivets meddelande: .+/).isVisible()).toBe(true);
    expect(await badRow.getByRole("button", { name: `Försök igen med ${DISGUISED_PDF.name}` }).count()).toBe(0);

    // A file dropped on the drop zone joins the same list, while the PDF is still on its way.
    const base64 = docx.buffer.toString("base64");
    await page.evaluate(
      ({ name, type, data }) => {
        const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
        const transfer = new DataTransfer();
        transfer.items.add(new File([bytes], name, { type }));
        const zone = document.querySelector(".dropzone");
        if (!zone) throw new Error("no drop zone");
        for (const type of ["dragenter", "dragover", "drop"]) {
          zone.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
        }
      },
      { name: docx.name, type: docx.mimeType, data: base64 },
    );
    const docxRow = files.getByRole("listitem").filter({ hasText: docx.name });
    await docxRow.waitFor();
    expect(await pdfRow.getByText(/^Skickar/).isVisible(), "the PDF is still being sent").toBe(true);

    release();
    await pdfRow.getByText("Sökbar nu", { exact: true }).waitFor();
    expect(await progress.isVisible()).toBe(false);
    const open = pdfRow.getByRole("link", { name: `Öppna ${pdf.name}` });
    expect(await hrefOf(open)).toBe(`/dokument/${pdf.id}`);

    await docxRow.getByText("Sökbar nu", { exact: true }).waitFor();
    expect(await hrefOf(docxRow.getByRole("link", { name: `Öppna ${docx.name}` }))).toBe(`/dokument/${docx.id}`);
    expect(await files.getByText("2 av 3 filer klara, 1 misslyckades.", { exact: true }).isVisible()).toBe(true);
    expect(await page.locator(".dropzone.is-dragover").count(), "the drop zone lets go after the drop").toBe(0);

    // Two records more, none of them the refused file.
    const after = await apiGet<{ total: number; documents: { filename: string }[] }>(
      served,
      "/api/documents?limit=200",
    );
    expect(after.total).toBe(before.total + 2);
    expect(after.documents.map((d) => d.filename)).not.toContain(DISGUISED_PDF.name);

    // The link opens the record as read in.
    const uploaded = await apiGet<{ title: string }>(served, `/api/documents/${pdf.id}`);
    await open.click();
    await page.waitForURL(`${served.url}/dokument/${pdf.id}`);
    await settled(page);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(uploaded.title);

    // And a search for its title finds it.
    await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Sök" }).click();
    await page.getByRole("searchbox").fill(pdf.title);
    await page.keyboard.press("Enter");
    await page.waitForURL((u) => u.searchParams.get("q") === pdf.title);
    await settled(page);
    const results = page.getByRole("region", { name: "Sökresultat" });
    const hit = results.locator(`a[href^="/dokument/${pdf.id}"]`).first();
    expect(await hit.textContent()).toBe(uploaded.title);

    expect(problems).toEqual([failedRequest(served, 422, "/api/documents")]);
  });
});
