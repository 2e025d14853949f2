/**
 * API keys in a real browser: an admin signs in, makes a key for a colleague
 * (shown once, and it works at once), sees it listed without its secret,
 * revokes it (and it stops working), and the view passes the accessibility
 * checks.
 */

import type { Browser, Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import type { CreatedToken } from "../../indexer/archive/access.ts";
import { axeViolations, unnamedControls } from "./a11y-checks.ts";
import { openWatchedPage, type ServedArchive, settled, setupOnce, startArchiveAndBrowser } from "./harness.ts";

let served: ServedArchive;
let browser: Browser;
let page: Page;
let problems: string[];
let admin: CreatedToken;

setupOnce(async () => {
  ({ served, browser } = await startArchiveAndBrowser({ seed: 9, count: 3 }));
  admin = served.archive.runtime.access.create("Dan Systemförvaltare", "admin");
  ({ page, problems } = await openWatchedPage(browser));
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

async function sessionOf(secret: string): Promise<{ role: string | null }> {
  const res = await fetch(`${served.url}/api/session`, { headers: { Authorization: `Bearer ${secret}` } });
  return (await res.json()) as { role: string | null };
}

describe("API keys", () => {
  it("are made by an admin for a colleague, shown once, and work at once", async () => {
    await page.goto(`${served.url}/logga-in?next=/nycklar`);
    await settled(page);
    await page.getByRole("textbox", { name: "API-nyckel" }).fill(admin.secret);
    await page.getByRole("button", { name: "Logga in" }).click();
    await page.waitForURL((url) => url.pathname === "/nycklar");
    await page.getByRole("table", { name: "Nycklar, nyast först" }).waitFor();
    expect(
      await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Nycklar" }).isVisible(),
    ).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    expect(await unnamedControls(page)).toEqual([]);

    await page.getByLabel("Vem får nyckeln (namn och uppdrag)").fill("Greta Jurist, kommunjurist");
    await page.getByLabel("Roll").selectOption("editor");
    await page.getByRole("button", { name: "Skapa nyckel" }).click();
    const secretField = page.getByRole("textbox", { name: "Ny nyckel" });
    await secretField.waitFor();
    const secret = await secretField.inputValue();
    expect(secret).toMatch(/^na_/);
    expect((await sessionOf(secret)).role).toBe("editor");

    await page.getByRole("cell", { name: "Greta Jurist, kommunjurist", exact: true }).waitFor();
    // Listed, never with its secret; the table holds no key of anyone's.
    const tableText = await page.getByRole("table", { name: "Nycklar, nyast först" }).textContent();
    expect(tableText ?? "").not.toContain(secret);
    expect(tableText ?? "").not.toContain(admin.secret);
    expect(await axeViolations(page)).toEqual([]);
  });

  it("are revoked from the list, and stop working at once", async () => {
    const before = served.archive.runtime.access.list().find((t) => t.name === "Greta Jurist, kommunjurist");
    expect(before?.revokedAt).toBeNull();
    await page.getByRole("button", { name: "Återkalla nyckeln för Greta Jurist, kommunjurist" }).click();
    await page.getByRole("row", { name: /Greta Jurist, kommunjurist.*Återkallad/ }).waitFor();
    const after = served.archive.runtime.access.list().find((t) => t.id === before?.id);
    expect(after?.revokedAt).toEqual(expect.any(String));
    // The admin's own key and session are untouched.
    expect((await sessionOf(admin.secret)).role).toBe("admin");
    expect(problems).toEqual([]);
  });
});
