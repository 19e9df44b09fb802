import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "secretlint-rule",
    // Project configs do not inherit the root's timeouts; a loaded 2-core machine needs the same room here.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
  },
});
