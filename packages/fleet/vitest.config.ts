import { defineConfig, mergeConfig } from "vitest/config";
import shared from "../../vitest.shared.ts";

// The fleet's tests each start PostgreSQL, a sandbox and sometimes worker processes: one file at a time, so a loaded
// machine (CI runs every package at once on two cores) is not asked to run five of each together. The timeouts only
// end a hung test; nothing here judges speed.
export default mergeConfig(
  shared,
  defineConfig({
    test: { fileParallelism: false, testTimeout: 240_000, hookTimeout: 240_000 },
  }),
);
