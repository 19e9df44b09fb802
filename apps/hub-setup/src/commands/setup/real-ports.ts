import { join, resolve } from "node:path";
import { tokenFingerprint } from "@hub-setup/core";
import { ansibleCoreVersion } from "../../adapters/ansible.js";
import { capture } from "../../adapters/child.js";
import { configWriter, discoverConfig, readConfig } from "../../adapters/config.js";
import { readTextIfAny } from "../../adapters/files.js";
import { homeDir } from "../../adapters/home.js";
import { openHubChecks, probeSchemes, sampleCollectionOf } from "../../adapters/hub.js";
import { openRefreshState, openTokenStore, probeTokenStore } from "../../adapters/store.js";
import type { AppContext, CrossCalls } from "../../context.js";
import type { SetupPorts } from "./deps.js";
import { followPorts } from "../../adapters/consumers.js";
import { tokenReplaced } from "../../consumers/follow.js";

/**
 * The wizard's ports over adapters/, for the environment and folder in `ctx.io`. `runSchedule` is
 * `hub-setup schedule`, given by main.ts (a command never imports another).
 */
export function realSetupPorts(
  ctx: AppContext,
  runSchedule: CrossCalls["runSchedule"],
  runShellInit: CrossCalls["runShellInit"],
): SetupPorts {
  const { env, cwd } = ctx.io;
  return {
    env,
    cwd,
    home: homeDir(env),
    discoverConfig: () => discoverConfig({ env, cwd }),
    readConfig,
    writeConfig: configWriter(env),
    ansibleVersion: () => ansibleCoreVersion(env, cwd),
    probeStore: (backend) => probeTokenStore(env, backend),
    openStore: (backend) => openTokenStore(env, backend),
    recordRefresh: async (serverId, token, at) => {
      const state = await openRefreshState(env);
      await state.recordRefresh(serverId, tokenFingerprint(token), at);
    },
    verify: async (server, token, signal) => {
      const checks = await openHubChecks(env);
      try {
        return await checks.verify(server, token, signal);
      } finally {
        await checks.close();
      }
    },
    probeSchemes: (hostPort, signal) => probeSchemes(env, hostPort, signal),
    sampleCollection: (server, token, signal) => sampleCollectionOf(env, server, token, signal),
    readStdin: () => ctx.io.readStdin(),
    inGitRepo: async () =>
      (await capture("git", ["rev-parse", "--is-inside-work-tree"], { cwd, env }))?.stdout.trim() === "true",
    installSchedule: () => runSchedule([], { env, cwd }),
    loginShell: () => {
      const name = (env["SHELL"] ?? "").split("/").pop() ?? "";
      return name === "bash" || name === "zsh" || name === "fish" ? name : undefined;
    },
    installShellInit: (shell) => runShellInit([shell, "--install"], { env, cwd }),
    hookState: async () => {
      const git = async (args: string[]) => (await capture("git", args, { cwd, env }))?.stdout.trim();
      const top = await git(["rev-parse", "--show-toplevel"]);
      const hooks = await git(["rev-parse", "--git-path", "hooks"]);
      const read = (path: string | undefined) =>
        path === undefined || path === "" ? Promise.resolve(undefined) : readTextIfAny(path);
      const hook = await read(hooks === undefined ? undefined : resolve(cwd, hooks, "pre-commit"));
      const config = await read(top === undefined ? undefined : join(top, ".pre-commit-config.yaml"));
      if (config !== undefined) return /hub-token-check/.test(config) ? "framework" : "framework-without";
      return hook !== undefined && /hub-token-check/.test(hook) ? "hook" : "none";
    },
    installHook: async () => {
      const run = await capture("hub-token-check", ["install"], { cwd, env });
      return run?.code;
    },
    tokenStored: (server, token) => tokenReplaced(server, token, followPorts(env, ctx.now)),
  };
}
