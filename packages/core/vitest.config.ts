import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // A hang guard, not a speed check: the fuzz and worker tests take seconds on two busy cores.
    testTimeout: 20_000,
  },
});
