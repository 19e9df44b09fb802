import { renderSecretEnvFile } from "@hub-setup/core";
import { loadWorkspace, rebindNow } from "../../servers/workspace.js";
import type { EeDeps } from "./deps.js";
import { refreshOffline, secretPlan, type SecretPlan } from "./servers.js";

/**
 * The servers Ansible would use here, offline tokens refreshed (their 30-day idle clock starts again,
 * and a revoked one stops us before any build), and the secret file's text. With `allowNewOrigin`
 * (--allow-new-origin), a stored token whose server moved goes where it now points and is bound there
 * at once, as `exec` does: nothing here can check it before the build sends it.
 */
export async function secretForBuild(
  deps: Pick<EeDeps, "loadConfig" | "openStore" | "openChecks" | "openState" | "signal" | "now" | "stderr">,
  who: string,
  allowNewOrigin = false,
): Promise<{ plan: SecretPlan; text: string }> {
  const workspace = await loadWorkspace(deps, { allowNewOrigin });
  const plan = secretPlan(workspace.config, workspace.views);
  await rebindNow(workspace, (text) => deps.stderr(`hub-setup ${who}: ${text}`));
  const text = renderSecretEnvFile(plan.servers);
  if (plan.offline.length > 0) {
    const checks = await deps.openChecks();
    try {
      const refreshed = await refreshOffline(plan, checks, deps.signal, "before the build");
      await recordRefreshes(deps, refreshed, who);
    } finally {
      await checks.close();
    }
  }
  return { plan, text };
}

/** Tells `status` when each token was last refreshed; failing to record it is only a note. */
async function recordRefreshes(
  deps: Pick<EeDeps, "openState" | "now" | "stderr">,
  refreshed: ReadonlyArray<{ serverIds: string[]; fingerprint: string }>,
  who: string,
): Promise<void> {
  try {
    const state = await deps.openState();
    const at = deps.now();
    for (const r of refreshed) for (const id of r.serverIds) await state.recordRefresh(id, r.fingerprint, at);
  } catch {
    deps.stderr(`hub-setup ${who}: the offline tokens were refreshed, but the time was not recorded\n`);
  }
}
