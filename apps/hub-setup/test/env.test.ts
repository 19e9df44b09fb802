import { spawnSync } from "node:child_process";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EXIT } from "../src/exit-codes.js";
import { assignmentLine } from "../src/shell/quote.js";
import { runEnv, type EnvDeps } from "../src/commands/env/run.js";
import type { LoadedConfig, TokenReader } from "../src/ports.js";
import {
  envVar,
  hubToken,
  loadedConfig,
  memoryStore,
  offlineToken,
  output,
  server,
} from "./support/fake-ports.js";

const URL = "https://hub.example.test/api/galaxy/content/published/";
const SSO = "https://sso.example.test/auth/realms/redhat-external/protocol/openid-connect/token";
const HUB = hubToken(0x5e);
const OFFLINE = offlineToken();

function harness(
  opts: { config?: LoadedConfig; store?: TokenReader; env?: Record<string, string>; tty?: boolean } = {},
) {
  const io = output();
  const deps: EnvDeps = {
    loadConfig: async () =>
      opts.config ??
      loadedConfig([server("priv", { url: URL }), server("cloud", { url: URL, authUrl: SSO })]),
    openStore: async () => opts.store ?? memoryStore({ priv: HUB, cloud: OFFLINE }),
    env: opts.env ?? {},
    stdoutIsTerminal: opts.tty ?? false,
    stdout: io.stdout,
    stderr: io.stderr,
  };
  return { deps, io };
}

/** Runs the printed lines in a real sh and reads the variables back (NUL-separated). */
function evalInSh(script: string, names: string[]): string[] {
  const printf = names.map((n) => `printf '%s\\0' "$${n}"`).join("; ");
  const run = spawnSync("sh", ["-c", `${script}\n${printf}`], { encoding: "utf8", env: {} });
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  return run.stdout.split("\0").slice(0, -1);
}

describe("env", () => {
  it("prints sh export lines that a real sh reads back to the exact tokens", async () => {
    const h = harness();
    expect(await runEnv([], h.deps)).toBe(EXIT.OK);
    const lines = h.io.out();
    expect(lines).toBe(`export ${envVar("priv")}='${HUB}'\nexport ${envVar("cloud")}='${OFFLINE}'\n`);
    expect(evalInSh(lines, [envVar("priv"), envVar("cloud")])).toEqual([HUB, OFFLINE]);
  });

  it("warns on stderr that the lines are secrets, without the secrets, and more when stdout is a terminal", async () => {
    const piped = harness();
    await runEnv([], piped.deps);
    expect(piped.io.err()).toContain("contain secret tokens");
    expect(piped.io.err()).not.toContain("screen");
    const tty = harness({ tty: true });
    await runEnv([], tty.deps);
    expect(tty.io.err()).toContain("stdout is a terminal: the tokens are now on your screen");
    for (const h of [piped, tty]) {
      expect(h.io.err()).not.toContain(HUB);
      expect(h.io.err()).not.toContain(OFFLINE.slice(10, 40));
    }
  });

  it("prints fish and PowerShell syntax, and picks the shell from $SHELL", async () => {
    const fish = harness({ store: memoryStore({ priv: HUB }) });
    await runEnv(["--shell", "fish"], fish.deps);
    expect(fish.io.out()).toBe(`set -gx ${envVar("priv")} '${HUB}'\n`);
    const ps = harness({ store: memoryStore({ priv: HUB }) });
    await runEnv(["--shell=powershell"], ps.deps);
    expect(ps.io.out()).toBe(`$env:${envVar("priv")} = '${HUB}'\n`);
    const auto = harness({ store: memoryStore({ priv: HUB }), env: { SHELL: "/usr/bin/fish" } });
    await runEnv([], auto.deps);
    expect(auto.io.out()).toBe(`set -gx ${envVar("priv")} '${HUB}'\n`);
  });

  it("prints nothing for a variable already exported (it wins), and says so", async () => {
    const h = harness({ env: { [envVar("priv")]: "mine-already-set-value" } });
    await runEnv([], h.deps);
    expect(h.io.out()).toBe(`export ${envVar("cloud")}='${OFFLINE}'\n`);
    expect(h.io.err()).toContain(`${envVar("priv")} is already set in your environment`);
  });

  it("skips a server whose variable sh cannot set, and says which to rename", async () => {
    const h = harness({
      config: loadedConfig([server("my-hub", { url: URL, idProblem: "not a shell name" })]),
      store: memoryStore({ "my-hub": HUB }),
    });
    expect(await runEnv([], h.deps)).toBe(EXIT.OK);
    expect(h.io.out()).toBe("");
    expect(h.io.err()).toContain(
      'skipped ANSIBLE_GALAXY_SERVER_MY-HUB_TOKEN: sh cannot set a variable with that name (rename server "my-hub")',
    );
  });

  it("says there is nothing to set when no listed server has a stored token", async () => {
    const h = harness({ store: memoryStore() });
    expect(await runEnv([], h.deps)).toBe(EXIT.OK);
    expect(h.io.out()).toBe("");
    expect(h.io.err()).toContain("no server listed in /work/ansible.cfg has its token in hub-setup's store");
  });

  it("refuses an unknown shell as a usage error naming the choices", async () => {
    await expect(runEnv(["--shell", "csh"], harness().deps)).rejects.toThrow(
      /--shell must be one of sh, fish, powershell/,
    );
  });

  it("names an unknown shell that looks like a token only redacted", async () => {
    const token = hubToken(0xee);
    const refused = runEnv([`--shell=${token}`], harness().deps);
    await expect(refused).rejects.toThrow(/not "<hub API token [0-9a-f]{4}…[0-9a-f]{4} \(40 chars\)>"/);
    await expect(refused).rejects.not.toThrow(token);
  });

  it("round-trips any value through a real sh (property, one sh per batch)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.string({ unit: "binary", minLength: 0, maxLength: 40 }).map((s) => s.replaceAll("\0", "")),
          { minLength: 1, maxLength: 30 },
        ),
        (values) => {
          const names = values.map((_, i) => `V${i}`);
          const script = values.map((v, i) => assignmentLine("sh", names[i]!, v)).join("\n");
          expect(evalInSh(script, names)).toEqual(values);
        },
      ),
      { numRuns: 20 },
    );
  });
});
