import { tokenFingerprint } from "@hub-setup/core";
import { ansibleCoreVersion } from "../../adapters/ansible.js";
import { capture } from "../../adapters/child.js";
import { discoverConfig, readConfig, writeConfig } from "../../adapters/config.js";
import { homeDir } from "../../adapters/home.js";
import { openHubChecks } from "../../adapters/hub.js";
import { openRefreshState, openTokenStore, probeTokenStore } from "../../adapters/store.js";
import type { AppContext, CrossCalls } from "../../context.js";
import type { SetupPorts } from "./deps.js";
import { followPorts } from "../../adapters/consumers.js";
import { tokenReplaced } from "../../consumers/follow.js";

/**
 * The wizard's ports over adapters/, for the environment and folder in `ctx.io`. `runSchedule` is
 * `hub-setup schedule`, given by main.ts (a command never imports another).
 */
export function realSetupPorts(ctx: AppContext, runSchedule: CrossCalls["runSchedule"]): SetupPorts {
  const { env, cwd } = ctx.io;
  return {
    env,
    cwd,
    home: homeDir(env),
    discoverConfig: () => discoverConfig({ env, cwd }),
    readConfig,
    writeConfig,
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
    readStdin: () => ctx.io.readStdin(),
    inGitRepo: async () =>
      (await capture("git", ["rev-parse", "--is-inside-work-tree"], { cwd, env }))?.stdout.trim() === "true",
    installSchedule: () => runSchedule([], { env, cwd }),
    installHook: async () => {
      const run = await capture("hub-token-check", ["install"], { cwd, env });
      return run?.code;
    },
    tokenStored: (server, token) => tokenReplaced(server, token, followPorts(env, ctx.now)),
  };
}
