import { isHubSetupError } from "@hub-setup/core";
import { followAndReport } from "../../consumers/report.js";
import { commit } from "./commit.js";
import { planWrite, type WritePlan } from "./config.js";
import { offerExtras, tryLine } from "./extras.js";
import { chooseHubs, hubLabel } from "./hubs.js";
import type { SetupOptions } from "./options.js";
import type { SetupDeps } from "./deps.js";
import { chooseStore } from "./store.js";
import { lookAround } from "./survey.js";
import { obtainTokens } from "./verify.js";

/** A collection the first configured server really lists (asked of the hub), for the "Try it" line. */
async function servedCollection(plan: WritePlan, deps: SetupDeps): Promise<string | undefined> {
  const first = plan.servers[0];
  if (first === undefined) return undefined;
  const target = {
    kind: first.hub.kind,
    url: first.url,
    ...(first.authUrl === undefined ? {} : { authUrl: first.authUrl }),
    ...(first.clientId === undefined ? {} : { clientId: first.clientId }),
  };
  return deps.ports.sampleCollection(target, first.tokenValue, deps.signal).catch(() => undefined);
}

export type SetupResult = {
  configPath: string;
  backupPath: string | undefined;
  serverIds: string[];
  tryLine: string;
};

/**
 * The wizard, steps 1–7. No flag parsing and no `process` here: options in, result out. Nothing is
 * written before the final confirm; Ctrl-C or Esc before that rejects with CANCELLED and leaves no trace.
 */
export async function runSetup(opts: SetupOptions, deps: SetupDeps): Promise<SetupResult> {
  const { print, style } = deps;
  const survey = await lookAround(deps);
  print(`\n${style.bold("Which hub")}\n`);
  const plans = await chooseHubs(opts, deps);
  for (const p of plans) print(`  ${hubLabel(p)}: ${p.repositories.join(", ")}\n`);
  const hubs = await obtainTokens(plans, opts, deps);
  print(`\n${style.bold("Where the token lives")}\n`);
  const store = await chooseStore(opts, deps);
  const plan = await planWrite(hubs, store, opts, deps, survey);
  const done = await commit(plan, store, deps);
  print(
    done.configChanged
      ? `  ${style.green("✔")} wrote ${plan.path}${done.backupPath === undefined ? "" : ` (the old one is kept as ${done.backupPath})`}\n`
      : `  ${style.green("✔")} ${plan.path} already says this; left as it was\n`,
  );
  if (done.removed.length > 0) {
    print(
      `  ${style.green("✔")} removed the older stored token for ${done.removed.join(", ")}: ansible.cfg holds it now\n`,
    );
  }
  if (done.stored.length > 0)
    print(`  ${style.green("✔")} stored the token for ${done.stored.join(", ")} (${store.location})\n`);
  await followConsumers(plan, deps);
  let shellInit = false;
  try {
    shellInit = await offerExtras(plan, store, opts, deps);
  } catch (error) {
    // Ctrl-C after the write: what is written stays (and works); only the offers are skipped.
    if (!(isHubSetupError(error) && error.code === "CANCELLED")) throw error;
    print(`\n  Skipped the rest. ${plan.path} and the store are written and ready.\n`);
  }
  const collection = deps.defaults?.tryCollection ?? (await servedCollection(plan, deps));
  const line = tryLine(store, collection ?? "<namespace>.<collection>", shellInit);
  print(`\n${style.bold("Try it:")}\n  ${line}\n`);
  if (collection === undefined)
    print(
      "  (the hub listed no collection to name here: put one it serves in place of <namespace>.<collection>)\n",
    );
  return {
    configPath: plan.path,
    backupPath: done.backupPath,
    serverIds: plan.servers.map((s) => s.id),
    tryLine: line,
  };
}

/** The places each written server's token was pushed to (controller credentials) get the new token. */
async function followConsumers(plan: WritePlan, deps: SetupDeps): Promise<void> {
  for (const server of plan.servers) {
    await followAndReport(server, server.tokenValue, deps.ports.tokenStored, deps.print, deps.style);
  }
}
