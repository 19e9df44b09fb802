import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "hub-token-check",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
  },
});
