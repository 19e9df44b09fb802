import { defineConfig } from "vitest/config";

// One `vitest run` at the root runs every workspace's tests (see scripts/run-tests.mjs).
export default defineConfig({
  test: {
    projects: ["packages/*", "apps/*"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
