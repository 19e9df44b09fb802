import { HubSetupError, tokenFingerprint } from "@hub-setup/core";
import { describe, expect, it } from "vitest";
import { EXIT } from "../src/exit-codes.js";
import type { HubChecks, LoadedConfig, TokenReader } from "../src/ports.js";
import { runStatus, type StatusDeps } from "../src/commands/status/run.js";
import type { StatusReport } from "../src/commands/status/report.js";
import { STATUS_JSON_SCHEMA } from "../src/commands/status/schema.js";
import {
  envVar,
  hubToken,
  loadedConfig,
  memoryState,
  memoryStore,
  offlineToken,
  output,
  scriptedChecks,
  server,
  type ChecksScript,
} from "./support/fake-ports.js";
import { validate } from "./support/json-schema.js";

const NOW = new Date("2026-03-01T12:00:00Z");
const DAY = 86_400_000;
const SSO = "https://sso.example.test/auth/realms/redhat-external/protocol/openid-connect/token";
const CLOUD_URL = "https://console.redhat.com/api/automation-hub/content/published/";
const PRIVATE_URL = "https://hub.example.test/api/galaxy/content/published/";
const OFFLINE = offlineToken();
const HUB = hubToken(7);

type Setup = {
  config?: LoadedConfig | Error;
  store?: TokenReader | Error;
  state?: ReturnType<typeof memoryState>;
  script?: ChecksScript;
};

function harness(setup: Setup) {
  const io = output();
  const fake = scriptedChecks(setup.script ?? {});
  const state = setup.state ?? memoryState();
  const fail = (e: unknown) => Promise.reject(e instanceof Error ? e : new Error(String(e)));
  const deps: StatusDeps = {
    loadConfig: () =>
      setup.config instanceof Error ? fail(setup.config) : Promise.resolve(setup.config ?? loadedConfig([])),
    openStore: () =>
      setup.store instanceof Error ? fail(setup.store) : Promise.resolve(setup.store ?? memoryStore()),
    openState: () => Promise.resolve(state),
    openChecks: () => Promise.resolve(fake.checks satisfies HubChecks),
    now: () => NOW,
    signal: new AbortController().signal,
    stdout: io.stdout,
  };
  return { deps, io, fake, state };
}

async function json(setup: Setup, argv: string[] = ["--json"]) {
  const h = harness(setup);
  const code = await runStatus(argv, h.deps);
  const report = JSON.parse(h.io.out()) as StatusReport;
  expect(validate(STATUS_JSON_SCHEMA, report)).toEqual([]);
  expect(report.exitCode).toBe(code);
  return { code, report, ...h };
}

const cloud = (token?: string | [string, "env" | "file"]) =>
  server("cloud", { url: CLOUD_URL, authUrl: SSO, ...(token === undefined ? {} : { token }) });
const priv = (token?: string | [string, "env" | "file"]) =>
  server("priv", { url: PRIVATE_URL, ...(token === undefined ? {} : { token }) });

describe("status", () => {
  it("is fine when every server's token is accepted, and counts 30 days from the live check", async () => {
    const { code, report, state, io, fake } = await json({
      config: loadedConfig([cloud(), priv()]),
      store: memoryStore({ cloud: OFFLINE, priv: HUB }),
      script: { verify: { [CLOUD_URL]: { ok: true }, [PRIVATE_URL]: { ok: true } } },
    });
    expect(code).toBe(EXIT.OK);
    expect(report.servers.map((s) => [s.id, s.kind, s.health, s.token?.origin, s.token?.kind])).toEqual([
      ["cloud", "cloud", "ok", "store", "offline"],
      ["priv", "private", "ok", "store", "hub-api"],
    ]);
    expect(report.servers[0]?.idleExpiry).toEqual({
      daysLeft: 30,
      lastRefreshedAt: NOW.toISOString(),
      expiresAt: new Date(NOW.getTime() + 30 * DAY).toISOString(),
    });
    expect(state.records).toEqual([["cloud", tokenFingerprint(OFFLINE), NOW.toISOString()]]);
    expect(report.store).toEqual({
      backend: "file",
      location: "/home/test/.config/hub-setup/credentials",
      error: null,
    });
    expect(fake.closedCount()).toBe(1);
    expect(io.out()).not.toContain(OFFLINE);
    expect(io.out()).not.toContain(HUB);
  });

  it("counts a full 30 days right after a live check, even on a clock that moves between reads", async () => {
    const h = harness({
      config: loadedConfig([cloud()]),
      store: memoryStore({ cloud: OFFLINE }),
      script: { verify: { [CLOUD_URL]: { ok: true } } },
    });
    let t = NOW.getTime();
    const report = await runStatus(["--json"], { ...h.deps, now: () => new Date((t += 5)) });
    expect(report).toBe(EXIT.OK);
    expect((JSON.parse(h.io.out()) as StatusReport).servers[0]?.idleExpiry?.daysLeft).toBe(30);
  });

  it("prints text with the file, why, kinds, token origins and redacted tokens only", async () => {
    const h = harness({
      config: loadedConfig([cloud(), priv([HUB, "file"])]),
      store: memoryStore({ cloud: OFFLINE }),
      script: { verify: { [CLOUD_URL]: { ok: true }, [PRIVATE_URL]: { ok: true } } },
    });
    expect(await runStatus([], h.deps)).toBe(EXIT.OK);
    const text = h.io.out();
    expect(text).toContain(
      "ansible.cfg  /work/ansible.cfg\n             ./ansible.cfg in the current folder",
    );
    expect(text).toContain(`cloud (cloud)  ${CLOUD_URL}`);
    expect(text).toMatch(/✓ Token: offline token .*, from hub-setup's store \(file\)/);
    expect(text).toContain("✓ Idle expiry: 30 days left (until 2026-03-31 unless used)");
    expect(text).toMatch(
      /! Token: hub API token [0-9a-f]{4}…[0-9a-f]{4} \(40 chars\), written in plaintext in ansible.cfg/,
    );
    expect(text).toContain("! token written in plaintext in /work/ansible.cfg");
    expect(text).toContain("2 servers, 1 with warnings.");
    expect(text).not.toContain(OFFLINE);
    expect(text).not.toContain(HUB);
  });

  it("lets a variable the user exported win over the store, as Ansible would", async () => {
    const other = hubToken(9);
    const { report } = await json({
      config: loadedConfig([priv([other, "env"])]),
      store: memoryStore({ priv: HUB }),
      script: { verify: { [PRIVATE_URL]: { ok: true } } },
    });
    expect(report.servers[0]?.token).toMatchObject({ origin: "env", envVar: envVar("priv") });
    expect(report.servers[0]?.token?.redacted).toContain(other.slice(0, 4));
    expect(report.servers[0]?.token?.redacted).not.toContain(HUB.slice(0, 4));
  });

  it("exits 6 when some servers are fine and some are refused", async () => {
    const { code, report } = await json({
      config: loadedConfig([cloud(), priv()]),
      store: memoryStore({ cloud: OFFLINE, priv: HUB }),
      script: {
        verify: {
          [CLOUD_URL]: { ok: true },
          [PRIVATE_URL]: { ok: false, outcome: "unauthorized", message: "the hub did not accept the token" },
        },
      },
    });
    expect(code).toBe(EXIT.PARTIAL);
    expect(report.servers[1]).toMatchObject({
      health: "broken",
      failure: "auth",
      check: { state: "failed", outcome: "unauthorized", message: "the hub did not accept the token" },
    });
  });

  it("exits 3 when every token is refused, and 4 when every hub is unreachable", async () => {
    const refused = await json({
      config: loadedConfig([cloud()]),
      store: memoryStore({ cloud: OFFLINE }),
      script: { verify: { [CLOUD_URL]: { ok: false, outcome: "expired", message: "expired" } } },
    });
    expect(refused.code).toBe(EXIT.AUTH);
    expect(refused.state.records).toEqual([]);
    const down = await json({
      config: loadedConfig([priv()]),
      store: memoryStore({ priv: HUB }),
      script: { verify: { [PRIVATE_URL]: { ok: false, outcome: "network", message: "refused" } } },
    });
    expect(down.code).toBe(EXIT.NETWORK);
  });

  it("with --offline touches no network and counts days from the last recorded refresh", async () => {
    const fp = tokenFingerprint(OFFLINE);
    const five = await json(
      {
        config: loadedConfig([cloud()]),
        store: memoryStore({ cloud: OFFLINE }),
        state: memoryState([["cloud", fp, new Date(NOW.getTime() - 25 * DAY)]]),
      },
      ["--json", "--offline"],
    );
    expect(five.fake.calls).toEqual([]);
    expect(five.code).toBe(EXIT.OK);
    expect(five.report.servers[0]).toMatchObject({
      health: "warning",
      check: { state: "skipped" },
      idleExpiry: { daysLeft: 5 },
    });
    const gone = await json(
      {
        config: loadedConfig([cloud()]),
        store: memoryStore({ cloud: OFFLINE }),
        state: memoryState([["cloud", fp, new Date(NOW.getTime() - 31 * DAY)]]),
      },
      ["--json", "--offline"],
    );
    expect(gone.code).toBe(EXIT.AUTH);
    expect(gone.report.servers[0]?.idleExpiry?.daysLeft).toBe(-1);
  });

  it("does not count days for a different token that the same server had before", async () => {
    const { report } = await json(
      {
        config: loadedConfig([cloud()]),
        store: memoryStore({ cloud: OFFLINE }),
        state: memoryState([["cloud", "fp-somethingelse", NOW]]),
      },
      ["--json", "--offline"],
    );
    expect(report.servers[0]?.idleExpiry?.daysLeft).toBeNull();
    expect(report.servers[0]?.problems.map((p) => p.message).join()).toContain("days left unknown");
  });

  it("exits 5 for a listed server with no url, without checking it", async () => {
    const { code, report, fake } = await json({
      config: loadedConfig([server("ghost", { sectionExists: false })]),
    });
    expect(code).toBe(EXIT.CONFIG);
    expect(fake.calls).toEqual([]);
    expect(report.servers[0]?.problems[0]?.message).toContain(
      '"ghost" is in server_list but ansible.cfg has no [galaxy_server.ghost] section',
    );
  });

  it("exits 3 for a private hub server with no token at all", async () => {
    const { code, report } = await json({ config: loadedConfig([priv()]) });
    expect(code).toBe(EXIT.AUTH);
    expect(report.servers[0]?.auth).toBe("none");
    expect(report.servers[0]?.problems[0]?.message).toContain("no token");
  });

  it("exits 1 when no server is configured, saying what to run", async () => {
    const h = harness({ config: loadedConfig([]) });
    expect(await runStatus([], h.deps)).toBe(EXIT.ERROR);
    expect(h.io.out()).toContain("no galaxy server is configured here");
    expect(h.io.out()).toContain("Run `hub-setup`");
  });

  it("exits 5 with the parse error when ansible.cfg cannot be read, in JSON too", async () => {
    const error = new HubSetupError("CONFIG_PARSE", "line 3: duplicate key `token` in [galaxy_server.a]", {
      hint: "remove one of them",
    });
    const { code, report } = await json({ config: error });
    expect(code).toBe(EXIT.CONFIG);
    expect(report.config.error).toEqual({
      code: "CONFIG_PARSE",
      message: error.message,
      hint: "remove one of them",
    });
  });

  it("exits 5 when the store is unusable even though the servers are fine", async () => {
    const { code, report } = await json({
      config: loadedConfig([priv([HUB, "env"])]),
      store: new HubSetupError("STORE_INSECURE", "credentials is readable by others", {
        hint: "chmod 600 …",
      }),
      script: { verify: { [PRIVATE_URL]: { ok: true } } },
    });
    expect(code).toBe(EXIT.CONFIG);
    expect(report.store.error?.code).toBe("STORE_INSECURE");
    expect(report.servers[0]?.health).toBe("ok");
  });

  it("never prints a password or query value written in a hub URL, and flags the password", async () => {
    const url = "https://admin:s3cret-pass@hub.example.test/api/galaxy/content/published/?sig=q1w2e3&page=2";
    const authUrl = "https://sso.example.test/token?client_secret=zz9yy8";
    const setup = {
      config: loadedConfig([
        server("basic", { url, username: "admin" }),
        server("sso", { url: CLOUD_URL, authUrl }),
      ]),
      store: memoryStore({ sso: OFFLINE }),
      script: {
        verify: {
          [CLOUD_URL]: {
            ok: false,
            outcome: "not-found",
            message: `this is not a hub API URL: ${authUrl} answered HTTP 404`,
          },
        },
      },
    } as const;
    const { report, io } = await json(setup);
    const h = harness(setup);
    await runStatus([], h.deps);
    for (const printed of [io.out(), h.io.out()]) {
      expect(printed).not.toContain("s3cret-pass");
      expect(printed).not.toContain("q1w2e3");
      expect(printed).not.toContain("zz9yy8");
    }
    expect(report.servers[0]?.url).toBe(
      "https://admin:***@hub.example.test/api/galaxy/content/published/?sig=***&page=***",
    );
    expect(report.servers[1]?.authUrl).toBe("https://sso.example.test/token?client_secret=***");
    expect(report.servers[0]?.problems).toContainEqual({
      severity: "warning",
      message: expect.stringContaining("a password is written in the url") as string,
    });
    expect(report.servers[1]?.problems.map((p) => p.message).join()).not.toContain("password");
    expect(h.io.out()).toContain("basic (private)  https://admin:***@hub.example.test/");
    expect(h.io.out()).toContain("! a password is written in the url");
  });

  it("still reports every server, and exits 5, when the store opens but reading a token fails", async () => {
    const insecure = new HubSetupError("STORE_INSECURE", "credentials is readable by others", {
      hint: "chmod 600 …",
    });
    let reads = 0;
    const store: TokenReader = {
      ...memoryStore({ priv: HUB }),
      get: () => {
        reads++;
        return Promise.reject(insecure);
      },
    };
    const setup: Setup = {
      config: loadedConfig([cloud([OFFLINE, "env"]), priv()]),
      store,
      script: { verify: { [CLOUD_URL]: { ok: true } } },
    };
    const { code, report } = await json(setup);
    expect(reads).toBeGreaterThan(0);
    expect(code).toBe(EXIT.CONFIG);
    expect(report.store.error).toEqual({
      code: "STORE_INSECURE",
      message: "credentials is readable by others",
      hint: "chmod 600 …",
    });
    expect(report.servers.map((s) => [s.id, s.health, s.token?.origin ?? null])).toEqual([
      ["cloud", "ok", "env"],
      ["priv", "broken", null],
    ]);
    expect(report.servers[1]?.failure).toBe("config");
    expect(report.servers[1]?.problems.map((p) => p.message).join()).toContain("store cannot be read");
    expect(report.servers[1]?.problems.map((p) => p.message).join()).not.toContain("no token");
    const h = harness(setup);
    expect(await runStatus([], h.deps)).toBe(EXIT.CONFIG);
    expect(h.io.out()).toContain("X token store cannot be used: credentials is readable by others");
    expect(h.io.out()).toContain("cloud (cloud)");
    expect(h.io.out()).toContain("priv (private)");
  });

  it("refuses unknown flags as a usage error", async () => {
    const h = harness({});
    await expect(runStatus(["--jsn"], h.deps)).rejects.toMatchObject({ code: "USAGE" });
  });
});

describe("status: the idle countdown never contradicts the facts (issue #16, low)", () => {
  const fp = tokenFingerprint(OFFLINE);

  it("a token the SSO refused (revoked, expired) shows no ✓ countdown beside the failed check", async () => {
    const h = harness({
      config: loadedConfig([cloud()]),
      store: memoryStore({ cloud: OFFLINE }),
      state: memoryState([["cloud", fp, new Date(NOW.getTime() - 1 * DAY)]]),
      script: {
        verify: {
          [CLOUD_URL]: {
            ok: false,
            outcome: "expired",
            message: "Red Hat SSO refused the token: it was revoked",
          },
        },
      },
    });
    const code = await runStatus([], h.deps);
    expect(code).toBe(EXIT.AUTH);
    const text = h.io.out();
    const expiry = text.split("\n").find((l) => l.includes("Idle expiry"));
    expect(expiry, text).toBeDefined();
    expect(expiry).not.toContain("✓");
    expect(expiry).not.toMatch(/\d+ days left/);
    expect(expiry).toContain("refused");
  });

  it("a network failure leaves the countdown as it is (the token may be fine)", async () => {
    const h = harness({
      config: loadedConfig([cloud()]),
      store: memoryStore({ cloud: OFFLINE }),
      state: memoryState([["cloud", fp, new Date(NOW.getTime() - 1 * DAY)]]),
      script: { verify: { [CLOUD_URL]: { ok: false, outcome: "network", message: "no answer" } } },
    });
    await runStatus([], h.deps);
    expect(h.io.out()).toContain("✓ Idle expiry: 29 days left");
  });

  it("a last refresh in the future (clock skew) is unknown, with a note, never ✓ 26352 days", async () => {
    const { report } = await json(
      {
        config: loadedConfig([cloud()]),
        store: memoryStore({ cloud: OFFLINE }),
        state: memoryState([["cloud", fp, new Date(NOW.getTime() + 26_322 * DAY)]]),
      },
      ["--json", "--offline"],
    );
    expect(report.servers[0]?.idleExpiry?.daysLeft).toBeNull();
    expect(report.servers[0]?.health).toBe("warning");
    expect(report.servers[0]?.problems.map((p) => p.message).join()).toContain("in the future");
    const h = harness({
      config: loadedConfig([cloud()]),
      store: memoryStore({ cloud: OFFLINE }),
      state: memoryState([["cloud", fp, new Date(NOW.getTime() + 26_322 * DAY)]]),
    });
    await runStatus(["--offline"], h.deps);
    expect(h.io.out()).not.toContain("✓ Idle expiry");
    expect(h.io.out()).toContain("! Idle expiry: unknown");
  });
});
