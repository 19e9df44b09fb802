import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "precommit",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
  },
});
