import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "wizard",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
  },
});
