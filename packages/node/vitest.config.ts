import { defineConfig } from "vitest/config";

/** The tests that call services, run again over the replay channel. */
const SERVICE_TESTS = [
  "test/services.test.ts",
  "test/blocks.test.ts",
  "test/handles.test.ts",
  "test/numbers.test.ts",
  "test/hostile/services.test.ts",
  "test/hostile/timeouts.test.ts",
  "test/hostile/thenables.test.ts",
  "test/hostile/values.test.ts",
  "test/hostile/reach.test.ts",
  "test/hostile/outcomes.test.ts",
  "test/hostile/recovery.test.ts",
  "test/hostile/signals.test.ts",
  "test/hostile/memory.test.ts",
];

export default defineConfig({
  test: {
    testTimeout: 20_000,
    projects: [
      { extends: true, test: { name: "node", include: ["test/**/*.test.ts"] } },
      {
        extends: true,
        test: { name: "replay", include: SERVICE_TESTS, setupFiles: ["test/replay-setup.ts"] },
      },
    ],
  },
});
