import { connect } from "node:net";
import { describe, expect, it, onTestFinished } from "vitest";
import { HubSetupError } from "@hub-setup/core";
import { run } from "../src/commands/sandbox/index.js";
import { memoryIo } from "./support/io.js";

function ctx(signal: AbortSignal) {
  const io = memoryIo();
  return { io, ctx: { io, version: "0", signal, now: () => new Date(0) } };
}

const ENDPOINT = /(http:\/\/127\.0\.0\.1:(\d+)\/\S*token)\b/;

/** Whether a fresh TCP connection to the port is refused (nothing listens there any more). */
function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.setTimeout(5_000, () => socket.destroy(new Error("no answer in 5 s")));
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", (error: NodeJS.ErrnoException) => resolve(error.code === "ECONNREFUSED"));
  });
}

describe("hub-setup sandbox", () => {
  it("serves until Ctrl-C (the context's signal), printing its URLs, then stops", async () => {
    const stop = new AbortController();
    const { io, ctx: c } = ctx(stop.signal);
    // Resolves when the endpoint line has been printed: no polling, no sleep.
    let printed: (match: RegExpExecArray) => void = () => undefined;
    const urls = new Promise<RegExpExecArray>((resolve) => (printed = resolve));
    c.io = {
      ...io,
      stdout: (text) => {
        io.stdout(text);
        const match = ENDPOINT.exec(io.out.join(""));
        if (match != null) printed(match);
      },
    };
    const running = run(["--port", "0"], c);
    // The servers close even when an assertion below fails.
    onTestFinished(async () => {
      stop.abort("SIGINT");
      await running.catch(() => undefined);
    });
    const [, endpoint = "", port = ""] = await Promise.race([
      urls,
      running.then((code) => {
        throw new Error(`the sandbox ended (exit ${code}) before printing its URLs:\n${io.out.join("")}`);
      }),
    ]);
    const answer = await fetch(endpoint, {
      method: "POST",
      body: "grant_type=refresh_token&client_id=cloud-services&refresh_token=nope",
      headers: { "content-type": "application/x-www-form-urlencoded", connection: "close" },
      signal: AbortSignal.timeout(10_000),
    });
    expect(answer.status).toBe(400);
    // The exact wizard command for this sandbox: nothing reaches sso.redhat.com first (issue #13 item 2).
    const shown = io.out.join("");
    expect(shown).toContain(
      `hub-setup --hub cloud --url http://127.0.0.1:${port}/api/automation-hub/content/published/ --auth-url ${endpoint}`,
    );
    expect(shown).toMatch(
      new RegExp(`hub-setup --hub private --url http://127\\.0\\.0\\.1:${port}/\\S+/content/published/`),
    );
    await answer.body?.cancel();
    expect(await refused(Number(port)), "still listening before Ctrl-C").toBe(false);
    stop.abort("SIGINT");
    expect(await running).toBe(0);
    expect(io.out.join("")).toContain("Sandbox stopped.");
    expect(await refused(Number(port)), "nothing listens after it stopped").toBe(true);
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
