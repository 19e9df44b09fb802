import type { WritePlan } from "./config.js";
import type { TokenWriter } from "../../ports.js";
import type { SetupDeps } from "./deps.js";
import type { StorePlan } from "./store.js";

export type CommitResult = {
  backupPath: string | undefined;
  configChanged: boolean;
  /** Ids whose token went into the store. */
  stored: string[];
  /** Ids whose older token was removed from the credentials file (plaintext chosen now). */
  removed: string[];
};

type Undo = { id: string; previous: string | undefined };

async function rollBack(store: TokenWriter, undo: readonly Undo[]): Promise<string[]> {
  const failed: string[] = [];
  for (const { id, previous } of [...undo].reverse()) {
    try {
      if (previous === undefined) await store.delete(id);
      else await store.set(id, previous);
    } catch {
      failed.push(id);
    }
  }
  return failed;
}

/**
 * The only side effects of the wizard, after the final confirm: tokens into the store, then the atomic
 * ansible.cfg write (with a backup). When the config write fails, the store entries are put back as
 * they were, so a failed run leaves nothing behind.
 */
export async function commit(plan: WritePlan, store: StorePlan, deps: SetupDeps): Promise<CommitResult> {
  const undo: Undo[] = [];
  let opened: TokenWriter | undefined;
  const configChanged = plan.before?.text !== plan.after;
  let backupPath: string | undefined;
  try {
    // Plaintext: an older token for the same id in the credentials file would win over the file
    // under `hub-setup exec`, so it goes (and comes back if the ansible.cfg write fails).
    opened = await deps.ports.openStore(store.choice === "plaintext" ? "file" : store.choice);
    for (const server of plan.servers) {
      const previous = await opened.get(server.id);
      if (store.choice !== "plaintext") await opened.set(server.id, server.tokenValue);
      else if (previous !== undefined) await opened.delete(server.id);
      else continue;
      undo.push({ id: server.id, previous });
    }
    if (configChanged)
      backupPath = (
        await deps.ports.writeConfig(plan.path, plan.after, plan.before, {
          holdsSecret: store.choice === "plaintext",
        })
      ).backupPath;
  } catch (error) {
    if (opened !== undefined) {
      const failed = await rollBack(opened, undo);
      if (failed.length > 0) {
        deps.print(
          `  ${deps.style.red("✘")} could not restore the store entries for ${failed.join(", ")}: remove them with your keyring tool or from the credentials file\n`,
        );
      }
    }
    throw error;
  }
  for (const server of plan.servers.filter((s) => s.hub.token.kind === "offline")) {
    try {
      await deps.ports.recordRefresh(server.id, server.tokenValue, deps.now());
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      deps.print(
        `  ${deps.style.yellow("warning:")} could not record the refresh time for ${server.id} (${why}); \`hub-setup refresh\` will\n`,
      );
    }
  }
  const stored = store.choice === "plaintext" ? [] : undo.map((u) => u.id);
  const removed = store.choice === "plaintext" ? undo.map((u) => u.id) : [];
  return { backupPath, configChanged, stored, removed };
}
