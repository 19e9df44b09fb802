import { bindingFor } from "@hub-setup/core";
import type { WritePlan } from "./config.js";
import type { StoredEntry, TokenWriter } from "../../ports.js";
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

/** What this run changed under one id: what it wrote (undefined: it removed the entry) and what was there. */
type Undo = { id: string; wrote: string | undefined; previous: StoredEntry | undefined };

/**
 * Undoes this run's own writes, and only those: an entry is put back only where the store still holds
 * what this run wrote (compare-and-restore under the store's lock). Another run may have stored its
 * token there since, and said so; putting back the value this run replaced would delete that one.
 */
async function rollBack(
  store: TokenWriter,
  undo: readonly Undo[],
): Promise<{ failed: string[]; left: string[] }> {
  const failed: string[] = [];
  const left: string[] = [];
  for (const { id, wrote, previous } of [...undo].reverse()) {
    try {
      if (!(await store.restore(id, wrote, previous))) left.push(id);
    } catch {
      failed.push(id);
    }
  }
  return { failed, left };
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
      if (store.choice !== "plaintext") {
        // Bound to the origins it was just verified against: it is never sent elsewhere unasked.
        const binding = bindingFor({ url: server.url, authUrl: server.authUrl });
        const previous = await opened.swap(server.id, server.tokenValue, binding);
        undo.push({ id: server.id, wrote: server.tokenValue, previous });
        continue;
      }
      const previous = await opened.get(server.id);
      if (previous === undefined) continue;
      const bound = await opened.binding(server.id, previous);
      // Removed only if still the value read (under the lock): another run's token is not this run's to drop.
      if (!(await opened.restore(server.id, previous, undefined))) continue;
      undo.push({
        id: server.id,
        wrote: undefined,
        previous: bound === undefined ? { token: previous } : { token: previous, binding: bound },
      });
    }
    if (configChanged)
      backupPath = (
        await deps.ports.writeConfig(plan.path, plan.after, plan.before, {
          holdsSecret: store.choice === "plaintext",
        })
      ).backupPath;
  } catch (error) {
    if (opened !== undefined) {
      const { failed, left } = await rollBack(opened, undo);
      if (failed.length > 0) {
        deps.print(
          `  ${deps.style.red("✘")} could not restore the store entries for ${failed.join(", ")}: remove them with your keyring tool or from the credentials file\n`,
        );
      }
      if (left.length > 0) {
        deps.print(
          `  ${deps.style.yellow("note:")} the store entries for ${left.join(", ")} were changed by another hub-setup run meanwhile: left as that run stored them\n`,
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
