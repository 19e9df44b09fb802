import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { requireTool, tempDir } from "@hub-setup/test-utils";
import { expect, it } from "vitest";
import { HubSetupError } from "@hub-setup/core";
import { runSandboxCommand } from "../src/index.js";
import { galaxyEnv, runGalaxy } from "./support/galaxy.js";
import { canListen } from "./support/ports.js";

const tool = requireTool("ansible-galaxy");

/** Starts the command; resolves once it has printed its instructions. */
async function startCommand(opts: { port?: number; stateDir?: string } = {}) {
  const controller = new AbortController();
  let text = "";
  let ready: () => void = () => undefined;
  const printed = new Promise<void>((resolve) => (ready = resolve));
  const done = runSandboxCommand(opts, {
    stdout: (t) => {
      text += t;
      if (text.includes("Press Ctrl-C to stop.")) ready();
    },
    signal: controller.signal,
  });
  await Promise.race([printed, done]);
  return { text: () => text, stop: () => controller.abort(), done };
}

/** The ansible.cfg block and `export NAME='value'` lines, exactly as printed. */
function parseInstructions(text: string) {
  const cfg = text.slice(text.indexOf("[galaxy]"), text.indexOf("Environment (")).trimEnd() + "\n";
  const env = Object.fromEntries(
    [...text.matchAll(/^export (\w+)='([^']*)'$/gm)].map((m) => [m[1] ?? "", m[2] ?? ""]),
  );
  return { cfg, env };
}

it("prints the URLs, the fake tokens (labelled) and the config lines, and stops cleanly with 0", async () => {
  const command = await startCommand();
  const text = command.text();
  const base = /on (http:\/\/127\.0\.0\.1:(\d+)\/)/.exec(text);
  expect(base).not.toBeNull();
  expect(text).toContain(`${base?.[1]}auth/realms/redhat-external/protocol/openid-connect/token`);
  expect(text).toContain(`${base?.[1]}api/automation-hub/content/published/`);
  expect(text).toContain(`${base?.[1]}api/galaxy/content/rh-certified/`);
  expect(text).toContain("Sandbox tokens: FAKE values, valid only against this sandbox");
  const { cfg, env } = parseInstructions(text);
  expect(cfg).not.toMatch(/token\s*=/);
  expect(Object.keys(env)).toEqual([
    "ANSIBLE_GALAXY_SERVER_SANDBOX_CLOUD_TOKEN",
    "ANSIBLE_GALAXY_SERVER_SANDBOX_PRIVATE_TOKEN",
  ]);
  expect(env["ANSIBLE_GALAXY_SERVER_SANDBOX_PRIVATE_TOKEN"]).toMatch(/^[0-9a-f]{40}$/);
  expect(text).toMatch(/State: .* \(temporary: removed when the sandbox stops\)/);

  command.stop();
  expect(await command.done).toBe(0);
  expect(command.text().endsWith("Sandbox stopped.\n")).toBe(true);
  expect(await canListen(Number(base?.[2]))).toBe(true);
});

it.skipIf(!tool.available)(
  "its printed ansible.cfg and export lines work with the real ansible-galaxy",
  async () => {
    const command = await startCommand();
    try {
      const { cfg, env } = parseInstructions(command.text());
      const dir = tempDir();
      writeFileSync(join(dir, "ansible.cfg"), cfg);
      const run = await runGalaxy(
        ["collection", "install", "sandbox.app", "-p", join(dir, "collections")],
        galaxyEnv(dir, env),
      );
      expect(run.code, run.output).toBe(0);
      expect(
        existsSync(join(dir, "collections", "ansible_collections", "sandbox", "demo", "MANIFEST.json")),
      ).toBe(true);
    } finally {
      command.stop();
      await command.done;
    }
  },
);

it("--state-dir keeps the same tokens across restarts", async () => {
  const stateDir = join(tempDir(), "sandbox");
  const first = await startCommand({ stateDir });
  first.stop();
  await first.done;
  const second = await startCommand({ stateDir });
  second.stop();
  await second.done;
  expect(parseInstructions(second.text()).env).toEqual(parseInstructions(first.text()).env);
  expect(second.text()).toContain("(kept: a restart keeps the same tokens)");
  expect(existsSync(stateDir)).toBe(true);
});

it("rejects with a USAGE error when the port is taken", async () => {
  const first = await startCommand();
  const port = Number(/127\.0\.0\.1:(\d+)\//.exec(first.text())?.[1]);
  try {
    const error: unknown = await runSandboxCommand(
      { port },
      { stdout: () => undefined, signal: new AbortController().signal },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HubSetupError);
    expect(error).toMatchObject({ code: "USAGE" });
    expect((error as HubSetupError).hint).toContain("--port");
  } finally {
    first.stop();
    await first.done;
  }
});

it("prints the controller's CONTROLLER_HOST and sign-in, which the controller accepts", async () => {
  const command = await startCommand();
  try {
    const text = command.text();
    const host = /^ {2}export CONTROLLER_HOST=(\S+)$/m.exec(text)?.[1];
    const token = /^ {2}export CONTROLLER_OAUTH_TOKEN='([^']+)'/m.exec(text)?.[1];
    const basic = /CONTROLLER_USERNAME=(\S+) CONTROLLER_PASSWORD='([^']+)'/.exec(text);
    expect(host).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(text).toContain('hub-setup controller push --credential "Automation Hub" --organization Default');
    const me = (authorization: string) =>
      fetch(new URL("api/v2/me/", host), { headers: { authorization } }).then((r) => r.status);
    expect(await me(`Bearer ${token ?? ""}`)).toBe(200);
    const pair = Buffer.from(`${basic?.[1] ?? ""}:${basic?.[2] ?? ""}`).toString("base64");
    expect(await me(`Basic ${pair}`)).toBe(200);
    expect(await me("Bearer not-the-token")).toBe(401);
  } finally {
    command.stop();
    await command.done;
  }
});
