/** The secret store and the refresh-time state file beside it, over @hub-setup/core/node (loaded lazily). */
import { checkBinding } from "@hub-setup/core";
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
    set: (id, token, binding) => store.set(id, token, binding),
    delete: async (id) => {
      await store.delete(id);
    },
    swap: (id, token, binding) => store.swap(id, token, binding),
    restore: (id, wrote, previous) => store.restore(id, wrote, previous),
    binding: (id, token) => store.binding(id, token),
    bind: (id, token, binding) => store.bind(id, token, binding),
    // The one place a stored token meets the binding rule: every reader (status, refresh, exec, env)
    // takes stored tokens through this, so none can skip it.
    // A token stored with no binding (before bindings existed) is bound here on its first use.
    lookup: async (id, current) => {
      const token = await store.get(id);
      if (token === undefined) return undefined;
      const bound = await store.binding(id, token);
      const check = checkBinding(id, bound, current, token);
      if (check.ok && check.adopted) await store.bind(id, token, check.binding);
      return { token, check };
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
