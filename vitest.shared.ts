import { defineConfig } from "vitest/config";

/**
 * The vitest settings every package shares. Each run also writes a JSON report to test-results/, which
 * turbo caches and scripts/run-tests.mjs adds up into the one total CI reads.
 */
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // CI runs every package's tests at once on two cores, where a test that takes 0.3 s alone was seen taking over
    // vitest's default 5 s, and one of 2 s over 20 s with another full run beside it. The timeout is there to end a
    // hung test, not to judge speed.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ["default", "json"],
    outputFile: { json: "test-results/vitest.json" },
    typecheck: {
      enabled: true,
      include: ["test/**/*.test-d.ts"],
      tsconfig: "./tsconfig.json",
    },
  },
});
