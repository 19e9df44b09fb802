import { describe, expect, it } from "vitest";
import { HubSetupError } from "@hub-setup/core";
import { EXIT, exitCodeFor } from "./exit-codes.js";
import { memoryIo } from "./io.js";
import { main, report } from "./main.js";

const ctx = (io: ReturnType<typeof memoryIo>, version = "0") => ({
  io,
  version,
  signal: new AbortController().signal,
  now: () => new Date(0),
});

describe("main", () => {
  it("prints the version", async () => {
    const io = memoryIo();
    expect(await main(["--version"], ctx(io, "9.9.9"))).toBe(EXIT.OK);
    expect(io.out.join("")).toBe("hub-setup 9.9.9\n");
  });

  it("prints help listing every subcommand and the exit codes", async () => {
    const io = memoryIo();
    expect(await main(["--help"], ctx(io))).toBe(EXIT.OK);
    const help = io.out.join("");
    for (const cmd of ["status", "refresh", "exec", "env", "schedule", "sandbox"])
      expect(help).toContain(`hub-setup ${cmd}`);
    expect(help).toContain("130 cancelled");
  });

  it("gives a usage error for an unknown command", async () => {
    const io = memoryIo();
    expect(await main(["frobnicate"], ctx(io))).toBe(EXIT.USAGE);
    expect(io.err.join("")).toContain('unknown command "frobnicate"');
  });
});

describe("error report", () => {
  it("prints the hint once: on its own line, or not at all when the message already says it", () => {
    const io = memoryIo();
    report(new HubSetupError("NETWORK", "could not reach it. Check the URL.", { hint: "check the URL" }), io);
    report(new HubSetupError("NETWORK", "could not reach it.", { hint: "check the URL" }), io);
    expect(io.err).toEqual([
      "hub-setup: could not reach it. Check the URL.\n",
      "hub-setup: could not reach it.\n  check the URL\n",
    ]);
  });
});

describe("exit codes", () => {
  it("maps core error codes to documented exit codes", () => {
    expect(exitCodeFor(new HubSetupError("TOKEN_EXPIRED", "x"))).toBe(EXIT.AUTH);
    expect(exitCodeFor(new HubSetupError("NETWORK", "x"))).toBe(EXIT.NETWORK);
    expect(exitCodeFor(new HubSetupError("CANCELLED", "x"))).toBe(EXIT.CANCELLED);
    expect(exitCodeFor(new Error("other"))).toBe(EXIT.ERROR);
  });
});
