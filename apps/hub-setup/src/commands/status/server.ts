import { daysUntilIdleExpiry, galaxyServerEnvVar, idleExpiryDate, tokenFingerprint } from "@hub-setup/core";
import { displayUrl, displayUrlsIn, urlHasPassword } from "./display-url.js";
import { classOfOutcome } from "../../servers/outcome.js";
import type { HubChecks, RefreshState } from "../../ports.js";
import { hubTarget, type Problem, type ServerView } from "../../servers/servers.js";
import { healthOf, type CheckState, type IdleExpiry, type ServerStatus } from "./report.js";

export type ServerCheckDeps = {
  /** undefined with --offline: nothing goes over the network. */
  checks: HubChecks | undefined;
  /** undefined when the state file cannot be opened (a problem reported once, above the servers). */
  state: RefreshState | undefined;
  now: () => Date;
  signal: AbortSignal;
  /** The ansible.cfg path, for messages. */
  configPath: string | undefined;
};

const WARN_DAYS = 7;
/** A recorded refresh this far ahead of the clock is not a small drift between machines. */
const CLOCK_SKEW_MS = 5 * 60_000;

function skipped(message: string): CheckState {
  return { state: "skipped", outcome: null, message };
}

async function liveCheck(view: ServerView, deps: ServerCheckDeps, problems: Problem[]): Promise<CheckState> {
  if (deps.checks === undefined) return skipped("not checked (--offline)");
  if (problems.some((p) => p.severity === "error"))
    return skipped("not checked until the problem below is fixed");
  if (view.basicAuth)
    return skipped("not checked: hub-setup checks tokens, and this server uses a user name");
  const target = hubTarget(view);
  if (target === undefined || view.token === undefined) return skipped("not checked: no token");
  const result = await deps.checks.verify(target, view.token.value, deps.signal);
  if (result.ok) return { state: "ok", outcome: null, message: "the hub accepted the token" };
  const expected = result.expectedUrl === undefined ? "" : ` (expected a URL like ${result.expectedUrl})`;
  return { state: "failed", outcome: result.outcome, message: displayUrlsIn(`${result.message}${expected}`) };
}

async function idleExpiry(
  view: ServerView,
  deps: ServerCheckDeps,
  check: CheckState,
  problems: Problem[],
): Promise<IdleExpiry | null> {
  if (view.token?.kind !== "offline" || view.basicAuth) return null;
  const fingerprint = tokenFingerprint(view.token.value);
  const now = deps.now();
  let last = deps.state === undefined ? undefined : await deps.state.lastRefresh(view.id, fingerprint);
  if (check.state === "ok" && view.authUrl !== undefined) {
    // The live check exchanged the token at the SSO: that use resets its 30-day idle timer.
    last = now;
    try {
      await deps.state?.recordRefresh(view.id, fingerprint, last);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      problems.push({ severity: "warning", message: `the refresh time was not recorded: ${why}` });
    }
  }
  if (check.state === "failed" && classOfOutcome(check.outcome) === "auth") {
    // The SSO or hub refused the token just now: no count of days left means anything (the live check
    // above says why); a ✓ here beside it was a contradiction.
    return { daysLeft: null, lastRefreshedAt: last?.toISOString() ?? null, expiresAt: null };
  }
  if (last !== undefined && last.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    problems.push({
      severity: "warning",
      message: `days left unknown: the last refresh recorded (${last.toISOString()}) is in the future, so this machine's clock was wrong then or is wrong now; the next \`hub-setup refresh\` starts the count again`,
    });
    return { daysLeft: null, lastRefreshedAt: last.toISOString(), expiresAt: null };
  }
  const days = daysUntilIdleExpiry(last, now);
  if (days === undefined) {
    problems.push({
      severity: "warning",
      message:
        "days left unknown: hub-setup has not seen this token refreshed yet (`hub-setup refresh` starts the count)",
    });
  } else if (days < 0 && check.state !== "ok") {
    problems.push({
      severity: "error",
      failure: "auth",
      message: `not used for more than 30 days: Red Hat SSO has most likely dropped it; load a new one and run \`hub-setup login --server ${view.id}\``,
    });
  } else if (days <= WARN_DAYS) {
    problems.push({
      severity: "warning",
      message: `${days} days left before it expires unused: run \`hub-setup refresh\` (and \`hub-setup schedule\` to keep it alive)`,
    });
  }
  return {
    daysLeft: days ?? null,
    lastRefreshedAt: last?.toISOString() ?? null,
    expiresAt: last === undefined ? null : idleExpiryDate(last).toISOString(),
  };
}

function setupProblems(view: ServerView, configPath: string | undefined): Problem[] {
  const problems = [...view.problems];
  if (view.plaintextInFile.length > 0) {
    problems.push({
      severity: "warning",
      message: `${view.plaintextInFile.join(" and ")} written in plaintext in ${configPath ?? "ansible.cfg"}: anyone who can read it (or its git history) can use it; run \`hub-setup\` to move it to the store`,
    });
  }
  if (view.url !== undefined && urlHasPassword(view.url)) {
    const where =
      view.urlSource === "env" ? galaxyServerEnvVar(view.id, "url") : (configPath ?? "ansible.cfg");
    problems.push({
      severity: "warning",
      message: `a password is written in the url (${where}): anyone who can read it can use it; use a token instead (\`hub-setup\` keeps it out of ansible.cfg)`,
    });
  }
  if (
    view.token === undefined &&
    !view.basicAuth &&
    !view.storeUnreadable &&
    view.withheld === undefined &&
    view.kind !== "galaxy" &&
    view.url !== undefined
  ) {
    problems.push({
      severity: "error",
      failure: "auth",
      message: `no token: ansible-galaxy will send no credentials and the hub will refuse it; run \`hub-setup login --server ${view.id}\`, or set ${galaxyServerEnvVar(view.id, "token")}`,
    });
  }
  return problems;
}

/** One server's status: its setup problems, the live check, and the idle countdown of an offline token. */
export async function serverStatus(view: ServerView, deps: ServerCheckDeps): Promise<ServerStatus> {
  const problems = setupProblems(view, deps.configPath);
  const check = await liveCheck(view, deps, problems);
  const expiry = await idleExpiry(view, deps, check, problems);
  const health = healthOf(problems, check);
  const firstError = problems.find((p) => p.severity === "error");
  const failure =
    health !== "broken"
      ? null
      : check.state === "failed"
        ? classOfOutcome(check.outcome)
        : firstError?.severity === "error"
          ? firstError.failure
          : "error";
  return {
    id: view.id,
    kind: view.kind,
    url: view.url === undefined ? null : displayUrl(view.url),
    urlSource: view.urlSource ?? null,
    authUrl: view.authUrl === undefined ? null : displayUrl(view.authUrl),
    auth: view.basicAuth ? "basic" : view.token === undefined ? "none" : "token",
    token:
      view.token === undefined
        ? null
        : {
            origin: view.token.origin,
            kind: view.token.kind,
            redacted: view.token.redacted,
            envVar: view.token.envVar,
          },
    plaintextInFile: view.plaintextInFile,
    check,
    idleExpiry: expiry,
    health,
    failure,
    problems,
  };
}
