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
      {
        extends: true,
        // hostile/timeouts.test.ts is left out: it includes a long C call that only the hard
        // backstop ends, which the in-thread mode does not have (in-thread.test.ts has the rest).
        test: {
          name: "in-thread",
          include: SERVICE_TESTS.filter((file) => file !== "test/hostile/timeouts.test.ts"),
          setupFiles: ["test/in-thread-setup.ts"],
        },
      },
    ],
  },
});
