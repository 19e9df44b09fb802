import { idleExpiryDate, isHubSetupError, scrub } from "@hub-setup/core";
import { errorInfo } from "../../error-info.js";
import { EXIT, exitCodeFor } from "../../exit-codes.js";
import type { HubChecks } from "../../ports.js";
import { safeArg } from "../../safe-arg.js";
import { classOfOutcome, exitCodeForResults, type FailureClass } from "../../servers/outcome.js";
import { assignmentLine } from "../../shell/quote.js";
import type { CiMode } from "./options.js";
import { planCi, planVariables, secretsOf, type CiHub, type CiInputs, type InputNames } from "./plan.js";
import { errorCommand, fileCommandEntry, maskCommand } from "./workflow-commands.js";

/** What configuring a CI job needs: the hub checks, the runner's files, and the streams. */
export type CiDeps = {
  openChecks: () => Promise<HubChecks>;
  /** Appends to a file the runner reads after the step ($GITHUB_ENV, $GITHUB_OUTPUT). */
  appendFile: (path: string, text: string) => Promise<void>;
  /** A fresh random delimiter for each file-command entry. */
  delimiter: () => string;
  now: () => Date;
  signal: AbortSignal;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
};

const HUB_NAME: Record<CiHub["kind"], string> = {
  cloud: "Red Hat Automation Hub",
  private: "private automation hub",
};

type Say = {
  /** A progress line: stdout on GitHub (the log), stderr in shell mode (stdout is for eval). */
  info: (text: string) => void;
  /** A failure: an ::error:: annotation on GitHub, a plain stderr line elsewhere. */
  failure: (message: string, title: string) => void;
};

function sayer(mode: CiMode, deps: CiDeps, secrets: readonly string[]): Say {
  // Belt and braces: no message we print may hold a token, whatever a server echoed into it.
  const clean = (text: string) => safeArg(scrub(text, secrets));
  if (mode.kind === "github") {
    return {
      info: (text) => deps.stdout(`${clean(text)}\n`),
      failure: (message, title) => deps.stdout(errorCommand(clean(message), clean(title))),
    };
  }
  return {
    info: (text) => deps.stderr(`hub-setup ci: ${clean(text)}\n`),
    failure: (message, title) => {
      // Titles are written for GitHub's annotations ("hub-setup ci: usage"): here the prefix says it once.
      const what = clean(title).replace(/^hub-setup ci(?::\s*|$)/, "");
      deps.stderr(`hub-setup ci: ${what === "" ? "" : `${what}: `}${clean(message)}\n`);
    },
  };
}

function withHint(message: string, hint: string | undefined): string {
  if (hint === undefined || message.toLowerCase().includes(hint.toLowerCase().replace(/[.\s]+$/, ""))) {
    return message;
  }
  return `${message} (${hint})`;
}

type Checked = { hub: CiHub; failure: FailureClass | undefined };

async function checkHub(hub: CiHub, checks: HubChecks, say: Say, deps: CiDeps): Promise<Checked> {
  const first = hub.servers[0];
  if (first === undefined) return { hub, failure: "error" };
  const target = {
    kind: hub.kind,
    url: first.url,
    ...(hub.authUrl === undefined ? {} : { authUrl: hub.authUrl }),
  };
  const result = await checks.verify(target, hub.token, deps.signal);
  const ids = hub.servers.map((s) => s.id).join(", ");
  if (result.ok) {
    const alive =
      hub.kind === "cloud"
        ? `offline token refreshed: unused, it now lasts until ${idleExpiryDate(deps.now()).toISOString().slice(0, 10)}`
        : "token accepted";
    say.info(`${HUB_NAME[hub.kind]}: ${alive}; servers ${ids}`);
    return { hub, failure: undefined };
  }
  const failure = classOfOutcome(result.outcome);
  const what = failure === "network" ? "unreachable" : failure === "auth" ? "token refused" : "check failed";
  const then = failure === "auth" ? " Then put the new token in the CI secret this job reads." : "";
  say.failure(`${withHint(result.message, result.error.hint)}${then}`, `${HUB_NAME[hub.kind]}: ${what}`);
  return { hub, failure };
}

async function publish(
  variables: ReturnType<typeof planVariables>,
  serverList: string,
  mode: CiMode,
  deps: CiDeps,
  say: Say,
): Promise<void> {
  if (mode.kind === "shell") {
    deps.stdout(variables.map((v) => `${assignmentLine(mode.shell, v.name, v.value)}\n`).join(""));
    return;
  }
  if (mode.envFile === undefined || mode.envFile === "") {
    throw new Error("GITHUB_ENV is not set, so the variables cannot reach the next steps");
  }
  await deps.appendFile(
    mode.envFile,
    variables.map((v) => fileCommandEntry(v.name, v.value, deps.delimiter())).join(""),
  );
  if (mode.outputFile !== undefined && mode.outputFile !== "") {
    await deps.appendFile(mode.outputFile, fileCommandEntry("server-list", serverList, deps.delimiter()));
  }
  say.info(`set for the next steps: ${variables.map((v) => v.name).join(", ")}`);
}

/**
 * Configures the current CI job: masks every token (GitHub) before anything else is printed, checks
 * each token once, and only when every one works exports the variables. The exit code says why not.
 */
export async function configureCi(
  inputs: CiInputs,
  names: InputNames,
  mode: CiMode,
  deps: CiDeps,
): Promise<number> {
  const secrets = secretsOf(inputs);
  if (mode.kind === "github") for (const secret of secrets) deps.stdout(maskCommand(secret));
  const say = sayer(mode, deps, secrets);
  let checks: HubChecks | undefined;
  try {
    const plan = planCi(inputs, names);
    checks = await deps.openChecks();
    const opened = checks;
    const results = await Promise.all(plan.hubs.map((hub) => checkHub(hub, opened, say, deps)));
    if (deps.signal.aborted) return EXIT.CANCELLED;
    const failed = results.filter((r) => r.failure !== undefined);
    if (failed.length > 0) {
      say.info("nothing was exported: fix the token(s) above, then run the job again");
      return exitCodeForResults(failed);
    }
    await publish(planVariables(plan), plan.serverList.join(","), mode, deps, say);
    return EXIT.OK;
  } catch (error) {
    const info = errorInfo(error);
    const title = isHubSetupError(error) && error.code === "USAGE" ? "hub-setup ci: usage" : "hub-setup ci";
    say.failure(withHint(info.message, info.hint ?? undefined), title);
    return exitCodeFor(error);
  } finally {
    await checks?.close();
  }
}
