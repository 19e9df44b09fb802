import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { requireTool } from "@hub-setup/test-utils";
import { BIN, requireBuiltBin } from "./support/built-bin.js";
import { throwAwayWorld } from "./support/temp-world.js";
import { startTmux, type TmuxSession } from "./support/tmux.js";

const tmux = requireTool("tmux");
const galaxy = requireTool("ansible-galaxy");

let session: TmuxSession | undefined;
afterEach(() => {
  session?.kill();
  session = undefined;
});

describe.skipIf(!tmux.available || !galaxy.available)("hub-setup demo in a real terminal", () => {
  it("asks the questions with the sandbox's URL pre-filled and its token shown to paste, then installs", async () => {
    requireBuiltBin();
    const world = throwAwayWorld();
    world.env["TMPDIR"] = join(world.root, "tmp");
    mkdirSync(world.env["TMPDIR"]);
    session = startTmux([process.execPath, BIN, "demo"], { env: world.env, cwd: world.project });
    const s = session;
    const intro = await s.waitFor("Which hub do you want ansible-galaxy to use?");
    const token = /API token for the private automation hub:\s+([0-9a-f]{40})/.exec(intro)?.[1];
    expect(token).toBeDefined();
    s.keys("Down", "Enter");
    const prefilled = await s.waitFor("URL of your private automation hub");
    expect(prefilled.replace(/\s+/g, " ")).toMatch(
      /URL of your private automation hub .*\(http:\/\/127\.0\.0\.1:\d+\/api\/galaxy\/content\/published\/\)/,
    );
    s.keys("Enter");
    await s.waitFor("Which content from your private automation hub");
    s.keys("Enter");
    await s.waitFor("Paste the API token");
    s.type(token ?? "");
    s.keys("Enter");
    await s.waitFor("accepts the token");
    const stores = await s.waitFor("Where should the token be kept?");
    expect(stores).not.toContain("keyring:");
    s.keys("Enter");
    await s.waitFor("Which ansible.cfg should hold the servers?");
    s.keys("Enter");
    await s.waitFor("Write these changes to");
    s.keys("Enter");
    const end = await s.waitFor("[exit 0]", 90_000);
    expect(end).toContain("✔ sandbox.app is installed in");
  }, 150_000);
});
