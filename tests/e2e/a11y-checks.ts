/**
 * The accessibility checks of the browser tests, each independent of the
 * others: axe-core's rules, the names Chromium's own accessibility tree gives
 * controls, and how every Tab stop shows focus.
 */

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { AxeResults, RunOptions } from "axe-core";
import type { Page } from "playwright-core";

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** WCAG 2.1 A and AA as asked, plus WCAG 2.2 AA (target size) and axe's best practices (landmarks, heading order). */
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

/**
 * Runs axe on the page as it is, with every <details> opened first so folded
 * content is checked too. Returns one readable line per violation and node.
 * axe is evaluated through the DevTools protocol, which the page's CSP does
 * not govern, so the page keeps its real policy.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(() => {
    for (const details of document.querySelectorAll("details")) details.open = true;
  });
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE_SOURCE);
  const options: RunOptions = { runOnly: { type: "tag", values: AXE_TAGS }, resultTypes: ["violations"] };
  const violations = await page.evaluate(async (runOptions) => {
    const { axe } = window as unknown as { axe: { run(context: Document, o: RunOptions): Promise<AxeResults> } };
    const result = await axe.run(document, runOptions);
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? "",
      help: v.help,
      nodes: v.nodes.map(
        (n) => `${n.target.join(" ")}${n.failureSummary ? ` (${n.failureSummary.replace(/\s+/g, " ")})` : ""}`,
      ),
    }));
  }, options);
  return violations.flatMap((v) => v.nodes.map((node) => `${v.id} [${v.impact}] ${v.help}: ${node}`));
}

/**
 * Controls and links without an accessible name, as Chromium's own
 * accessibility tree computes them (independent of axe).
 */
export async function unnamedControls(page: Page): Promise<string[]> {
  const roles = new Set([
    "textbox",
    "searchbox",
    "combobox",
    "button",
    "checkbox",
    "radio",
    "link",
    "listbox",
    "spinbutton",
  ]);
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = await cdp.send("Accessibility.getFullAXTree");
    return nodes
      .filter((n) => !n.ignored && roles.has(String(n.role?.value)) && String(n.name?.value ?? "").trim() === "")
      .map((n) => `${String(n.role?.value)} without a name (backend node ${n.backendDOMNodeId})`);
  } finally {
    await cdp.detach();
  }
}

export interface TabStop {
  element: string;
  /** The focus indicator: outline or box-shadow, as computed; null when there is none. */
  indicator: string | null;
}

/**
 * Walks the page with Tab until focus comes round again (through the top of
 * the page when it started in the middle), recording how each stop shows focus.
 */
export async function tabStops(page: Page, max = 250): Promise<TabStop[]> {
  const stops: TabStop[] = [];
  const seen = new Set<string>();
  let leftPage = 0;
  let last: string | null = null;
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const stop = await page.evaluate(() => {
      const el = document.activeElement;
      if (!(el instanceof HTMLElement) || el === document.body) return null;
      const path: string[] = [];
      for (let node: Element | null = el; node && node !== document.body; node = node.parentElement) {
        path.unshift(
          `${node.tagName.toLowerCase()}:${Array.prototype.indexOf.call(node.parentElement?.children ?? [], node)}`,
        );
      }
      const style = getComputedStyle(el);
      const outline =
        style.outlineStyle !== "none" && Number.parseFloat(style.outlineWidth) > 0
          ? `outline ${style.outlineWidth} ${style.outlineStyle} ${style.outlineColor}`
          : null;
      const shadow = style.boxShadow !== "none" ? `box-shadow ${style.boxShadow}` : null;
      const label = (el.getAttribute("aria-label") ?? el.textContent ?? "").trim().slice(0, 40);
      return { key: path.join("/"), element: `<${el.tagName.toLowerCase()}> "${label}"`, indicator: outline ?? shadow };
    });
    if (stop === null) {
      if (++leftPage > 1) break;
      continue;
    }
    // A date input keeps focus while Tab walks its day, month and year.
    if (stop.key === last) continue;
    if (seen.has(stop.key)) break;
    seen.add(stop.key);
    last = stop.key;
    stops.push({ element: stop.element, indicator: stop.indicator });
  }
  return stops;
}
