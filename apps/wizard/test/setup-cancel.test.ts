import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HubSetupError } from "@hub-setup/core";
import { startSandbox, type Sandbox } from "@hub-setup/sandbox";
import { memoryIo } from "../src/io.js";
import { CANCEL, recordingSpinner, scriptedPrompter, type Script } from "../src/prompter/scripted.js";
import { parseSetupArgs } from "../src/setup/options.js";
import { realSetupPorts } from "../src/setup/real-ports.js";
import { runSetup } from "../src/setup/run.js";
import { makeStyle } from "../src/setup/style.js";
import { throwAwayWorld, type Sandboxed } from "./helpers-wizard/built.js";
import { snapshotTree } from "./helpers-wizard/fs-snapshot.js";

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(async () => {
  await sandbox.close();
});

const EXISTING_CFG =
  "# my settings\n[defaults]\nforks = 5\n\n[galaxy]\nserver_list = rh_published\n\n[galaxy_server.rh_published]\nurl = https://old.example.com/\n";

/** A world with things to lose: an ansible.cfg (a write would leave a backup) and a credentials file. */
function worldWithFiles(): Sandboxed {
  const world = throwAwayWorld();
  writeFileSync(join(world.home, ".ansible.cfg"), EXISTING_CFG);
  const store = join(world.home, ".config", "hub-setup");
  mkdirSync(store, { recursive: true, mode: 0o700 });
  writeFileSync(join(store, "credentials"), "[tokens]\nother = 0123456789abcdef0123456789abcdef01234567\n", {
    mode: 0o600,
  });
  return world;
}

function run(world: Sandboxed, script: Script, flags: string[]) {
  const io = memoryIo({ env: world.env, cwd: world.project });
  const ctx = { io, version: "0", signal: new AbortController().signal, now: () => new Date() };
  const prompter = scriptedPrompter(script);
  const deps = {
    prompter,
    spinner: recordingSpinner(),
    ports: realSetupPorts(ctx),
    style: makeStyle(false),
    print: io.stdout,
    signal: ctx.signal,
    now: ctx.now,
    // In-process, the keyring probe would reach this machine's real D-Bus keyring: never in a test.
    defaults: { stores: ["file", "plaintext"] as const },
  };
  return {
    promise: runSetup(parseSetupArgs(["--no-schedule", "--no-pre-commit", ...flags], true), deps),
    prompter,
    io,
  };
}

function flows(): Record<"cloud" | "private", Script> {
  return {
    cloud: {
      "Which hub": "cloud",
      "Which content from Red Hat": ["published"],
      "Paste the offline token": sandbox.tokens.offline,
      "Where should the token be kept": "file",
      "Which ansible.cfg": "USER_CFG",
      "A server named rh_published already exists": true,
      "Write these changes": true,
    },
    private: {
      "Which hub": "private",
      "URL of your private automation hub": sandbox.urls.private.published,
      "Which content from your private": ["published", "community"],
      "Paste the API token": sandbox.tokens.hub,
      "Where should the token be kept": "plaintext",
      "Which ansible.cfg": "USER_CFG",
      "Write these changes": true,
    },
  };
}

function flagsFor(name: "cloud" | "private"): string[] {
  return name === "cloud"
    ? ["--url", sandbox.urls.cloud.published, "--auth-url", sandbox.urls.tokenEndpoint]
    : [];
}

function withPaths(script: Script, world: Sandboxed): Script {
  return Object.fromEntries(
    Object.entries(script).map(([k, v]) => [k, v === "USER_CFG" ? join(world.home, ".ansible.cfg") : v]),
  );
}

describe("Ctrl-C at each question, with the real file system, store and sandbox", () => {
  for (const name of ["cloud", "private"] as const) {
    it(`${name} flow: every question cancelled in turn leaves HOME and the project byte for byte as they were`, async () => {
      const script = flows()[name];
      for (const key of Object.keys(script)) {
        const world = worldWithFiles();
        const before = snapshotTree(world.root);
        const { promise, prompter } = run(
          world,
          withPaths({ ...script, [key]: CANCEL }, world),
          flagsFor(name),
        );
        const error = await promise.then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error, key).toBeInstanceOf(HubSetupError);
        expect((error as HubSetupError).code, key).toBe("CANCELLED");
        expect(prompter.asked.at(-1)?.message.startsWith(key), key).toBe(true);
        expect(snapshotTree(world.root), `after Ctrl-C at "${key}"`).toBe(before);
      }
    });

    it(`${name} flow: answered to the end, it writes the config (with a backup) and the token`, async () => {
      const script = flows()[name];
      const world = worldWithFiles();
      const { promise, prompter, io } = run(world, withPaths(script, world), flagsFor(name));
      const result = await promise;
      prompter.verify();
      expect(result.backupPath).toBeDefined();
      expect(snapshotTree(world.root)).toContain(".ansible.cfg");
      expect(io.out.join("")).not.toContain(name === "cloud" ? sandbox.tokens.offline : sandbox.tokens.hub);
    });
  }
});
