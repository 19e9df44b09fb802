import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "hub-setup",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
  },
});
