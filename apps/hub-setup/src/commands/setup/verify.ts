import { HubSetupError } from "@hub-setup/core";
import type { Choice } from "../../prompter/prompter.js";
import { askAuthUrl, askHubUrl, hubLabel, withScheme, type HubPlan } from "./hubs.js";
import { missingAnswer, type SetupOptions } from "./options.js";
import type { SetupDeps } from "./deps.js";
import type { CheckResult } from "../../ports.js";
import {
  givenTokens,
  judgeToken,
  tokenFlagHint,
  tokenPage,
  type GivenTokens,
  type HubToken,
} from "./token.js";
import { repositoryUrl } from "./urls.js";

/** A hub whose token was checked live against every repository URL. */
export type VerifiedHub = HubPlan & { token: HubToken };

type Next = "retry" | "url" | "token" | "abort";

/** Under the empty token field: what a new user needs to get a long token into a hidden field. */
export const PASTE_HELP =
  "hidden: only its length shows · paste with Ctrl-Shift-V or right-click (Cmd-V on a Mac) · Ctrl-U clears";

async function askToken(plan: HubPlan, deps: SetupDeps, page: string): Promise<HubToken> {
  const label = plan.kind === "cloud" ? "offline token" : "API token";
  let accepted: HubToken | undefined;
  let note: string | undefined;
  await deps.prompter.password({
    message: `Paste the ${label} for ${hubLabel(plan)}`,
    help: PASTE_HELP,
    validate: (raw) => {
      const verdict = judgeToken(plan.kind, raw, page);
      if (!verdict.ok) return verdict.message;
      accepted = verdict.token;
      note = verdict.note;
      return true;
    },
  });
  if (accepted === undefined)
    throw new HubSetupError("INTERNAL", "the token prompt returned without a token");
  deps.print(`  ${deps.style.green("✔")} ${accepted.redacted}\n`);
  if (note !== undefined) deps.print(`  ${deps.style.yellow("note:")} ${note}\n`);
  return accepted;
}

async function tokenFor(
  plan: HubPlan,
  index: number,
  given: GivenTokens,
  opts: SetupOptions,
  deps: SetupDeps,
  page: string,
  hubCount: number,
): Promise<HubToken> {
  const supplied = await given.take(plan.kind, index);
  if (supplied !== undefined) {
    const verdict = judgeToken(plan.kind, supplied.raw, page);
    if (verdict.ok) {
      deps.print(`  Token from ${supplied.from}: ${verdict.token.redacted}\n`);
      if (verdict.note !== undefined) deps.print(`  ${deps.style.yellow("note:")} ${verdict.note}\n`);
      return verdict.token;
    }
    if (!opts.interactive)
      throw new HubSetupError("INVALID_TOKEN", `the token from ${supplied.from}: ${verdict.message}`);
    deps.print(`  ${deps.style.red("✘")} the token from ${supplied.from}: ${verdict.message}\n`);
  }
  if (!opts.interactive)
    throw missingAnswer(`no token given for ${hubLabel(plan)}`, tokenFlagHint(plan.kind, hubCount));
  return askToken(plan, deps, page);
}

async function checkAll(plan: HubPlan, token: HubToken, deps: SetupDeps): Promise<CheckResult> {
  for (const repository of plan.repositories) {
    const url = repositoryUrl(plan.url, plan.kind, repository);
    const server = {
      kind: plan.kind,
      url,
      ...(plan.authUrl === undefined ? {} : { authUrl: plan.authUrl }),
      ...(token.clientId === undefined ? {} : { clientId: token.clientId }),
    };
    const result = await deps.spinner.spin(`Checking ${url} with the ${token.redacted}`, () =>
      deps.ports.verify(server, token.value, deps.signal),
    );
    if (deps.signal.aborted) throw new HubSetupError("CANCELLED", "cancelled");
    if (!result.ok) return result;
    deps.print(
      `  ${deps.style.green("✔")} ${url} accepts the token${result.detail === undefined ? "" : ` (${result.detail})`}\n`,
    );
  }
  return { ok: true };
}

async function whatNow(deps: SetupDeps, failure: Extract<CheckResult, { ok: false }>): Promise<Next> {
  const choices: Choice<Next>[] = [
    { value: "retry", name: "Try again" },
    {
      value: "url",
      name:
        failure.expectedUrl === undefined
          ? "Edit the hub URL"
          : `Edit the hub URL (suggested: ${failure.expectedUrl})`,
    },
    { value: "token", name: "Paste a different token" },
    { value: "abort", name: "Stop here (nothing has been written)" },
  ];
  return deps.prompter.select({ message: "The check failed. What now?", choices, default: "retry" });
}

/** Step 3: the page to load the token from, a masked paste, its kind checked, then a live check. */
export async function obtainTokens(
  plans: HubPlan[],
  opts: SetupOptions,
  deps: SetupDeps,
): Promise<VerifiedHub[]> {
  const given = givenTokens(opts, deps, plans.length);
  const verified: VerifiedHub[] = [];
  for (const [index, original] of plans.entries()) {
    const plan = { ...original };
    const page = tokenPage(plan);
    deps.print(`\n${deps.style.bold(`Token for ${hubLabel(plan)}`)}\n  Load it here: ${page}\n`);
    if (plan.kind === "private") {
      deps.print(
        "  Careful: Load token replaces your previous token; anything still using the old one stops working.\n",
      );
    }
    let token = await tokenFor(plan, index, given, opts, deps, page, plans.length);
    for (;;) {
      const result = await checkAll(plan, token, deps);
      if (result.ok) break;
      // Without a terminal the error itself is the report (printed once, with its hint, by main).
      if (!opts.interactive) throw result.error;
      deps.print(`  ${deps.style.red("✘")} ${result.message}\n`);
      const next = await whatNow(deps, result);
      if (next === "abort") throw result.error;
      if (next === "url") {
        plan.url = await withScheme(
          await askHubUrl(plan.kind, deps, result.expectedUrl ?? plan.url),
          plan.kind,
          opts,
          deps,
        );
        if (plan.kind === "cloud") {
          plan.authUrl = await askAuthUrl(deps, plan.authUrl);
        }
      }
      if (next === "token") token = await askToken(plan, deps, page);
    }
    verified.push({ ...plan, token });
  }
  return verified;
}
