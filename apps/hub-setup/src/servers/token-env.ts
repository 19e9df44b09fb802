import { allowNewOriginHint, type ServerView } from "./servers.js";
import type { Env } from "../ports.js";

export type TokenVariable = { name: string; value: string; serverId: string };

export type TokenEnvironment = {
  /** The ANSIBLE_GALAXY_SERVER_<ID>_TOKEN variables to add, from the store. */
  variables: TokenVariable[];
  /** What the user should know (never a token): a variable they set that wins, store ids unused here. */
  notes: string[];
  /** Servers whose stored token is withheld (their server moved): a configuration problem, exit 5. */
  withheld: string[];
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
  const withheld: string[] = [];
  for (const view of views) {
    if (view.withheld !== undefined) {
      // exec and env bind a new origin at once (rebindNow), not once a hub accepts the token.
      notes.push(`${view.withheld}: ${allowNewOriginHint("now")}`);
      withheld.push(view.id);
    }
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
  return { variables, notes, withheld };
}

/**
 * Why exec and env stop (exit 5) when a stored token is withheld: running on without it would only fail
 * later (a 401 from the hub), so a withheld token is a configuration problem, as in status and refresh.
 */
export function withheldMessage(ids: readonly string[], outcome: string): string {
  const which = ids.length === 1 ? `server ${ids[0] ?? ""}` : `servers ${ids.join(", ")}`;
  return `the stored token for ${which} was withheld: it would go where the ansible.cfg read here points its server, which is not where it may be sent (why: above), so ${outcome}. Run \`hub-setup\` for that server, or run this again with --allow-new-origin, or answer yes when asked in a terminal`;
}
