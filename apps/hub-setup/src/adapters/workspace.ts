import type { Env } from "../ports.js";
import { loadAnsibleConfig } from "./config.js";
import { openHubChecks, type NetworkPacing } from "./hub.js";
import { openRefreshState, openTokenStore } from "./store.js";

/** The ports status, refresh, exec and env share, for an environment and folder (ctx.io). */
export function workspacePorts(io: { env: Env; cwd: string }, pacing: NetworkPacing = {}) {
  return {
    loadConfig: () => loadAnsibleConfig(io),
    openStore: () => openTokenStore(io.env),
    openState: () => openRefreshState(io.env),
    openChecks: () => openHubChecks(io.env, pacing),
  };
}
