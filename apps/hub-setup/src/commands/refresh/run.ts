import { idleExpiryDate } from "@hub-setup/core";
import { mapWithConcurrency } from "@hub-setup/core/node";
import { EXIT } from "../../exit-codes.js";
import { parseFlags } from "../../flags.js";
import { classOfOutcome, exitCodeForResults, type FailureClass } from "../../servers/outcome.js";
import type { HubChecks, LoadedConfig, RefreshState, TokenReader } from "../../ports.js";
import { REFRESH } from "../specs.js";
import { refreshTargets, type RefreshTarget } from "./targets.js";
import { errorInfo } from "../../error-info.js";
import { ALLOW_NEW_ORIGIN_HINT, viewServers, type ServerView } from "../../servers/servers.js";
import type { WorkspacePorts } from "../../servers/workspace.js";
import type { Prompter } from "../../prompter/prompter.js";
import type { ViewOptions } from "../../servers/servers.js";

export type RefreshDeps = WorkspacePorts & {
  openState: () => Promise<RefreshState>;
  openChecks: () => Promise<HubChecks>;
  now: () => Date;
  signal: AbortSignal;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  concurrency?: number;
  /** The terminal's questions (see prompter/may-prompt.ts); undefined: never ask. */
  prompter?: Prompter | undefined;
};

type Outcome = { failure: FailureClass | undefined };

async function gather(deps: RefreshDeps, failed: (what: string, error: unknown) => void, view: ViewOptions) {
  let config: LoadedConfig | undefined;
  try {
    config = await deps.loadConfig();
  } catch (error) {
    failed("ansible.cfg", error);
  }
  let store: TokenReader | undefined;
  try {
    store = await deps.openStore();
  } catch (error) {
    failed("the token store", error);
  }
  const views: ServerView[] =
    config === undefined ? [] : await viewServers(config.servers, store, undefined, view);
  // A stored token the ansible.cfg here does not list goes only to the realm that issued it (its `iss`).
  const stored: Array<{ id: string; token: string }> = [];
  for (const id of store === undefined ? [] : await store.list()) {
    const token = await store?.get(id);
    if (token !== undefined) stored.push({ id, token });
  }
  return { targets: refreshTargets(views, stored), views, store };
}

/** Servers whose stored token is not sent (its origins changed): a config failure each, never a refresh. */
function reportWithheld(views: readonly ServerView[], deps: RefreshDeps): Outcome[] {
  return views.flatMap((view) => {
    if (view.withheld === undefined) return [];
    deps.stderr(`hub-setup refresh: ${view.id}: ${view.withheld}\n  ${ALLOW_NEW_ORIGIN_HINT}\n`);
    return [{ failure: "config" as const }];
  });
}

type One = {
  checks: HubChecks;
  state: RefreshState | undefined;
  deps: RefreshDeps;
  quiet: boolean;
  /** --allow-new-origin: re-binds the stored tokens of these servers once the SSO accepted them. */
  rebind: (serverIds: readonly string[], token: string) => Promise<void>;
};

async function refreshOne(t: RefreshTarget, { checks, state, deps, quiet, rebind }: One): Promise<Outcome> {
  const names = t.serverIds.join(", ");
  const result = await checks.refresh(
    { token: t.token, authUrl: t.authUrl, clientId: t.clientId },
    deps.signal,
  );
  if (!result.ok) {
    deps.stderr(`hub-setup refresh: ${names}: ${result.message}\n`);
    return { failure: classOfOutcome(result.outcome) };
  }
  const at = deps.now();
  await rebind(t.serverIds, t.token);
  try {
    for (const id of t.serverIds) await state?.recordRefresh(id, t.fingerprint, at);
  } catch (error) {
    deps.stderr(
      `hub-setup refresh: ${names}: refreshed, but the time was not recorded: ${errorInfo(error).message}\n`,
    );
  }
  if (!quiet) {
    const retries = result.attempts > 1 ? ` after ${result.attempts} attempts` : "";
    const until = idleExpiryDate(at).toISOString().slice(0, 10);
    deps.stdout(`${names}: refreshed ${t.redacted}${retries}; unused, it now lasts until ${until}\n`);
  }
  return { failure: undefined };
}

export async function runRefresh(argv: readonly string[], deps: RefreshDeps): Promise<number> {
  const { values: flags } = parseFlags(REFRESH, argv);
  if (flags.help === true) {
    deps.stdout(REFRESH.usage);
    return EXIT.OK;
  }
  const quiet = flags.quiet === true;
  const results: Outcome[] = [];
  const failed = (what: string, error: unknown) => {
    const info = errorInfo(error);
    deps.stderr(
      `hub-setup refresh: ${what}: ${info.message}\n${info.hint == null ? "" : `  ${info.hint}\n`}`,
    );
    results.push({ failure: "config" });
  };
  const { targets, views, store } = await gather(deps, failed, {
    allowNewOrigin: flags["allow-new-origin"] === true,
    prompter: flags["no-interactive"] === true ? undefined : deps.prompter,
  });
  results.push(...reportWithheld(views, deps));
  const rebind = async (serverIds: readonly string[], token: string): Promise<void> => {
    for (const view of views) {
      if (!serverIds.includes(view.id) || view.rebind === undefined || view.token?.origin !== "store")
        continue;
      if (view.token.value !== token) continue;
      try {
        await store?.bind(view.id, token, view.rebind);
      } catch (error) {
        deps.stderr(
          `hub-setup refresh: ${view.id}: the new origins were not recorded: ${errorInfo(error).message}\n`,
        );
      }
    }
  };
  for (const view of views) {
    // A one-time note is no failure: --quiet (cron) keeps it out of the mail.
    if (view.adopted !== undefined && !quiet) deps.stderr(`hub-setup refresh: ${view.id}: ${view.adopted}\n`);
    if (view.token === undefined) continue;
    for (const w of view.bindingWarnings) deps.stderr(`hub-setup refresh: ${view.id}: ${w}\n`);
  }
  let state: RefreshState | undefined;
  try {
    state = targets.length === 0 ? undefined : await deps.openState();
  } catch (error) {
    failed("the refresh-time state (the tokens are still refreshed)", error);
  }
  if (targets.length === 0) {
    if (!quiet && results.length === 0) {
      deps.stdout(
        "No offline tokens to refresh: no server here uses Red Hat SSO and the store holds none.\n",
      );
    }
    return exitCodeForResults(results);
  }
  const checks = await deps.openChecks();
  try {
    const outcomes = await mapWithConcurrency(targets, deps.concurrency ?? 4, (t) =>
      refreshOne(t, { checks, state, deps, quiet, rebind }),
    );
    results.push(...outcomes);
  } finally {
    await checks.close();
  }
  if (deps.signal.aborted) return EXIT.CANCELLED;
  return exitCodeForResults(results);
}
