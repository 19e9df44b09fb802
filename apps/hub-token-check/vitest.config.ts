import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "hub-token-check",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // Project configs do not inherit the root's timeouts; a loaded 2-core machine needs the same room
    // here (the real pre-commit test takes 4 s under load). It is also test/long-lines.test.ts's guard.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
