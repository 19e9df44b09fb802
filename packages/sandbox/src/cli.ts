import { galaxyServerEnvVar } from "@hub-setup/core";
import { startSandbox } from "./start.js";
import type { Sandbox } from "./types.js";

export type SandboxCommandOptions = { port?: number; stateDir?: string };
export type SandboxCommandDeps = { stdout(text: string): void; signal: AbortSignal };

/** The server ids the printed ansible.cfg uses (valid ids: their env variables can be exported). */
export const CLOUD_SERVER_ID = "sandbox_cloud";
export const PRIVATE_SERVER_ID = "sandbox_private";

/**
 * `hub-setup sandbox`: runs the sandbox in the foreground until `signal` aborts (Ctrl-C), printing how
 * to point ansible-galaxy at it. The tokens printed are the sandbox's own fake values, useless
 * anywhere else, so they are printed in full on purpose. Start-up failures (a busy port, an unusable
 * state dir) reject with a HubSetupError for the caller to map to an exit code.
 */
export async function runSandboxCommand(
  opts: SandboxCommandOptions,
  deps: SandboxCommandDeps,
): Promise<number> {
  const sandbox = await startSandbox({
    ...(opts.port === undefined ? {} : { port: opts.port }),
    ...(opts.stateDir === undefined ? {} : { stateDir: opts.stateDir }),
  });
  try {
    if (!deps.signal.aborted) {
      deps.stdout(describeSandbox(sandbox, opts.stateDir !== undefined));
      await new Promise<void>((resolve) =>
        deps.signal.addEventListener("abort", () => resolve(), { once: true }),
      );
    }
  } finally {
    await sandbox.close();
  }
  deps.stdout("Sandbox stopped.\n");
  return 0;
}

/** The text printed at start-up: URLs, the fake tokens, and the ansible.cfg and env lines to use. */
export function describeSandbox(sandbox: Sandbox, stateKept: boolean): string {
  const { urls } = sandbox;
  const cloudVar = galaxyServerEnvVar(CLOUD_SERVER_ID, "token");
  const privateVar = galaxyServerEnvVar(PRIVATE_SERVER_ID, "token");
  return [
    `hub-setup sandbox: a local Red Hat SSO, Automation Hub and private automation hub on ${urls.base}`,
    `State: ${sandbox.stateDir} ${stateKept ? "(kept: a restart keeps the same tokens)" : "(temporary: removed when the sandbox stops)"}`,
    "",
    "URLs",
    ...aligned([
      ["Red Hat SSO token endpoint (auth_url)", urls.tokenEndpoint],
      ...Object.entries(urls.cloud).map(([repo, url]) => [`Automation Hub (cloud), ${repo}`, url] as const),
      ...Object.entries(urls.private).map(([repo, url]) => [`private hub, ${repo}`, url] as const),
      ["private hub token API (Load token)", urls.privateTokenEndpoint],
    ]),
    "",
    "Sandbox tokens: FAKE values, valid only against this sandbox",
    ...aligned([
      ["offline token (Automation Hub)", sandbox.tokens.offline],
      ["private hub API token", sandbox.tokens.hub],
      ["private hub user (Basic auth)", `${sandbox.user.username} / ${sandbox.user.password}`],
    ]),
    "",
    "ansible.cfg (no token in it):",
    "[galaxy]",
    `server_list = ${CLOUD_SERVER_ID}, ${PRIVATE_SERVER_ID}`,
    "",
    `[galaxy_server.${CLOUD_SERVER_ID}]`,
    `url = ${urls.cloud.published}`,
    `auth_url = ${urls.tokenEndpoint}`,
    "",
    `[galaxy_server.${PRIVATE_SERVER_ID}]`,
    `url = ${urls.private.published}`,
    "",
    "Environment (the tokens go here, not in ansible.cfg):",
    `export ${cloudVar}='${sandbox.tokens.offline}'`,
    `export ${privateVar}='${sandbox.tokens.hub}'`,
    "",
    "The wizard against this sandbox (in another terminal, in the folder to set up; `npx hub-setup` from a clone):",
    `  hub-setup --hub cloud --url ${urls.cloud.published} --auth-url ${urls.tokenEndpoint}`,
    `  hub-setup --hub private --url ${urls.private.published}`,
    "",
    "Automation controller (AWX API: /api/v2/ and the AAP 2.5 gateway's /api/controller/v2/):",
    `  export CONTROLLER_HOST=${sandbox.controller.url}`,
    `  export CONTROLLER_OAUTH_TOKEN='${sandbox.controller.oauthToken}'   # or CONTROLLER_USERNAME=${sandbox.controller.user.username} CONTROLLER_PASSWORD='${sandbox.controller.user.password}'`,
    `  hub-setup controller push --credential "Automation Hub" --organization ${sandbox.controller.organization.name}`,
    "",
    `Try it: ansible-galaxy collection install ${sandbox.collections.at(-1) ?? "sandbox.app"} -p ./collections`,
    `Serving: ${sandbox.collections.join(", ")}`,
    "Press Ctrl-C to stop.",
    "",
  ].join("\n");
}

function aligned(rows: ReadonlyArray<readonly [string, string]>): string[] {
  const width = Math.max(...rows.map(([label]) => label.length)) + 2;
  return rows.map(([label, value]) => `  ${`${label}:`.padEnd(width)}${value}`);
}
