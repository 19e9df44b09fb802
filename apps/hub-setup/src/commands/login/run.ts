import {
  bindingFor,
  classifyToken,
  CLOUD_TOKEN_PAGE,
  HubSetupError,
  privateHubTokenPage,
  tokenFingerprint,
  tokenKindProblem,
} from "@hub-setup/core";
import { followAndReport, type FollowOutcome } from "../../consumers/report.js";
import { parseFlags, usageError } from "../../flags.js";
import type { Prompter, Spinner } from "../../prompter/prompter.js";
import type {
  Env,
  HubChecks,
  HubTarget,
  LoadedConfig,
  RefreshState,
  StoreBackend,
  TokenStore,
} from "../../ports.js";
import { safeArg } from "../../safe-arg.js";
import { pickServer } from "../../servers/pick-server.js";
import { hubTarget, viewServer } from "../../servers/servers.js";
import { mintNewToken, newTokenProblem } from "./new-token.js";
import { LOGIN } from "../specs.js";

export type LoginDeps = {
  env: Env;
  loadConfig: () => Promise<LoadedConfig>;
  openStore: (backend: "auto" | StoreBackend) => Promise<TokenStore>;
  openState: () => Promise<RefreshState>;
  openChecks: () => Promise<HubChecks>;
  /** A terminal is there to ask in (stdin and stdout). */
  terminal: boolean;
  prompter: (interactive: boolean) => Prompter;
  spinner: Spinner;
  readStdin: () => Promise<string>;
  stdout: (text: string) => void;
  /** POSTs a private hub's token endpoint once with the user's credentials (for --new-token). */
  mintToken: (target: HubTarget, username: string, password: string, signal: AbortSignal) => Promise<string>;
  now: () => Date;
  signal: AbortSignal;
  /**
   * The stored token replaced the one pushed to controller credentials: each gets the new one, best
   * effort (consumers/follow.ts `tokenReplaced`), one report per place.
   */
  tokenStored: (
    server: { id: string; url: string; authUrl?: string | undefined },
    token: string,
  ) => Promise<readonly FollowOutcome[]>;
};

const PASTE_HELP =
  "hidden: only its length shows · paste with Ctrl-Shift-V or right-click (Cmd-V on a Mac) · Ctrl-U clears";

/** `hub-setup login`: a token for an existing server, checked live, then stored. */
export async function runLogin(argv: string[], deps: LoginDeps): Promise<number> {
  const { values } = parseFlags(LOGIN, argv);
  if (values.help === true) {
    deps.stdout(LOGIN.usage);
    return 0;
  }
  const store = values.store;
  if (store !== undefined && store !== "keyring" && store !== "file") {
    throw usageError(LOGIN, `--store ${safeArg(JSON.stringify(store))} is not one of keyring, file`);
  }
  const tokenStdin = values["token-stdin"] === true;
  const newToken = values["new-token"] === true;
  const passwordStdin = values["password-stdin"] === true;
  if (newToken && tokenStdin)
    throw usageError(LOGIN, "--new-token makes the token: --token-stdin has none to give");
  if (passwordStdin && !newToken) throw usageError(LOGIN, "--password-stdin goes with --new-token");
  const interactive = deps.terminal && !tokenStdin && !passwordStdin && values["no-interactive"] !== true;
  const prompter = deps.prompter(interactive);
  const config = await deps.loadConfig();
  const id = await pickServer(config, values.server, {
    prompter,
    interactive,
    question: "Which server gets the new token?",
    command: "login",
  });
  const server = config.servers.find((s) => s.id === id)!;
  const view = viewServer(server, undefined);
  const target = hubTarget(view)!;
  const hub = { kind: target.kind === "cloud" ? ("cloud" as const) : ("private" as const), url: target.url };
  if (newToken) {
    const refused = newTokenProblem(target);
    if (refused !== undefined) throw refused;
  }
  const page = hub.kind === "cloud" ? CLOUD_TOKEN_PAGE : privateHubTokenPage(hub.url);
  deps.stdout(`Token for ${id} (${target.url})\n${newToken ? "" : `  Load it here: ${page}\n`}`);

  const judge = (raw: string): string | undefined => tokenKindProblem(classifyToken(raw), hub, page)?.message;
  let token: string;
  const fromEnv = deps.env["HUB_SETUP_TOKEN"];
  if (newToken) {
    token = await mintNewToken(
      target,
      { yes: values.yes === true, passwordStdin },
      { ...deps, interactive, prompter },
    );
  } else if (tokenStdin || (fromEnv !== undefined && fromEnv.trim() !== "")) {
    const from = tokenStdin ? "stdin" : "HUB_SETUP_TOKEN";
    const raw = tokenStdin
      ? ((await deps.readStdin()).split(/\r?\n/).find((l) => l.trim() !== "") ?? "")
      : (fromEnv ?? "");
    const problem = judge(raw.trim());
    if (problem !== undefined) throw new HubSetupError("INVALID_TOKEN", `the token from ${from}: ${problem}`);
    token = raw.trim();
  } else if (interactive) {
    token = (
      await prompter.password({
        message: `Paste the ${hub.kind === "cloud" ? "offline token" : "API token"} for ${id}`,
        help: PASTE_HELP,
        validate: (raw) => judge(raw.trim()) ?? true,
      })
    ).trim();
  } else {
    throw usageError(LOGIN, "no token given", "pipe it with --token-stdin, or set HUB_SETUP_TOKEN");
  }
  const info = classifyToken(token);
  const redacted = info.ok ? info.redacted : "token";

  const checks = await deps.openChecks();
  let result;
  try {
    result = await deps.spinner.spin(`Checking ${target.url} with the ${redacted}`, () =>
      checks.verify(target, token, deps.signal),
    );
  } finally {
    await checks.close();
  }
  if (deps.signal.aborted) throw new HubSetupError("CANCELLED", "cancelled");
  if (!result.ok) {
    if (!newToken) throw result.error;
    // The old tokens are gone already: say so, or the person would think nothing changed.
    const { code, message, hint } = result.error;
    throw new HubSetupError(code, `the new token was made but ${message}; the old ones no longer work`, {
      hint: hint ?? `load a token in the hub's web UI (${page}) and run \`hub-setup login\` with it`,
    });
  }
  deps.stdout(`  ✔ ${target.url} accepts the ${redacted}\n`);

  const opened = await deps.openStore(store ?? "auto");
  // Bound to the origins it was just verified against (replacing any older binding for this id), as
  // the wizard binds: a later ansible.cfg that points this id elsewhere does not receive it.
  await opened.set(id, token, bindingFor({ url: target.url, authUrl: target.authUrl }));
  deps.stdout(`  ✔ stored it for ${id} (${opened.location}); ansible.cfg is unchanged\n`);
  await followAndReport(
    { id, url: target.url, authUrl: target.authUrl },
    token,
    deps.tokenStored,
    deps.stdout,
  );
  if (info.ok && info.kind === "offline") {
    try {
      const state = await deps.openState();
      await state.recordRefresh(id, tokenFingerprint(token), deps.now());
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      deps.stdout(`  warning: the refresh time was not recorded (${why}); \`hub-setup refresh\` will\n`);
    }
  }
  const envToken = server.token?.source === "env";
  if (envToken) {
    deps.stdout(
      `  warning: ${view.token?.envVar ?? "a token variable"} is set in this environment and wins over the store: unset it\n`,
    );
  }
  if (server.token?.source === "file") {
    deps.stdout(
      `  warning: ${config.path ?? "ansible.cfg"} still holds a plaintext token for ${id}; under \`hub-setup exec\` the stored one wins, plain ansible-galaxy reads the file: run \`hub-setup\` to move it out\n`,
    );
  }
  deps.stdout("  Check: hub-setup status\n");
  return 0;
}
