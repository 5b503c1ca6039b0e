import { defineConfig, mergeConfig } from "vitest/config";
import shared from "../vitest.shared.ts";

export default mergeConfig(
  shared,
  defineConfig({
    // Packing, linting specs and type-checking examples start child processes: give them room.
    test: { testTimeout: 120_000, hookTimeout: 120_000 },
  }),
);
