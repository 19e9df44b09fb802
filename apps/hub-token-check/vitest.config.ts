import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "hub-token-check",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // The root config's 30 s does not reach a project; the spawn-the-bin and real pre-commit tests
    // need it on a loaded machine. It is also the guard of test/long-lines.test.ts.
    testTimeout: 30_000,
  },
});
