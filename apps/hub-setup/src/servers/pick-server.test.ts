import { HubSetupError } from "@hub-setup/core";
import { describe, expect, it } from "vitest";
import { loadedConfig, server } from "../../test/support/fake-ports.js";
import { noPrompter } from "../prompter/no-prompter.js";
import { pickServer } from "./pick-server.js";

const CONFIG = loadedConfig([
  server("sandbox_cloud", { url: "https://console.redhat.com/api/automation-hub/content/published/" }),
  server("sandbox_private", { url: "https://hub.example.com/api/galaxy/content/published/" }),
]);

async function failure(p: Promise<unknown>): Promise<HubSetupError> {
  const e: unknown = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(HubSetupError);
  return e as HubSetupError;
}

describe("pickServer without a terminal, among several servers", () => {
  it("names every id to choose from, not one of them as if it were the answer", async () => {
    const e = await failure(
      pickServer(CONFIG, undefined, {
        prompter: noPrompter,
        interactive: false,
        question: "?",
        command: "login",
      }),
    );
    expect(e.code).toBe("USAGE");
    expect(e.hint).toBe("pass --server <id> (one of: sandbox_cloud, sandbox_private)");
  });

  it("logout also offers --all", async () => {
    const e = await failure(
      pickServer(CONFIG, undefined, {
        prompter: noPrompter,
        interactive: false,
        question: "?",
        command: "logout",
        orAll: true,
      }),
    );
    expect(e.hint).toBe("pass --server <id> (one of: sandbox_cloud, sandbox_private), or --all");
  });

  it("an unknown --server is answered the same way", async () => {
    const e = await failure(
      pickServer(CONFIG, "nope", {
        prompter: noPrompter,
        interactive: false,
        question: "?",
        command: "login",
      }),
    );
    expect(e.hint).toBe("pass --server <id> (one of: sandbox_cloud, sandbox_private)");
  });
});
