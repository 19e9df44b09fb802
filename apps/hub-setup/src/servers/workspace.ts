import type { LoadedConfig, TokenReader } from "../ports.js";
import { viewServers, type ServerView } from "./servers.js";

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
export async function loadWorkspace(ports: WorkspacePorts): Promise<Workspace> {
  const config = await ports.loadConfig();
  const store = await ports.openStore();
  const storedIds = await store.list();
  const views = await viewServers(config.servers, store);
  return { config, store, storedIds, views };
}
