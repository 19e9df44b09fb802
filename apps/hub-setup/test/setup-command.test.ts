import { describe, expect, it } from "vitest";
import { memoryIo } from "./support/io.js";
import { main } from "../src/main.js";

const ctx = (io: ReturnType<typeof memoryIo>) => ({
  io,
  version: "0",
  signal: new AbortController().signal,
  now: () => new Date(0),
});

describe("hub-setup (the setup command) through main", () => {
  it("`setup --help` and `--help` list every setup flag", async () => {
    for (const argv of [["setup", "--help"], ["--help"]]) {
      const io = memoryIo();
      expect(await main(argv, ctx(io))).toBe(0);
      const help = io.out.join("");
      for (const flag of [
        "--hub",
        "--url",
        "--auth-url",
        "--repository",
        "--server-id",
        "--token-stdin",
        "--store",
        "--config",
        "--yes",
        "--no-interactive",
      ]) {
        expect(help).toContain(flag);
      }
    }
  });

  it("without a terminal and without --hub, exits 2 naming --hub, before touching anything", async () => {
    const io = memoryIo({ env: { HOME: "/nonexistent-home-for-this-test" }, cwd: "/nonexistent-project" });
    expect(await main([], ctx(io))).toBe(2);
    expect(io.err.join("")).toContain("pass --hub cloud|private|both");
  });

  it("--token is a usage error that says why and where the token goes instead", async () => {
    const io = memoryIo();
    expect(await main(["--token", "abcdefabcdefabcdefabcdef"], ctx(io))).toBe(2);
    const err = io.err.join("");
    expect(err).toContain("--token is not accepted");
    expect(err).toContain("HUB_SETUP_TOKEN");
    expect(err).not.toContain("abcdefabcdef");
  });
});
