import { ALLOW_NEW_ORIGIN_HINT, type ServerView } from "./servers.js";
import type { Env } from "../ports.js";

export type TokenVariable = { name: string; value: string; serverId: string };

export type TokenEnvironment = {
  /** The ANSIBLE_GALAXY_SERVER_<ID>_TOKEN variables to add, from the store. */
  variables: TokenVariable[];
  /** What the user should know (never a token): a variable they set that wins, store ids unused here. */
  notes: string[];
};

/**
 * The variables `exec` adds and `env` prints: one per configured server whose token is in the store.
 * A variable the user already exported wins (as it would for Ansible itself) and is left alone.
 */
export function tokenEnvironment(
  views: readonly ServerView[],
  storedIds: readonly string[],
  env: Env,
): TokenEnvironment {
  const variables: TokenVariable[] = [];
  const notes: string[] = [];
  for (const view of views) {
    if (view.withheld !== undefined) notes.push(`${view.withheld}: ${ALLOW_NEW_ORIGIN_HINT}`);
    if (view.adopted !== undefined) notes.push(`${view.id}: ${view.adopted}`);
    if (view.basicAuth || view.token === undefined) continue;
    const alreadySet = (env[view.token.envVar] ?? "") !== "";
    if (view.token.origin === "store" && !alreadySet) {
      variables.push({ name: view.token.envVar, value: view.token.value, serverId: view.id });
      for (const w of view.bindingWarnings) notes.push(`${view.id}: ${w}`);
    } else if ((view.token.origin === "env" || alreadySet) && storedIds.includes(view.id)) {
      notes.push(`${view.token.envVar} is already set in your environment: it wins over the stored token`);
    }
  }
  const configured = new Set(views.map((v) => v.id));
  const unused = storedIds.filter((id) => !configured.has(id));
  if (unused.length > 0) {
    notes.push(
      `the store also holds tokens for ${unused.join(", ")}, which the ansible.cfg read here does not list`,
    );
  }
  return { variables, notes };
}
