/**
 * Two wizards at once (#16 item 2): two non-interactive `--store file` runs on one ansible.cfg, each with
 * its own token. Whatever the interleaving, the store must end holding the token of a run that said it
 * stored it (exit 0), and `status --json` must agree. The built bin, real processes, the sandbox.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { classifyToken } from "@hub-setup/core";
import { openSecretStore } from "@hub-setup/core/node";
import { startSandbox, type Sandbox } from "@hub-setup/sandbox";
import { requireBuiltBin, runBin, type BinRun } from "./support/built-bin.js";
import { throwAwayWorld, type Sandboxed } from "./support/temp-world.js";
import { showsSecret } from "./support/tmux.js";

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(async () => {
  await sandbox.close();
});

const ROUNDS = 20;

function setup(world: Sandboxed, config: string, token: string): Promise<BinRun> {
  return runBin(
    [
      "--no-interactive",
      "--hub",
      "cloud",
      "--url",
      sandbox.urls.cloud.published,
      "--auth-url",
      sandbox.urls.tokenEndpoint,
      "--repository",
      "published",
      "--server-id",
      "rh",
      "--token-stdin",
      "--store",
      "file",
      "--config",
      config,
      "--yes",
      "--no-schedule",
      "--no-pre-commit",
    ],
    world,
    `${token}\n`,
    120_000,
  );
}

/** Two offline tokens whose redacted forms differ, so that status can tell which one it shows. */
function twoTokens(): [string, string] {
  for (;;) {
    const a = sandbox.sso.mintOfflineToken();
    const b = sandbox.sso.mintOfflineToken();
    const ra = classifyToken(a);
    const rb = classifyToken(b);
    if (ra.ok && rb.ok && ra.redacted !== rb.redacted) return [a, b];
  }
}

describe("two wizard runs at once on one ansible.cfg", () => {
  it(`leave, in each of ${ROUNDS} rounds, the token of a run that reported success in the store, and status agrees`, async () => {
    requireBuiltBin();
    const outcomes: string[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const world = throwAwayWorld();
      const config = join(world.project, "ansible.cfg");
      const store = await openSecretStore({ env: world.env, backend: "file" });
      // Odd rounds start from an older token already stored (the loser used to put it back).
      const older = round % 2 === 1 ? sandbox.sso.mintOfflineToken() : undefined;
      if (older !== undefined) await store.set("rh", older);
      const tokens = twoTokens();
      const runs = await Promise.all(tokens.map((t) => setup(world, config, t)));
      for (const [i, run] of runs.entries()) {
        for (const t of [...tokens, older ?? ""].filter((x) => x !== "")) {
          expect(showsSecret(run.stdout + run.stderr, t), `round ${round} run ${i} output`).toBe(false);
        }
      }
      const succeeded = tokens.filter((_, i) => runs[i]?.status === 0);
      const detail = runs.map((r, i) => `run ${i}: exit ${r.status}\n${r.stdout}\n${r.stderr}`).join("\n");
      expect(succeeded.length, `round ${round}: no run succeeded\n${detail}`).toBeGreaterThan(0);
      const held = await store.get("rh");
      expect(
        held !== undefined && succeeded.includes(held),
        `round ${round}: the store holds ${held === undefined ? "nothing" : held === older ? "the older token" : "the token of a failed run"}\n${detail}`,
      ).toBe(true);
      const status = await runBin(["status", "--json"], world, undefined, 120_000);
      const report = JSON.parse(status.stdout) as {
        servers: Array<{
          id: string;
          token: { origin: string; redacted: string } | null;
          check: { state: string };
        }>;
      };
      const rh = report.servers.find((s) => s.id === "rh");
      const heldInfo = classifyToken(held ?? "");
      expect(rh?.token, `round ${round}: status --json\n${status.stdout}\n${status.stderr}`).toMatchObject({
        origin: "store",
        redacted: heldInfo.ok ? heldInfo.redacted : "?",
      });
      expect(rh?.check.state, `round ${round}: status --json\n${status.stdout}`).toBe("ok");
      expect(status.status, status.stderr).toBe(0);
      outcomes.push(runs.map((r) => r.status).join("/"));
    }
    // Every round ends with a success; the interleavings seen are kept in the failure message only.
    expect(outcomes).toHaveLength(ROUNDS);
  }, 900_000);
});
