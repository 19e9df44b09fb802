import { readFileSync, statSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixedClock, mintOfflineToken, tempDir } from "@hub-setup/test-utils";
import { daysUntilIdleExpiry, tokenFingerprint } from "../../src/index.js";
import { openStateFile } from "../../src/node/store/index.js";

describe("the state file", () => {
  it("records the last successful refresh per token, beside the store, without the token", async () => {
    const xdg = tempDir();
    const state = openStateFile({ env: { XDG_CONFIG_HOME: xdg } });
    expect(state.path).toBe(join(xdg, "hub-setup", "state.ini"));
    const token = mintOfflineToken();
    const fp = tokenFingerprint(token);
    const clock = fixedClock("2026-03-01T08:00:00Z");
    expect(await state.lastRefresh("rh_certified", fp)).toBeUndefined();
    await state.recordRefresh("rh_certified", fp, clock.now());
    const text = readFileSync(state.path, "utf8");
    expect(text).toContain(`fingerprint = ${fp}`);
    expect(text).toContain("last_refresh = 2026-03-01T08:00:00.000Z");
    expect(text).not.toContain(token);
    expect(text).not.toContain(token.split(".")[2]);
    expect(statSync(state.path).mode & 0o777).toBe(0o600);
    clock.advance(5 * 86_400_000);
    const last = await state.lastRefresh("rh_certified", fp);
    expect(daysUntilIdleExpiry(last, clock.now())).toBe(25);
  });

  it("shares a token's refresh between servers using it, and forgets it when the token changes", async () => {
    const state = openStateFile({ env: { XDG_CONFIG_HOME: tempDir() } });
    const fp = tokenFingerprint(mintOfflineToken());
    const at = new Date("2026-03-01T00:00:00Z");
    await state.recordRefresh("published", fp, at);
    expect(await state.lastRefresh("validated", fp)).toEqual(at);
    const newer = tokenFingerprint(mintOfflineToken());
    await state.recordRefresh("published", newer, new Date("2026-03-02T00:00:00Z"));
    expect(await state.lastRefresh("published", fp)).toBeUndefined();
    expect((await state.read()).servers).toEqual({
      published: { fingerprint: newer, lastRefresh: new Date("2026-03-02T00:00:00Z") },
    });
  });

  it("refuses to record anything that is not a fingerprint, and tolerates a damaged file", async () => {
    const xdg = tempDir();
    const state = openStateFile({ env: { XDG_CONFIG_HOME: xdg } });
    await expect(state.recordRefresh("hub", mintOfflineToken(), new Date())).rejects.toThrow("never a token");
    mkdirSync(join(xdg, "hub-setup"), { recursive: true });
    writeFileSync(
      state.path,
      "[hub]\nfingerprint = nonsense\nlast_refresh = yesterday\n[ok]\nfingerprint = fp-0123456789ab\nlast_refresh = 2026-01-01T00:00:00Z\n",
    );
    expect(Object.keys((await state.read()).servers)).toEqual(["ok"]);
  });

  it("remembers where tokens were pushed (never the token), one entry per credential, kept across refreshes", async () => {
    const state = openStateFile({ env: { XDG_CONFIG_HOME: tempDir() } });
    const pushed = {
      kind: "controller" as const,
      controllerUrl: "https://aap.example.com/",
      credentialId: 7,
      credentialName: "Private hub",
      serverId: "pah_published",
      pushedAt: new Date("2026-03-01T00:00:00Z"),
    };
    await state.recordConsumer(pushed);
    await state.recordConsumer({ ...pushed, credentialId: 8, serverId: "rh_published" });
    const fp = tokenFingerprint(mintOfflineToken());
    await state.recordRefresh("rh_published", fp, new Date("2026-03-02T00:00:00Z"));
    const again = { ...pushed, pushedAt: new Date("2026-03-03T00:00:00Z") };
    await state.recordConsumer(again);
    const read = await state.read();
    expect(read.consumers).toEqual([{ ...pushed, credentialId: 8, serverId: "rh_published" }, again]);
    expect(Object.keys(read.servers)).toEqual(["rh_published"]);
    const text = readFileSync(state.path, "utf8");
    expect(text).toContain("[consumer-1]");
    expect(text).toContain("controller_url = https://aap.example.com/");
    expect(statSync(state.path).mode & 0o777).toBe(0o600);
    await expect(state.recordConsumer({ ...pushed, serverId: "Bad Id" })).rejects.toThrow();
  });
});
