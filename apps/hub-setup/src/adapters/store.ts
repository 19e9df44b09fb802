/** The secret store and the refresh-time state file beside it, over @hub-setup/core/node (loaded lazily). */
import type { ConsumerState, Env, RefreshState, StoreBackend, TokenStore } from "../ports.js";

/** The secret store. `auto` keeps tokens where they already are. */
export async function openTokenStore(env: Env, backend: "auto" | StoreBackend = "auto"): Promise<TokenStore> {
  const { openSecretStore } = await import("@hub-setup/core/node");
  const store = await openSecretStore({ env: { ...env }, backend });
  return {
    backend: store.backend,
    location: store.location,
    get: (id) => store.get(id),
    list: () => store.list(),
    set: (id, token) => store.set(id, token),
    delete: async (id) => {
      await store.delete(id);
    },
  };
}

/** Where a store backend would keep tokens, or why it cannot be used. */
export async function probeTokenStore(
  env: Env,
  backend: StoreBackend,
): Promise<{ ok: true; location: string } | { ok: false; reason: string }> {
  try {
    const store = await openTokenStore(env, backend);
    return { ok: true, location: store.location };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

/** When each offline token was last refreshed (the state file beside the store). */
export async function openRefreshState(env: Env): Promise<RefreshState> {
  const { openStateFile } = await import("@hub-setup/core/node");
  const state = openStateFile({ env: { ...env } });
  return {
    lastRefresh: (id, fingerprint) => state.lastRefresh(id, fingerprint),
    recordRefresh: (id, fingerprint, at) => state.recordRefresh(id, fingerprint, at),
  };
}

/** Where each server's token was pushed (controller credentials), in the same state file. */
export async function openConsumerState(env: Env): Promise<ConsumerState> {
  const { openStateFile } = await import("@hub-setup/core/node");
  const state = openStateFile({ env: { ...env } });
  return {
    list: async () => (await state.read()).consumers,
    remember: (consumer) => state.recordConsumer(consumer),
  };
}
