import { defineConfig } from "vitest/config";

// The Chromium tests (test/**/*.browser.spec.ts): Debian's Chromium driven by playwright-core,
// pages served with and without cross-origin isolation. `pnpm test:chromium`.
export default defineConfig({
  test: {
    include: ["test/**/*.browser.spec.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
