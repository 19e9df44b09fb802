import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HubSetupError, toConfigParserView } from "@hub-setup/core";
import { openSecretStore } from "@hub-setup/core/node";
import { startSandbox, type Sandbox } from "@hub-setup/sandbox";
import { memoryIo } from "./support/io.js";
import { CANCEL, recordingSpinner, scriptedPrompter, type Script } from "../src/prompter/scripted.js";
import { parseSetupArgs } from "../src/commands/setup/options.js";
import { realSetupPorts } from "../src/commands/setup/real-ports.js";
import { runSetup } from "../src/commands/setup/run.js";
import { makeStyle } from "../src/commands/setup/style.js";
import { throwAwayWorld, type Sandboxed } from "./support/temp-world.js";
import { snapshotTree } from "./support/fs-snapshot.js";

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
    // --no-schedule: the wizard never runs `schedule` here.
    ports: realSetupPorts(
      ctx,
      () => Promise.reject(new Error("schedule is not run in this test")),
      () => Promise.reject(new Error("shell-init is not run in this test")),
    ),
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
      "Which content from the Automation Hub at 127.0.0.1": ["published"],
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
      "ansible-galaxy tries the servers": "last",
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
      const cfgPath = join(world.home, ".ansible.cfg");
      const before = snapshotTree(world.root);
      const { promise, prompter, io } = run(world, withPaths(script, world), flagsFor(name));
      const result = await promise;
      prompter.verify();
      expect(snapshotTree(world.root), "the run changed nothing on disk").not.toBe(before);
      expect(result.configPath).toBe(cfgPath);

      // The backup holds the file exactly as it was before the run.
      expect(result.backupPath).toBeDefined();
      expect(readFileSync(result.backupPath!, "utf8")).toBe(EXISTING_CFG);

      // What Ansible's ConfigParser now reads from the new file.
      const text = readFileSync(cfgPath, "utf8");
      const view = toConfigParserView(text);
      if (!view.ok) throw new Error(`the written ansible.cfg does not parse: ${view.error}`);
      const { sections } = view;
      expect(text.startsWith("# my settings\n"), "the user's comment is kept").toBe(true);
      expect(sections["defaults"]?.["forks"], "the user's other settings are kept").toBe("5");

      const store = await openSecretStore({ env: world.env, backend: "file" });
      expect(await store.get("other"), "the token already in the store is kept").toBe(
        "0123456789abcdef0123456789abcdef01234567",
      );
      if (name === "cloud") {
        expect(result.serverIds).toEqual(["rh_published"]);
        expect(sections["galaxy"]?.["server_list"]).toBe("rh_published");
        expect(sections["galaxy_server.rh_published"]).toEqual({
          url: sandbox.urls.cloud.published,
          auth_url: sandbox.urls.tokenEndpoint,
        });
        expect(text.includes(sandbox.tokens.offline), "no offline token in ansible.cfg").toBe(false);
        expect(
          (await store.get("rh_published")) === sandbox.tokens.offline,
          "offline token in the store",
        ).toBe(true);
      } else {
        expect(result.serverIds).toEqual(["pah_published", "pah_community"]);
        expect(sections["galaxy"]?.["server_list"]).toBe("rh_published, pah_published, pah_community");
        expect(sections["galaxy_server.rh_published"], "the existing server is untouched").toEqual({
          url: "https://old.example.com/",
        });
        for (const [id, url] of [
          ["pah_published", sandbox.urls.private.published],
          ["pah_community", sandbox.urls.private.community],
        ] as const) {
          const server = sections[`galaxy_server.${id}`];
          expect(server?.["url"], id).toBe(url);
          expect(
            server?.["token"] === sandbox.tokens.hub,
            `${id}: the plaintext token is in ansible.cfg`,
          ).toBe(true);
          expect((await store.get(id)) === undefined, `${id}: plaintext means no copy in the store`).toBe(
            true,
          );
        }
        expect(statSync(cfgPath).mode & 0o777, "a cfg holding a token is 0600").toBe(0o600);
      }
      const token = name === "cloud" ? sandbox.tokens.offline : sandbox.tokens.hub;
      expect(io.out.join("").includes(token), "the token is never printed").toBe(false);
    });
  }
});
