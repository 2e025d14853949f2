import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

/**
 * The UI is built into web/dist, which the express server serves with an SPA
 * fallback. The build must stay free of inline scripts and styles because the
 * Content-Security-Policy forbids them.
 */
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  publicDir: "public",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // No data: URLs: every asset is a file the CSP can allow as 'self'.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: true,
  },
  server: {
    proxy: {
      "/api": "http://localhost:3000",
    },
  },
});
