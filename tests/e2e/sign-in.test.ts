/**
 * Signing in, in a real browser, on an archive that is not public
 * (ARCHIVE_PUBLIC_READ=false) and has tokens: the search says to sign in, a
 * wrong token is refused with a reason, the right one brings the official
 * back to the search with the menu their role allows, the page never holds
 * the token or the session id, and signing out closes the archive again.
 */

import type { Browser, Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import type { CreatedToken } from "../../indexer/archive/access.ts";
import { axeViolations, unnamedControls } from "./a11y-checks.ts";
import {
  failedRequest,
  openWatchedPage,
  type ServedArchive,
  settled,
  setupOnce,
  startArchiveAndBrowser,
} from "./harness.ts";

let served: ServedArchive;
let browser: Browser;
let page: Page;
let problems: string[];
let editor: CreatedToken;

setupOnce(async () => {
  ({ served, browser } = await startArchiveAndBrowser({ seed: 5, count: 4, env: { ARCHIVE_PUBLIC_READ: "false" } }));
  editor = served.archive.runtime.access.create("Cecilia Registrator", "editor");
  ({ page, problems } = await openWatchedPage(browser));
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

const menu = () => page.getByRole("navigation", { name: "Huvudmeny" });

describe("signing in", () => {
  it("is asked for by a closed archive, refuses a wrong token and lets the right one in", async () => {
    await page.goto(`${served.url}/?q=beslut`);
    await page.getByText("Du behöver logga in.").waitFor();
    await page.getByRole("main").getByRole("link", { name: "Logga in" }).click();
    await page.waitForURL(/\/logga-in\?next=/);
    await settled(page);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Logga in");
    expect(await axeViolations(page)).toEqual([]);
    expect(await unnamedControls(page)).toEqual([]);

    await page.getByRole("textbox", { name: "API-nyckel" }).fill("na_not-the-right-token");
    await page.getByRole("button", { name: "Logga in" }).click();
    await page.locator("#api-token-error", { hasText: "Nyckeln godtogs inte." }).waitFor();
    expect(await page.getByRole("textbox", { name: "API-nyckel" }).getAttribute("aria-invalid")).toBe("true");

    await page.getByRole("textbox", { name: "API-nyckel" }).fill(editor.secret);
    await page.getByRole("button", { name: "Logga in" }).click();
    await page.waitForURL((url) => url.pathname === "/" && url.searchParams.get("q") === "beslut");
    await page.locator(".hit, [data-hit], main ol li").first().waitFor();

    await expect.poll(() => menu().getByRole("link", { name: "Cecilia Registrator (redaktör)" }).count()).toBe(1);
    expect(await menu().getByRole("link", { name: "Ladda upp" }).isVisible()).toBe(true);
    // An editor is not an admin: no queue or log in the menu.
    expect(await menu().getByRole("link", { name: "Inläsningskö" }).isVisible()).toBe(false);
    expect(await menu().getByRole("link", { name: "Logg" }).isVisible()).toBe(false);

    // The session cookie is HttpOnly: nothing the page runs can read it, and the token is not kept.
    const storage = await page.evaluate(() => ({
      cookie: document.cookie,
      local: JSON.stringify({ ...localStorage }),
      session: JSON.stringify({ ...sessionStorage }),
    }));
    expect(storage.cookie).not.toContain("archive_session");
    expect(JSON.stringify(storage)).not.toContain(editor.secret);
    const cookies = await page.context().cookies();
    expect(cookies.find((c) => c.name === "archive_session")).toMatchObject({ httpOnly: true, sameSite: "Strict" });
  });

  it("signs out from the sign-in page, and the archive is closed again", async () => {
    await menu().getByRole("link", { name: "Cecilia Registrator (redaktör)" }).click();
    await settled(page);
    await page.getByRole("button", { name: "Logga ut" }).click();
    await page.getByRole("button", { name: "Logga in" }).waitFor();
    await expect.poll(() => menu().getByRole("link", { name: "Logga in" }).count()).toBe(1);
    expect(await menu().getByRole("link", { name: "Ladda upp" }).isVisible()).toBe(false);
    expect((await page.context().cookies()).find((c) => c.name === "archive_session")).toBeUndefined();

    await page.goto(`${served.url}/?q=beslut`);
    await page.getByText("Du behöver logga in.").waitFor();
    const expected = new Set([
      failedRequest(served, 401, "/api/search?q=beslut&limit=20&offset=0"),
      failedRequest(served, 401, "/api/session"),
    ]);
    expect(problems.filter((p) => !expected.has(p))).toEqual([]);
  });
});
