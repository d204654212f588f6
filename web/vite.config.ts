// Builds the control room into dist/, which `feedroom serve` serves at `/` under a strict
// Content-Security-Policy: no inline scripts or styles, so everything lands in hashed files.
import { defineConfig } from "vitest/config";

export default defineConfig({
  esbuild: { jsx: "automatic" },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    assetsInlineLimit: 0, // fonts and icons as files: CSP allows 'self', not data: for fonts
    modulePreload: { polyfill: false }, // the polyfill is an inline script
    sourcemap: true,
    target: "es2022",
  },
  server: {
    proxy: {
      "/api": { target: "http://127.0.0.1:8080", ws: true },
    },
  },
  test: {
    environment: "happy-dom",
    include: ["src/**/*.test.{ts,tsx}"],
  },
});
