/**
 * The ingestion queue an admin watches, in a real browser: reached from the
 * menu, its counts, a file that failed with its reason in Swedish, running it
 * again (it fails again, for the same reason, and the list says so), and the
 * view's accessibility. A disguised file is refused on arrival and never
 * becomes a job, so the failed job here is a damaged PDF: its header passes
 * the upload's checks, its body fails when it is read.
 */

import type { Browser, Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { axeViolations, unnamedControls } from "./a11y-checks.ts";
import { apiGet, openWatchedPage, type ServedArchive, settled, setupOnce, startArchiveAndBrowser } from "./harness.ts";

const DAMAGED_PDF = {
  name: "protokoll-byggnadsnamnden-2021-05-12.pdf",
  buffer: Buffer.from("%PDF-1.4\nDet här är inte en riktig PDF, bara dess första rad.\n%%EOF\n"),
};

interface Overview {
  counts: Record<"waiting" | "active" | "completed" | "failed" | "retrying", number>;
  failed: { id: string; file: string; errorCode: string | null; failedAt: string }[];
}

let served: ServedArchive;
let browser: Browser;
let page: Page;
let problems: string[];
/** Every request the page made, as "METHOD /path", in order. */
const requests: string[] = [];

setupOnce(async () => {
  ({ served, browser } = await startArchiveAndBrowser({ seed: 3, count: 6 }));
  // Uploaded the way any client would; the archive takes it and fails it when reading it.
  const form = new FormData();
  form.append("file", new Blob([DAMAGED_PDF.buffer], { type: "application/pdf" }), DAMAGED_PDF.name);
  const res = await fetch(`${served.url}/api/documents`, { method: "POST", body: form });
  if (res.status !== 202) throw new Error(`upload: ${res.status} ${await res.text()}`);
  for (let i = 0; ; i++) {
    const { failed } = await apiGet<Overview>(served, "/api/queue");
    if (failed.length > 0 && failed.every((j) => j.errorCode === "damaged")) break;
    if (i > 100) throw new Error(`the damaged PDF did not fail as damaged: ${JSON.stringify(failed)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  ({ page, problems } = await openWatchedPage(browser));
  page.on("request", (r) => requests.push(`${r.method()} ${new URL(r.url()).pathname}`));
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

describe("the ingestion queue", () => {
  it("is reached from the menu, counts the jobs, lists the failure with its reason and runs it again", async () => {
    const overview = await apiGet<Overview>(served, "/api/queue");
    await page.goto(served.url);
    await settled(page);
    await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Inläsningskö" }).click();
    await page.waitForURL(`${served.url}/ko`);
    await settled(page);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Inläsningskö");

    const counts = page.locator(".queue-counts");
    const count = (label: string) =>
      counts.locator("div", { has: page.getByText(label, { exact: true }) }).locator("dd");
    expect(await count("Klara").textContent()).toBe(String(overview.counts.completed));
    expect(await count("Misslyckade").textContent()).toBe("1");
    expect(await count("Väntar").textContent()).toBe("0");

    const list = page.getByRole("list", { name: "Misslyckade filer" });
    const row = list.getByRole("listitem").filter({ hasText: DAMAGED_PDF.name });
    expect(await row.getByText(/^Filen är skadad och går inte att läsa\./).isVisible()).toBe(true);
    expect(await row.getByText(/^Arkivets meddelande: the PDF is damaged/).isVisible()).toBe(true);
    const failedAt = overview.failed[0]?.failedAt as string;
    expect(await row.locator("time").getAttribute("datetime")).toBe(failedAt);

    // Run it again: the request is made, the view asks for the queue anew, and the file fails again.
    const retryPath = `/api/queue/jobs/${overview.failed[0]?.id}/retry`;
    const [retry] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST" && r.url().endsWith("/retry")),
      row.getByRole("button", { name: `Försök igen med ${DAMAGED_PDF.name}` }).click(),
    ]);
    expect(new URL(retry.url()).pathname).toBe(retryPath);
    expect(retry.status()).toBe(202);
    await expect
      .poll(() => requests.slice(requests.indexOf(`POST ${retryPath}`) + 1), { message: "the queue asked for again" })
      .toContain("GET /api/queue");
    await page.getByText(`${DAMAGED_PDF.name} läses in igen.`, { exact: true }).waitFor();
    await expect.poll(() => row.locator("time").getAttribute("datetime")).not.toBe(failedAt);
    expect(await row.getByText(/^Filen är skadad och går inte att läsa\./).isVisible()).toBe(true);
    expect(await list.getByRole("listitem").count(), "the one failure, once").toBe(1);

    expect(problems).toEqual([]);
  });

  it("has no axe violations (also on a phone-sized screen), one h1 and every control named", async () => {
    problems.length = 0;
    await page.goto(`${served.url}/ko`);
    await settled(page);
    await page.getByRole("list", { name: "Misslyckade filer" }).waitFor();
    expect(await page.getByRole("heading", { level: 1 }).count(), "one h1").toBe(1);
    const violations = await axeViolations(page);
    expect(violations, violations.join("\n")).toEqual([]);
    expect(await unnamedControls(page)).toEqual([]);
    await page.setViewportSize({ width: 375, height: 800 });
    const onPhone = await axeViolations(page);
    expect(onPhone, `on a phone-sized screen:\n${onPhone.join("\n")}`).toEqual([]);
    expect(problems).toEqual([]);
  });
});
