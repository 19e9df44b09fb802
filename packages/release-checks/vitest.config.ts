import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "release-checks",
    include: ["test/**/*.test.ts"],
    // npm pack / npm install / git clone per test: a loaded 2-core machine needs room.
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
