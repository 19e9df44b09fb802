import { mapWithConcurrency } from "@hub-setup/core/node";
import { EXIT } from "../../exit-codes.js";
import { parseFlags } from "../../flags.js";
import { exitCodeForResults } from "../../servers/outcome.js";
import type { ConsumerState, HubChecks, LoadedConfig, RefreshState, TokenReader } from "../../ports.js";
import { viewServers, type ServerView } from "../../servers/servers.js";
import { formatStatus } from "./format.js";
import { STATUS } from "../specs.js";
import { errorInfo } from "../../error-info.js";
import { STATUS_SCHEMA_VERSION, type StatusReport } from "./report.js";
import { serverStatus } from "./server.js";
import { describeElsewhere } from "../../servers/plaintext.js";
import type { WorkspacePorts } from "../../servers/workspace.js";
import type { Prompter } from "../../prompter/prompter.js";

export type StatusDeps = WorkspacePorts & {
  openState: () => Promise<RefreshState>;
  openChecks: () => Promise<HubChecks>;
  now: () => Date;
  signal: AbortSignal;
  stdout: (text: string) => void;
  /** One-time notes that are no problem (a token bound on first use), kept out of the report. */
  stderr?: (text: string) => void;
  /** How many servers are checked at once. */
  concurrency?: number;
  /** Where tokens were pushed (controller credentials): listed after the servers when given. */
  openConsumers?: () => Promise<ConsumerState>;
  /** The terminal's questions (see prompter/may-prompt.ts); undefined: never ask. */
  prompter?: Prompter | undefined;
};

function emptyReport(config: LoadedConfig | undefined): StatusReport {
  return {
    schemaVersion: STATUS_SCHEMA_VERSION,
    exitCode: EXIT.OK,
    config: {
      path: config?.path ?? null,
      reason: config?.reason ?? null,
      candidates: config?.candidates ?? [],
      warnings: config?.warnings ?? [],
      error: null,
    },
    store: { backend: null, location: null, error: null },
    servers: [],
    problems: [],
  };
}

async function attempt<T>(open: () => Promise<T>): Promise<{ value: T } | { error: unknown }> {
  try {
    return { value: await open() };
  } catch (error) {
    return { error };
  }
}

/** Everything `status` knows, without printing it. */
export async function buildStatus(
  options: { offline: boolean; allowNewOrigin?: boolean; noInteractive?: boolean },
  deps: StatusDeps,
): Promise<StatusReport> {
  const loaded = await attempt(deps.loadConfig);
  if ("error" in loaded) {
    const report = emptyReport(undefined);
    report.config.error = errorInfo(loaded.error);
    report.exitCode = EXIT.CONFIG;
    return report;
  }
  const config = loaded.value;
  const report = emptyReport(config);
  for (const message of config.problems) report.problems.push({ severity: "warning", message });
  for (const finding of config.secretsElsewhere) {
    report.problems.push({ severity: "warning", message: describeElsewhere(finding, config.path) });
  }

  const store = await attempt<TokenReader>(deps.openStore);
  if ("error" in store) {
    report.store.error = errorInfo(store.error);
  } else {
    report.store.backend = store.value.backend;
    report.store.location = store.value.location;
  }
  const state = await attempt(deps.openState);
  if ("error" in state) {
    report.problems.push({
      severity: "warning",
      message: `the refresh-time state cannot be read, so days left are unknown: ${errorInfo(state.error).message}`,
    });
  }
  const views = await viewServers(
    config.servers,
    "value" in store ? store.value : undefined,
    (error) => {
      report.store.error ??= errorInfo(error);
    },
    {
      allowNewOrigin: options.allowNewOrigin === true,
      prompter: options.noInteractive === true ? undefined : deps.prompter,
    },
  );
  for (const view of views) {
    if (view.adopted !== undefined) deps.stderr?.(`hub-setup status: ${view.id}: ${view.adopted}\n`);
  }
  const checks = options.offline || views.length === 0 ? undefined : await deps.openChecks();
  try {
    report.servers = await mapWithConcurrency(views, deps.concurrency ?? 4, (view) =>
      serverStatus(view, {
        checks,
        state: "value" in state ? state.value : undefined,
        now: deps.now,
        signal: deps.signal,
        configPath: config.path,
      }),
    );
  } finally {
    await checks?.close();
  }
  if ("value" in store) await rebindAccepted(views, report, store.value);
  report.exitCode = exitCodeFor(report);
  if (deps.signal.aborted) report.exitCode = EXIT.CANCELLED;
  return report;
}

/** --allow-new-origin (or a yes): a stored token the hub accepted at its new origins is bound there. */
async function rebindAccepted(views: ServerView[], report: StatusReport, store: TokenReader): Promise<void> {
  for (const [i, view] of views.entries()) {
    const server = report.servers[i];
    if (view.rebind === undefined || view.token?.origin !== "store" || server?.check.state !== "ok") continue;
    try {
      if (await store.bind(view.id, view.token.value, view.rebind)) {
        server.problems.push({
          severity: "warning",
          message: "the stored token is now bound to the origins the ansible.cfg read here names",
        });
      }
    } catch (error) {
      server.problems.push({
        severity: "warning",
        message: `the new origins were not recorded: ${errorInfo(error).message}`,
      });
    }
  }
}

function exitCodeFor(report: StatusReport): number {
  if (report.servers.length === 0) {
    report.problems.push({
      severity: "error",
      failure: "error",
      message:
        "no galaxy server is configured here: ansible-galaxy will use https://galaxy.ansible.com only. Run `hub-setup` to connect a hub",
    });
    return report.store.error == null ? EXIT.ERROR : EXIT.CONFIG;
  }
  // An unusable store is a 5 whatever the servers say: a person must fix it first (docs/commands.md).
  if (report.store.error != null) return EXIT.CONFIG;
  return exitCodeForResults(report.servers.map((s) => ({ failure: s.failure ?? undefined })));
}

export async function runStatus(argv: readonly string[], deps: StatusDeps): Promise<number> {
  const { values: flags } = parseFlags(STATUS, argv);
  if (flags.help === true) {
    deps.stdout(STATUS.usage);
    return EXIT.OK;
  }
  const report = await buildStatus(
    {
      offline: flags.offline === true,
      allowNewOrigin: flags["allow-new-origin"] === true,
      noInteractive: flags["no-interactive"] === true,
    },
    deps,
  );
  deps.stdout(flags.json === true ? `${JSON.stringify(report, null, 2)}\n` : formatStatus(report));
  if (flags.json !== true && deps.openConsumers !== undefined)
    deps.stdout(await consumerLines(deps.openConsumers));
  return report.exitCode;
}

/** The controller credentials hub-setup pushed tokens to (and keeps up to date), one line each. */
async function consumerLines(open: () => Promise<ConsumerState>): Promise<string> {
  let consumers;
  try {
    consumers = await (await open()).list();
  } catch (error) {
    return `\nWhere tokens were pushed: unknown (${errorInfo(error).message})\n`;
  }
  if (consumers.length === 0) return "";
  const lines = consumers.map(
    (c) =>
      `  ${c.serverId} → credential "${c.credentialName}" (id ${c.credentialId}) on ${c.controllerUrl}, pushed ${c.pushedAt.toISOString().slice(0, 10)}\n`,
  );
  return `\nPushed to (a new token for the server through hub-setup updates these):\n${lines.join("")}`;
}
