import { HubSetupError, classifyToken } from "@hub-setup/core";
import { usageError } from "../../flags.js";
import { safeArg } from "../../safe-arg.js";
import type { Prompter, Spinner } from "../../prompter/prompter.js";
import type { Env, HubTarget } from "../../ports.js";
import { LOGIN } from "../specs.js";

export type NewTokenDeps = {
  env: Env;
  interactive: boolean;
  prompter: Prompter;
  spinner: Spinner;
  readStdin: () => Promise<string>;
  stdout: (text: string) => void;
  signal: AbortSignal;
  /** POSTs the hub's token endpoint with the user's credentials once (core `mintHubToken`). */
  mintToken: (target: HubTarget, username: string, password: string, signal: AbortSignal) => Promise<string>;
};

export type NewTokenOptions = { yes: boolean; passwordStdin: boolean };

/** Refuses --new-token for a server whose tokens do not come from a galaxy_ng token endpoint. */
export function newTokenProblem(target: HubTarget): HubSetupError | undefined {
  if (target.kind === "cloud") {
    return usageError(
      LOGIN,
      "--new-token makes a private automation hub token; Red Hat's cloud hub uses an offline token from Red Hat SSO",
      "load an offline token at https://console.redhat.com/ansible/automation-hub/token, then run `hub-setup login` with it",
    );
  }
  if (target.kind !== "private") {
    return usageError(
      LOGIN,
      `--new-token is for a private automation hub, not ${target.url}`,
      "load a token in that server's web UI, then run `hub-setup login` with it",
    );
  }
  return undefined;
}

function fromEnv(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === "" ? undefined : value;
}

/**
 * The user name as it may be printed: people put the password (or a token) in its place, so any token
 * in it is redacted (safeArg) and a user name that holds the known password is not shown.
 */
export function shownUserName(username: string, password: string | undefined): string {
  if (password !== undefined && password !== "" && username.includes(password))
    return "<the user name given: it holds the password, so it is not shown>";
  return safeArg(username);
}

/** The password from --password-stdin or HUB_SETUP_PASSWORD; undefined when neither gives one. */
async function passwordWithoutAsking(opts: NewTokenOptions, deps: NewTokenDeps): Promise<string | undefined> {
  if (opts.passwordStdin) {
    const line = (await deps.readStdin()).split(/\r?\n/)[0] ?? "";
    if (line === "") throw usageError(LOGIN, "--password-stdin: stdin held no password on its first line");
    return line;
  }
  return fromEnv(deps.env, "HUB_SETUP_PASSWORD") === undefined
    ? undefined
    : (deps.env["HUB_SETUP_PASSWORD"] ?? "");
}

/**
 * A new token from the private hub's token endpoint, with the user's hub credentials. Before anything
 * is sent, a warning says every other token of that user stops working, confirmed by a question
 * (default No) or by --yes. The password never comes from argv, and neither it nor the token is printed.
 * Declining is CANCELLED (nothing was sent).
 */
export async function mintNewToken(
  target: HubTarget,
  opts: NewTokenOptions,
  deps: NewTokenDeps,
): Promise<string> {
  const origin = new URL(target.url).origin;
  let username = fromEnv(deps.env, "HUB_SETUP_USERNAME")?.trim();
  if (username === undefined) {
    if (!deps.interactive) {
      throw usageError(LOGIN, "--new-token needs the hub user name", "set HUB_SETUP_USERNAME");
    }
    username = (
      await deps.prompter.input({
        message: `Your user name on ${origin}`,
        validate: (v) => (v.trim() === "" ? "the user name you sign in to the hub's web UI with" : true),
      })
    ).trim();
  }
  // Read before anything is printed, so that a password given as the user name is never echoed.
  let password = await passwordWithoutAsking(opts, deps);
  let who = shownUserName(username, password);
  deps.stdout(
    `\n  WARNING: a new token for ${who} on ${origin} DELETES every other token of ${who}.\n` +
      `  Whatever uses one stops working: other machines, CI secrets, and controller credentials that\n` +
      `  hub-setup did not push (those it pushed get the new token now).\n\n`,
  );
  if (!opts.yes) {
    if (!deps.interactive) {
      throw usageError(LOGIN, "--new-token revokes every other token of the user: confirm it with --yes");
    }
    const go = await deps.prompter.confirm({
      message: `Make a new token for ${who} (every other token of ${who} stops working)?`,
      default: false,
    });
    if (!go)
      throw new HubSetupError("CANCELLED", "not confirmed: nothing was sent, every token works as before");
  }
  if (password === undefined) {
    if (!deps.interactive) {
      throw usageError(
        LOGIN,
        "--new-token needs the hub password",
        "pipe it with --password-stdin, or set HUB_SETUP_PASSWORD",
      );
    }
    password = await deps.prompter.password({
      message: `Password of ${who} on ${origin}`,
      validate: (v) => (v === "" ? "the password you sign in to the hub's web UI with" : true),
    });
    who = shownUserName(username, password);
  }
  const secret = password;
  const token = await deps.spinner.spin(`Making a new token for ${who} at ${origin}`, () =>
    deps.mintToken(target, username, secret, deps.signal),
  );
  const info = classifyToken(token);
  deps.stdout(
    `  ✔ ${origin} made a new token for ${who} (${info.ok ? info.redacted : "token"}); the old ones no longer work\n`,
  );
  return token;
}
