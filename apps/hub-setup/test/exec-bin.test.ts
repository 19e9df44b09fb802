import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { startSandbox } from "@hub-setup/sandbox";
import { requireTool } from "@hub-setup/test-utils";
import { describe, expect, it } from "vitest";
import { requireBuiltBin, startBin } from "./support/built-bin.js";
import { ansibleCfg, world } from "./support/temp-world.js";
import { hubToken, offlineToken } from "./support/tokens.js";

/** Every 12-character piece of `secret`: none may appear in output. */
function pieces(secret: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 12 <= secret.length; i++) out.push(secret.slice(i, i + 12));
  return out;
}

async function waitFor(path: string): Promise<void> {
  for (let i = 0; i < 400 && !existsSync(path); i++) await new Promise((r) => setTimeout(r, 25));
  expect(existsSync(path), `${path} never appeared`).toBe(true);
}

describe("the built hub-setup exec", () => {
  it("passes SIGTERM sent to hub-setup on to the command, and exits with the command's status", async () => {
    requireBuiltBin();
    const w = world();
    const script = "trap 'echo got-term; exit 42' TERM; : > started; while :; do sleep 0.05; done";
    const { child, done } = startBin(["exec", "--", "sh", "-c", script], { env: w.env, cwd: w.project });
    await waitFor(join(w.project, "started"));
    child.kill("SIGTERM");
    const result = await done;
    expect(result.code).toBe(42);
    expect(result.stdout).toBe("got-term\n");
  });

  it("reports a command killed by a signal as 128 + its number", async () => {
    requireBuiltBin();
    const w = world();
    const { done } = startBin(["exec", "--", "sh", "-c", "kill -KILL $$"], { env: w.env, cwd: w.project });
    expect((await done).code).toBe(137);
  });

  // Node's child_process debug log prints the options of every spawn, the child's environment included.
  for (const nodeDebug of ["child_process", "net,CHILD_*", "*"]) {
    it(`never lets NODE_DEBUG=${nodeDebug} print an injected token (refuses, and says why)`, async () => {
      requireBuiltBin();
      const w = world();
      w.writeConfig(
        ansibleCfg([
          { id: "rh", url: "http://127.0.0.1:9/api/", authUrl: "http://127.0.0.1:9/token" },
          { id: "pah", url: "http://127.0.0.1:9/api/galaxy/" },
        ]),
      );
      const secrets = [offlineToken(), hubToken()];
      await w.storeToken("rh", secrets[0]!);
      await w.storeToken("pah", secrets[1]!);
      const script = 'test -n "$ANSIBLE_GALAXY_SERVER_PAH_TOKEN"';
      const { done } = startBin(["exec", "--", "sh", "-c", script], {
        env: { ...w.env, NODE_DEBUG: nodeDebug },
        cwd: w.project,
      });
      const result = await done;
      const output = result.stdout + result.stderr;
      // Counted, not compared: a failing toContain would print the token in the test log.
      const leaked = secrets.flatMap(pieces).filter((piece) => output.includes(piece));
      expect(leaked.length, "pieces of an injected token in the output").toBe(0);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain("NODE_DEBUG");
      expect(result.stderr).toContain("child_process");
    });
  }

  const galaxy = requireTool("ansible-galaxy");
  it.skipIf(!galaxy.available)(
    "lets the real ansible-galaxy install from both sandbox hubs with tokens only in the store",
    async () => {
      requireBuiltBin();
      const sandbox = await startSandbox({ port: 0 });
      try {
        const w = world();
        const cfg = w.writeConfig(
          ansibleCfg([
            { id: "rh", url: sandbox.urls.cloud.published, authUrl: sandbox.urls.tokenEndpoint },
            { id: "pah", url: sandbox.urls.private.published },
          ]),
        );
        await w.storeToken("rh", sandbox.tokens.offline);
        await w.storeToken("pah", sandbox.tokens.hub);
        const env = { ...w.env, ANSIBLE_GALAXY_CACHE_DIR: join(w.root, "galaxy-cache") };
        const into = join(w.root, "collections");
        for (const server of ["rh", "pah"]) {
          const { done } = startBin(
            [
              "exec",
              "--",
              "ansible-galaxy",
              "collection",
              "install",
              "sandbox.demo",
              "-s",
              server,
              "-p",
              into,
              "--force",
            ],
            { env, cwd: w.project },
          );
          const result = await done;
          expect(result.code, result.stdout + result.stderr).toBe(0);
          for (const secret of [sandbox.tokens.offline, sandbox.tokens.hub]) {
            expect(result.stdout + result.stderr).not.toContain(secret);
          }
        }
        expect(readFileSync(cfg, "utf8")).not.toMatch(/token\s*=/);
        expect(existsSync(join(into, "ansible_collections", "sandbox", "demo", "MANIFEST.json"))).toBe(true);
        const seen = sandbox.log.entries().map((e) => e.credential);
        expect(seen).toContain("refresh-grant");
        expect(seen).toContain("bearer");
        expect(seen).toContain("token");
      } finally {
        await sandbox.close();
      }
    },
  );
});
