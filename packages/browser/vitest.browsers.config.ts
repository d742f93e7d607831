import { defineConfig } from "vitest/config";

// The browser tests (test/**/*.browser.spec.ts): Debian's Chromium, Firefox ESR and WebKitGTK
// (@kobako/engines, in testing/engines/), pages served with and without cross-origin isolation.
// One file at a time: each starts browsers, and the machine running them may have two cores.
// `pnpm test:browsers`; `pnpm test:chromium` runs the Chromium-only suite.
export default defineConfig({
  test: {
    include: ["test/**/*.browser.spec.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
