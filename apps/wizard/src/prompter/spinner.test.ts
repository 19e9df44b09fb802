import { describe, expect, it } from "vitest";
import { createSpinner } from "./spinner.js";

describe("the spinner", () => {
  it("prints one line without a terminal", async () => {
    const out: string[] = [];
    const result = await createSpinner((t) => out.push(t), false).spin("Checking the hub", async () => "ok");
    expect(result).toBe("ok");
    expect(out.join("")).toBe("Checking the hub…\n");
  });

  it("redraws in place in a terminal and erases its line when done, even on failure", async () => {
    const out: string[] = [];
    const spinner = createSpinner((t) => out.push(t), true, 1);
    await expect(
      spinner.spin(
        "Checking",
        () => new Promise((_, reject) => setTimeout(() => reject(new Error("down")), 30)),
      ),
    ).rejects.toThrow("down");
    expect(out[0]?.startsWith("\r\x1b[K")).toBe(true);
    expect(out[0]?.endsWith(" Checking")).toBe(true);
    expect(out.length).toBeGreaterThan(2);
    expect(out.at(-1)).toBe("\r\x1b[K");
  });
});
