import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker, type WorkerOptions } from "node:worker_threads";

const TSX_API = resolveTsxEsmApi();

/**
 * A worker thread running a TypeScript module. The worker registers tsx's
 * loader before the module loads, whichever way (tsx, vitest) the parent
 * process started, so no build step is needed for workers either.
 */
export function typeScriptWorker(moduleUrl: URL, options: Omit<WorkerOptions, "eval"> = {}): Worker {
  const bootstrap = `import(${JSON.stringify(TSX_API)})
    .then((tsx) => { tsx.register(); return import(${JSON.stringify(moduleUrl.href)}); })
    .catch((error) => { setImmediate(() => { throw error; }); });`;
  return new Worker(bootstrap, { ...options, eval: true });
}

/** tsx's ESM register API; `require.resolve` would pick its CommonJS build. */
function resolveTsxEsmApi(): string {
  const manifestPath = createRequire(import.meta.url).resolve("tsx/package.json");
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as {
    exports: Record<string, { import: { default: string } }>;
  };
  const entry = manifest.exports["./esm/api"]?.import.default ?? "./dist/esm/api/index.mjs";
  return pathToFileURL(join(dirname(manifestPath), entry)).href;
}
