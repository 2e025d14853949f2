/**
 * Every view of the web UI, checked in a real browser the way an auditor
 * would: axe-core (WCAG 2.1 A/AA and more), the page language, a name for
 * every control in Chromium's accessibility tree, and a visible focus at
 * every Tab stop.
 */

import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { axeViolations, tabStops, unnamedControls } from "./a11y-checks.ts";
import {
  DISGUISED_PDF,
  failedRequest,
  findParagraphWithBilaga,
  generatedUpload,
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
let upload: UploadFile;

const VIEWS = [
  "search, empty",
  "search with results and facets",
  "search filtered by type",
  "search without hits",
  "document at a §",
  "bilaga",
  "case",
  "case lookup",
  "page not found",
  "document not found",
  "meeting",
  "meetings of a body",
  "meetings of every body",
  "meeting not found",
  "upload",
  "upload with a finished and a failed file",
  "audit log",
] as const;
type ViewName = (typeof VIEWS)[number];
/** Each view's path, filled from the generated archive. */
const paths = new Map<ViewName, string>();
/** The console errors a view may cause: the failed requests it is meant to see, and only those. */
const expectedErrors = new Map<ViewName, () => string[]>();

setupOnce(async () => {
  ({ served, browser } = await startArchiveAndBrowser({ seed: 1, count: 16 }));
  const { protokoll, paragraph, bilaga } = await findParagraphWithBilaga(served);
  const word = paragraph.title.split(/\s+/).find((w) => /^\p{L}{5,}$/u.test(w)) ?? paragraph.title;
  const dnr = encodeURIComponent(paragraph.diarienummer);
  paths.set("search, empty", "/");
  paths.set("search with results and facets", `/?q=${encodeURIComponent(word)}`);
  paths.set("search filtered by type", `/?q=${encodeURIComponent(word)}&type=protokoll`);
  paths.set("search without hits", "/?q=zyxwvutsr");
  paths.set("document at a §", `/dokument/${protokoll.id}#p${paragraph.number}`);
  paths.set("bilaga", `/dokument/${bilaga.id}`);
  paths.set("case", `/arende?dnr=${dnr}`);
  paths.set("case lookup", "/arende");
  paths.set("page not found", "/finns-inte");
  paths.set("document not found", "/dokument/0000000000000000");
  const body = protokoll.body as string;
  const missingMeeting = { body, date: "1999-01-04" };
  paths.set("meeting", `/sammantrade?${new URLSearchParams({ organ: body, datum: protokoll.meetingDate as string })}`);
  paths.set("meetings of a body", `/sammantrade?${new URLSearchParams({ organ: body })}`);
  paths.set("meetings of every body", "/sammantrade");
  paths.set("meeting not found", `/sammantrade?${new URLSearchParams({ organ: body, datum: missingMeeting.date })}`);
  paths.set("upload", "/ladda-upp");
  paths.set("upload with a finished and a failed file", "/ladda-upp");
  paths.set("audit log", "/logg");
  // One export to list, with more documents than the table shows unfolded.
  served.archive.runtime.audit.record("export", "lokal användare", {
    selection: true,
    queries: [word],
    documentIds: [protokoll.id, bilaga.id, "0000000000000001", "0000000000000002"],
  });
  expectedErrors.set("document not found", () => [failedRequest(served, 404, "/api/documents/0000000000000000")]);
  expectedErrors.set("meeting not found", () => [
    failedRequest(served, 404, `/api/meetings?${new URLSearchParams(missingMeeting)}`),
  ]);
  expectedErrors.set("upload with a finished and a failed file", () => [failedRequest(served, 422, "/api/documents")]);
  upload = await generatedUpload(2, (t) => t.type === "tjansteutlatande" && t.format === "txt");
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  page.setDefaultTimeout(10_000);
  problems = await watchPage(page);
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

async function open(view: ViewName): Promise<string> {
  const path = paths.get(view) as string;
  problems.length = 0;
  await page.goto(`${served.url}${path}`);
  await settled(page);
  if (view === "upload with a finished and a failed file") {
    // The first time it is read in; later the archive already has it. Either way it is finished.
    await page.getByLabel("Välj filer att ladda upp").setInputFiles([upload, DISGUISED_PDF]);
    await page.getByText("1 av 2 filer klara, 1 misslyckades.", { exact: true }).waitFor();
  }
  return path;
}

describe("accessibility of every view", () => {
  it.each(VIEWS)("%s: no axe violations, Swedish, every control named", async (name) => {
    const path = await open(name);
    expect(await page.locator("html").getAttribute("lang")).toBe("sv");
    expect(await page.getByRole("heading", { level: 1 }).count(), "one h1").toBe(1);
    const violations = await axeViolations(page);
    expect(violations, `axe on ${path}:\n${violations.join("\n")}`).toEqual([]);
    expect(await unnamedControls(page)).toEqual([]);
    expect(problems, "console errors").toEqual(expectedErrors.get(name)?.() ?? []);
  });

  it.each<ViewName>(["search with results and facets", "document at a §", "case", "meeting", "upload", "audit log"])(
    "%s: no axe violations on a phone-sized screen",
    async (name) => {
      await page.setViewportSize({ width: 375, height: 800 });
      try {
        await open(name);
        const violations = await axeViolations(page);
        expect(violations, violations.join("\n")).toEqual([]);
      } finally {
        await page.setViewportSize({ width: 1280, height: 900 });
      }
    },
  );

  it.each<ViewName>([
    "search with results and facets",
    "document at a §",
    "case",
    "case lookup",
    "meeting",
    "meetings of every body",
    "upload with a finished and a failed file",
    "audit log",
  ])("%s: every Tab stop shows where focus is", async (name) => {
    await open(name);
    const stops = await tabStops(page);
    expect(stops.length).toBeGreaterThan(3);
    const invisible = stops.filter((s) => s.indicator === null).map((s) => s.element);
    expect(invisible, "Tab stops without a visible focus indicator").toEqual([]);
  });

  it("offers a skip link first, which moves focus to the content", async () => {
    await open("page not found");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Hoppa till innehållet" });
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    const box = await skip.boundingBox();
    expect(box && box.y >= 0 && box.height > 0, "the focused skip link is on screen").toBe(true);
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");
  });
});
