import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tempDir } from "@hub-setup/test-utils";
import { expect, it } from "vitest";
import { STATE_FILE, startSandbox } from "../src/index.js";
import { canListen, freePort } from "./support/ports.js";
import { getWith, refreshGrant } from "./support/http.js";

const DAY = 86_400_000;

it("keeps tokens, sessions, revocations, Load token and the clock offset across a restart", async () => {
  const dir = join(tempDir(), "state");
  const first = await startSandbox({ stateDir: dir });
  const revoked = first.sso.mintOfflineToken();
  first.sso.revoke(revoked);
  const hub = first.hub.loadToken();
  first.clock.advance(10 * DAY);
  const movedTo = first.clock.now().getTime();
  const offline = first.tokens.offline;
  await first.close();
  expect(existsSync(join(dir, STATE_FILE))).toBe(true);

  const second = await startSandbox({ stateDir: dir });
  try {
    expect(second.tokens.offline).toBe(offline);
    expect(second.tokens.hub).toBe(hub);
    expect(second.stateDir).toBe(dir);
    // Real time ran on a little between the two; the 10-day offset is still there.
    expect(second.clock.now().getTime() - movedTo).toBeGreaterThanOrEqual(0);
    expect(second.clock.now().getTime() - movedTo).toBeLessThan(DAY);
    // Same realm key: the old offline token still refreshes; the revoked one still does not.
    expect((await refreshGrant(second.urls.tokenEndpoint, offline)).status).toBe(200);
    expect((await refreshGrant(second.urls.tokenEndpoint, revoked)).json()).toMatchObject({
      error_description: "Offline user session not found",
    });
    expect((await getWith(second.urls.private.published, `Token ${hub}`)).status).toBe(200);
  } finally {
    await second.close();
  }
  // A state dir the caller chose is kept.
  expect(existsSync(join(dir, STATE_FILE))).toBe(true);
});

it("remembers the idle timer: 20 days, restart, 11 more days, and the offline token is gone", async () => {
  const dir = tempDir();
  const first = await startSandbox({ stateDir: dir });
  first.clock.advance(20 * DAY);
  await first.close();
  const second = await startSandbox({ stateDir: dir });
  try {
    second.clock.advance(11 * DAY);
    expect((await refreshGrant(second.urls.tokenEndpoint, second.tokens.offline)).status).toBe(400);
  } finally {
    await second.close();
  }
});

it("writes the state file 0600, in a 0700 folder it creates", async () => {
  const dir = join(tempDir(), "new-state");
  const sandbox = await startSandbox({ stateDir: dir });
  await sandbox.close();
  expect(statSync(dir).mode & 0o777).toBe(0o700);
  expect(statSync(join(dir, STATE_FILE)).mode & 0o777).toBe(0o600);
  const state = JSON.parse(readFileSync(join(dir, STATE_FILE), "utf8")) as Record<string, unknown>;
  expect(state["version"]).toBe(1);
});

it("uses a temporary folder by default and removes it on close", async () => {
  const sandbox = await startSandbox();
  expect(existsSync(join(sandbox.stateDir, STATE_FILE))).toBe(true);
  await sandbox.close();
  expect(existsSync(sandbox.stateDir)).toBe(false);
});

it("refuses a state file that is not sandbox state, says what to do, and leaves no port open", async () => {
  const dir = tempDir();
  writeFileSync(join(dir, STATE_FILE), "{ not json");
  const port = await freePort();
  const failure = startSandbox({ stateDir: dir, port });
  await expect(failure).rejects.toMatchObject({ code: "STORE_UNAVAILABLE" });
  await expect(failure).rejects.toHaveProperty("hint", expect.stringContaining("--state-dir"));
  expect(readFileSync(join(dir, STATE_FILE), "utf8")).toBe("{ not json");
  expect(await canListen(port)).toBe(true);
});
