import { defineConfig } from "vitest/config";

// One `vitest run` at the root runs every workspace's tests (see scripts/run-tests.mjs).
export default defineConfig({
  test: {
    projects: ["packages/*", "apps/*"],
    // Builds first (turbo-cached), so that tests of the bundled CLIs and of core's dist never run stale code.
    globalSetup: ["scripts/vitest-global-setup.mjs"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
