import { describe, expect, it } from "vitest";
import { EXIT } from "./exit-codes.js";
import { memoryIo } from "../test/support/memory-io.js";
import { main } from "./main.js";

describe("main", () => {
  it("prints the version and exits clean", async () => {
    const io = memoryIo();
    expect(await main(["-V"], { io, version: "1.2.3" })).toBe(EXIT.CLEAN);
    expect(io.out.join("")).toBe("hub-token-check 1.2.3\n");
  });

  it("documents its exit codes in --help", async () => {
    const io = memoryIo();
    await main(["--help"], { io, version: "0" });
    expect(io.out.join("")).toContain("0 clean · 1 findings · 2 usage or error");
  });

  it("exits 2 on an unknown flag, naming it", async () => {
    const io = memoryIo();
    expect(await main(["--bogus"], { io, version: "0" })).toBe(EXIT.ERROR);
    expect(io.err.join("")).toContain("--bogus");
  });
});
