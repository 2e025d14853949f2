/**
 * The browser for the end-to-end tests and `npm run screenshots`: Debian's
 * Chromium driven by playwright-core. Playwright's own browser builds are
 * never downloaded; `npm test` installs the `chromium` package when missing.
 */

import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";

export const CHROMIUM_PATH = "/usr/bin/chromium";

/** Quiet and offline: no sandbox (the suites run as root), no GPU, no calls home. */
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-quic",
  "--no-first-run",
  "--disable-component-update",
  "--disable-sync",
];

/** Fails loudly when Chromium is missing: a browser test that skips would pass without testing anything. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM_PATH}. Install the Debian package: apt-get install chromium ` +
        "(npm test does it through tools/ensure-test-deps.sh).",
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}
