import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { startSandbox } from "@hub-setup/sandbox";
import { requireTool } from "@hub-setup/test-utils";
import { describe, expect, it } from "vitest";
import { requireBuiltBin, startBin } from "./support/built-bin.js";
import { ansibleCfg, world } from "./support/temp-world.js";

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
