import { describe, expect, it } from "vitest";
import { HubSetupError } from "@hub-setup/core";
import { run } from "../src/commands/sandbox.js";
import { memoryIo } from "../src/io.js";

function ctx(signal: AbortSignal) {
  const io = memoryIo();
  return { io, ctx: { io, version: "0", signal, now: () => new Date(0) } };
}

describe("hub-setup sandbox", () => {
  it("serves until Ctrl-C (the context's signal), printing its URLs, then stops", async () => {
    const stop = new AbortController();
    const { io, ctx: c } = ctx(stop.signal);
    const running = run(["--port", "0"], c);
    await expect.poll(() => io.out.join(""), { timeout: 15_000 }).toContain("Red Hat SSO token endpoint");
    const endpoint = /(http:\/\/127\.0\.0\.1:\d+\/\S*token)\b/.exec(io.out.join(""))?.[1];
    expect(endpoint).toBeDefined();
    const answer = await fetch(endpoint!, {
      method: "POST",
      body: "grant_type=refresh_token&client_id=cloud-services&refresh_token=nope",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(answer.status).toBe(400);
    stop.abort("SIGINT");
    expect(await running).toBe(0);
    expect(io.out.join("")).toContain("Sandbox stopped.");
  });

  it("refuses a port that is not a number, naming the flag", async () => {
    const { ctx: c } = ctx(new AbortController().signal);
    const error = await run(["--port", "eighty"], c).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HubSetupError);
    expect((error as HubSetupError).code).toBe("USAGE");
    expect((error as HubSetupError).message).toContain("--port");
  });

  it("prints its usage", async () => {
    const { io, ctx: c } = ctx(new AbortController().signal);
    expect(await run(["--help"], c)).toBe(0);
    expect(io.out.join("")).toContain("--state-dir DIR");
  });
});
