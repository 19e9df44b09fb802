import type { LoadedConfig, TokenReader } from "../ports.js";
import { viewServers, type ServerView, type ViewOptions } from "./servers.js";

/** How status, refresh, exec and env reach ansible.cfg and the secret store (adapters/workspace.ts builds the real ones). */
export type WorkspacePorts = {
  loadConfig: () => Promise<LoadedConfig>;
  openStore: () => Promise<TokenReader>;
};

export type Workspace = {
  config: LoadedConfig;
  store: TokenReader;
  storedIds: string[];
  views: ServerView[];
};

/** The config Ansible reads here, the store, and each server's view. Errors propagate (typed, coded). */
export async function loadWorkspace(ports: WorkspacePorts, options: ViewOptions = {}): Promise<Workspace> {
  const config = await ports.loadConfig();
  const store = await ports.openStore();
  const storedIds = await store.list();
  const views = await viewServers(config.servers, store, undefined, options);
  return { config, store, storedIds, views };
}

/**
 * --allow-new-origin (or a yes in a terminal) for exec and env: the stored tokens they hand on now go to the new origins, so
 * they are bound there (nothing verifies them here; the person said so). Failures are reported, not fatal.
 */
export async function rebindNow(workspace: Workspace, say: (text: string) => void): Promise<void> {
  for (const view of workspace.views) {
    if (view.rebind === undefined || view.token?.origin !== "store") continue;
    try {
      if (await workspace.store.bind(view.id, view.token.value, view.rebind))
        say(`${view.id}: the stored token is now bound to the origins the ansible.cfg read here names\n`);
    } catch (error) {
      say(
        `${view.id}: could not record the new origins: ${error instanceof Error ? error.message : String(error)}\n`,
      );
    }
  }
}
