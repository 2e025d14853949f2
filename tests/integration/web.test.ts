import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../indexer/config.ts";
import { createApp } from "../../server/app.ts";
import { openTestArchive, type TestArchive } from "../helpers/runtime.ts";

const WEB_DIR = fileURLToPath(new URL("../../web/dist", import.meta.url));
let archive: TestArchive;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  if (!existsSync(`${WEB_DIR}/index.html`))
    throw new Error("web/dist is missing: run `npm run build:web` (npm test does)");
  archive = await openTestArchive();
  app = createApp({ ...archive.runtime, apiToken: null, http: loadConfig({}).http, webDir: WEB_DIR });
});

afterAll(async () => {
  await archive.close();
});

describe("the web UI's home", () => {
  it("serves the Swedish page with a CSP that forbids inline script", async () => {
    const res = await request(app).get("/");
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toMatch(/text\/html/);
    expect(res.text).toContain('<html lang="sv"');
    expect(res.headers["content-security-policy"]).toContain("script-src 'self'");
    expect(res.headers["content-security-policy"]).not.toContain("unsafe-inline");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    // Every script is an external file: the CSP would block an inline one.
    expect(res.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it("serves the page for the UI's own paths and its built assets", async () => {
    for (const path of ["/dokument/0123456789abcdef", "/arende?dnr=KS-2020/42"]) {
      const res = await request(app).get(path);
      expect(res.status, path).toBe(200);
      expect(res.text, path).toContain('<html lang="sv"');
    }
    const script = /<script[^>]*src="([^"]+)"/.exec((await request(app).get("/")).text)?.[1] as string;
    const asset = await request(app).get(script);
    expect(asset.status).toBe(200);
    expect(asset.headers["content-type"]).toMatch(/javascript/);
  });

  it("keeps API 404s as JSON even with the UI mounted", async () => {
    const res = await request(app).get("/api/nothing-here");
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe("not_found");
  });
});
