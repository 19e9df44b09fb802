import { HubSetupError, tokenFingerprint } from "@hub-setup/core";
import { describe, expect, it } from "vitest";
import { EXIT } from "../src/exit-codes.js";
import type { LoadedConfig, TokenReader } from "../src/ports.js";
import { runRefresh, type RefreshDeps } from "../src/commands/refresh/run.js";
import {
  hubToken,
  loadedConfig,
  memoryState,
  memoryStore,
  offlineToken,
  output,
  refreshed,
  refreshFailed,
  scriptedChecks,
  server,
  type ChecksScript,
} from "./support/fake-ports.js";

const NOW = new Date("2026-03-01T12:00:00Z");
const SSO = "https://sso.example.test/auth/realms/redhat-external/protocol/openid-connect/token";
const CLOUD = "https://console.redhat.com/api/automation-hub/content/published/";
const VALIDATED = "https://console.redhat.com/api/automation-hub/content/validated/";
const A = offlineToken({ sub: "f:1:alice" });
const B = offlineToken({ sub: "f:2:bob" });

function harness(config: LoadedConfig | Error, store: TokenReader, script: ChecksScript = {}) {
  const io = output();
  const fake = scriptedChecks(script);
  const state = memoryState();
  const deps: RefreshDeps = {
    loadConfig: () => (config instanceof Error ? Promise.reject(config) : Promise.resolve(config)),
    openStore: () => Promise.resolve(store),
    openState: () => Promise.resolve(state),
    openChecks: () => Promise.resolve(fake.checks),
    now: () => NOW,
    signal: new AbortController().signal,
    stdout: io.stdout,
    stderr: io.stderr,
  };
  return { deps, io, fake, state };
}

const cloud = (id = "cloud", url = CLOUD) => server(id, { url, authUrl: SSO });

describe("refresh", () => {
  it("exchanges a stored offline token, records the time, and says until when it lasts", async () => {
    const h = harness(loadedConfig([cloud()]), memoryStore({ cloud: A }), { refresh: { [A]: refreshed() } });
    expect(await runRefresh([], h.deps)).toBe(EXIT.OK);
    expect(h.fake.calls).toEqual([{ op: "refresh", key: A, authUrl: SSO, clientId: "cloud-services" }]);
    expect(h.state.records).toEqual([["cloud", tokenFingerprint(A), NOW.toISOString()]]);
    expect(h.io.out()).toMatch(
      /^cloud: refreshed offline token eyJh…[\w-]{4} \(\d+ chars\); unused, it now lasts until 2026-03-31\n$/,
    );
    expect(h.io.err()).toBe("");
    expect(h.fake.closedCount()).toBe(1);
  });

  it("prints nothing at all with --quiet when everything worked", async () => {
    const h = harness(loadedConfig([cloud()]), memoryStore({ cloud: A }), { refresh: { [A]: refreshed(3) } });
    expect(await runRefresh(["--quiet"], h.deps)).toBe(EXIT.OK);
    expect(h.io.out() + h.io.err()).toBe("");
    expect(h.state.records).toHaveLength(1);
  });

  it("exits 3 for an expired token, with the plain message on stderr, even with --quiet", async () => {
    const message = "the offline token was not used for 30 days or was revoked: load a new one at …";
    const h = harness(loadedConfig([cloud()]), memoryStore({ cloud: A }), {
      refresh: { [A]: refreshFailed("expired", message) },
    });
    expect(await runRefresh(["--quiet"], h.deps)).toBe(EXIT.AUTH);
    expect(h.io.err()).toBe(`hub-setup refresh: cloud: ${message}\n`);
    expect(h.io.out()).toBe("");
    expect(h.state.records).toEqual([]);
  });

  it("exits 4 when the SSO cannot be reached, and 6 when some worked and some did not", async () => {
    const down = harness(loadedConfig([cloud()]), memoryStore({ cloud: A }), {
      refresh: { [A]: refreshFailed("network") },
    });
    expect(await runRefresh([], down.deps)).toBe(EXIT.NETWORK);
    const mixed = harness(loadedConfig([cloud("a"), cloud("b", VALIDATED)]), memoryStore({ a: A, b: B }), {
      refresh: { [A]: refreshed(), [B]: refreshFailed("expired") },
    });
    expect(await runRefresh([], mixed.deps)).toBe(EXIT.PARTIAL);
    expect(mixed.io.out()).toContain("a: refreshed");
    expect(mixed.io.err()).toContain("hub-setup refresh: b: fake expired");
  });

  it("exchanges a token shared by two servers once, and records it for both", async () => {
    const h = harness(
      loadedConfig([cloud("published"), cloud("validated", VALIDATED)]),
      memoryStore({ published: A, validated: A }),
      {
        refresh: { [A]: refreshed() },
      },
    );
    expect(await runRefresh([], h.deps)).toBe(EXIT.OK);
    expect(h.fake.calls).toHaveLength(1);
    expect(h.state.records.map((r) => r[0])).toEqual(["published", "validated"]);
    expect(h.io.out()).toContain("published, validated: refreshed");
  });

  it("also keeps alive stored tokens the ansible.cfg here does not list, at their issuer's endpoint", async () => {
    const elsewhere = offlineToken({
      iss: "http://127.0.0.1:9/auth/realms/redhat-external",
      azp: "my-client",
    });
    const h = harness(loadedConfig([]), memoryStore({ project_hub: elsewhere, priv: hubToken(1) }), {
      refresh: { [elsewhere]: refreshed() },
    });
    expect(await runRefresh([], h.deps)).toBe(EXIT.OK);
    expect(h.fake.calls).toEqual([
      {
        op: "refresh",
        key: elsewhere,
        authUrl: "http://127.0.0.1:9/auth/realms/redhat-external/protocol/openid-connect/token",
        clientId: "my-client",
      },
    ]);
  });

  it("uses the token from the environment or the file too, and never refreshes a private hub token", async () => {
    const h = harness(
      loadedConfig([
        server("env_cloud", { url: CLOUD, authUrl: SSO, token: [A, "env"] }),
        server("file_cloud", { url: VALIDATED, authUrl: SSO, clientId: "other", token: B }),
        server("priv", { url: "https://hub.example.test/api/galaxy/", token: hubToken(2) }),
      ]),
      memoryStore(),
      { refresh: { [A]: refreshed(), [B]: refreshed() } },
    );
    expect(await runRefresh([], h.deps)).toBe(EXIT.OK);
    expect(h.fake.calls.map((c) => [c.key === A ? "A" : "B", c.clientId])).toEqual([
      ["A", "cloud-services"],
      ["B", "other"],
    ]);
  });

  it("says there is nothing to refresh and exits 0; --quiet stays silent", async () => {
    const h = harness(loadedConfig([]), memoryStore());
    expect(await runRefresh([], h.deps)).toBe(EXIT.OK);
    expect(h.io.out()).toContain("No offline tokens to refresh");
    const q = harness(loadedConfig([]), memoryStore());
    expect(await runRefresh(["--quiet"], q.deps)).toBe(EXIT.OK);
    expect(q.io.out() + q.io.err()).toBe("");
    expect(q.fake.calls).toEqual([]);
  });

  it("still refreshes the store's tokens when ansible.cfg is broken, and says so (partial)", async () => {
    const broken = new HubSetupError("CONFIG_PARSE", "line 2: no section header", { hint: "add [defaults]" });
    const h = harness(broken, memoryStore({ cloud: A }), { refresh: { [A]: refreshed() } });
    expect(await runRefresh(["--quiet"], h.deps)).toBe(EXIT.PARTIAL);
    expect(h.io.err()).toBe("hub-setup refresh: ansible.cfg: line 2: no section header\n  add [defaults]\n");
    const only = harness(broken, memoryStore());
    expect(await runRefresh(["--quiet"], only.deps)).toBe(EXIT.CONFIG);
  });

  it("refuses a stray argument as a usage error", async () => {
    const h = harness(loadedConfig([]), memoryStore());
    await expect(runRefresh(["now"], h.deps)).rejects.toMatchObject({ code: "USAGE" });
  });
});
