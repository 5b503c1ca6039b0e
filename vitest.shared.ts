import { defineConfig } from "vitest/config";

/**
 * The vitest settings every package shares. Each run also writes a JSON report to test-results/, which
 * turbo caches and scripts/run-tests.mjs adds up into the one total CI reads.
 */
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    reporters: ["default", "json"],
    outputFile: { json: "test-results/vitest.json" },
    typecheck: {
      enabled: true,
      include: ["test/**/*.test-d.ts"],
      tsconfig: "./tsconfig.json",
    },
  },
});
