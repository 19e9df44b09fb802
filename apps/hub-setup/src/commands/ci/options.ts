import { parseFlags, usageError } from "../../flags.js";
import type { Env } from "../../ports.js";
import { safeArg } from "../../safe-arg.js";
import { defaultShell, SHELLS, type Shell } from "../../shell/quote.js";
import type { CiInputs, InputNames } from "./plan.js";
import { CI } from "../specs.js";

/** Where the variables go: $GITHUB_ENV (and the server list to $GITHUB_OUTPUT), or export lines. */
export type CiMode =
  | { kind: "github"; envFile: string | undefined; outputFile: string | undefined }
  | { kind: "shell"; shell: Shell };

export type CiOptions = { help: boolean; inputs: CiInputs; names: InputNames; mode: CiMode };

/** The CLI's names for each input: its variable, and its flag when it has one. */
export const CLI_NAMES: InputNames = {
  offlineToken: "HUB_SETUP_OFFLINE_TOKEN",
  privateHubToken: "HUB_SETUP_PRIVATE_HUB_TOKEN",
  cloudUrl: "--cloud-url (HUB_SETUP_CLOUD_URL)",
  authUrl: "--auth-url (HUB_SETUP_AUTH_URL)",
  privateHubUrl: "--private-hub-url (HUB_SETUP_PRIVATE_HUB_URL)",
  repositories: "--repositories (HUB_SETUP_REPOSITORIES)",
  serverIds: "--server-ids (HUB_SETUP_SERVER_IDS)",
};

/** The mode GitHub's runner implies, for a step that asked for nothing else. */
export function githubMode(env: Env): CiMode {
  return { kind: "github", envFile: env["GITHUB_ENV"], outputFile: env["GITHUB_OUTPUT"] };
}

/** `hub-setup ci` flags and environment → what to configure and where it goes. */
export function ciOptions(argv: readonly string[], env: Env): CiOptions {
  const { values } = parseFlags(CI, argv);
  const flag = (name: keyof typeof CI.flags): string | undefined => {
    const v = values[name];
    return typeof v === "string" ? v : undefined;
  };
  const shellFlag = flag("shell");
  let mode: CiMode;
  if (shellFlag !== undefined) {
    const shell = SHELLS.find((s) => s === shellFlag);
    if (shell === undefined) {
      throw usageError(CI, `--shell must be one of ${SHELLS.join(", ")}, not "${safeArg(shellFlag)}"`);
    }
    mode = { kind: "shell", shell };
  } else {
    mode = env["GITHUB_ACTIONS"] === "true" ? githubMode(env) : { kind: "shell", shell: defaultShell(env) };
  }
  return {
    help: values.help === true,
    names: CLI_NAMES,
    mode,
    inputs: {
      offlineToken: env["HUB_SETUP_OFFLINE_TOKEN"],
      privateHubToken: env["HUB_SETUP_PRIVATE_HUB_TOKEN"],
      cloudUrl: flag("cloud-url") ?? env["HUB_SETUP_CLOUD_URL"],
      authUrl: flag("auth-url") ?? env["HUB_SETUP_AUTH_URL"],
      privateHubUrl: flag("private-hub-url") ?? env["HUB_SETUP_PRIVATE_HUB_URL"],
      repositories: flag("repositories") ?? env["HUB_SETUP_REPOSITORIES"],
      serverIds: flag("server-ids") ?? env["HUB_SETUP_SERVER_IDS"],
    },
  };
}
