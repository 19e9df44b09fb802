import { describe, expect, it } from "vitest";
import { memoryIo } from "./memory-io.js";

describe("memoryIo", () => {
  it("keeps what was written, in order, apart for each stream", () => {
    const io = memoryIo({ cwd: "/" });
    io.stdout("a");
    io.stderr("b");
    io.stdout("c");
    expect(io.out).toEqual(["a", "c"]);
    expect(io.err).toEqual(["b"]);
    expect(io.cwd).toBe("/");
  });

  it("lets a test replace a default or a stream", () => {
    const seen: string[] = [];
    const io = memoryIo({ cwd: "/" }, { cwd: "/work", stdout: (t) => void seen.push(t) });
    io.stdout("x");
    expect(io.cwd).toBe("/work");
    expect(seen).toEqual(["x"]);
    expect(io.out).toEqual([]);
  });
});
