import { join } from "node:path";
import type { Sandbox } from "@hub-setup/sandbox";
import { ansibleCoreVersion } from "../../adapters/ansible.js";
import { exists, makeFolder, makeTempFolder, removeTree } from "../../adapters/files.js";
import type { AppContext, CrossCalls } from "../../context.js";
import type { Env } from "../../ports.js";

export type DemoOptions = { interactive: boolean; keep: boolean };

/** The collection the demo installs: it depends on sandbox.demo, so the install shows a dependency too. */
const COLLECTION = "sandbox.app";

/** The throw-away world: HOME, XDG_CONFIG_HOME and ANSIBLE_CONFIG inside it, none of the user's ANSIBLE_* or HUB_SETUP_*. */
export function demoEnv(base: Env, dir: string): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(base)) if (!/^(ANSIBLE_|HUB_SETUP_)/.test(k)) env[k] = v;
  const local = ["127.0.0.1", "localhost"];
  const given = (base["NO_PROXY"] ?? base["no_proxy"] ?? "").split(",").map((h) => h.trim());
  const noProxy = [...new Set([...given, ...local])].filter((h) => h !== "").join(",");
  return {
    ...env,
    HOME: join(dir, "home"),
    XDG_CONFIG_HOME: join(dir, "home", ".config"),
    ANSIBLE_CONFIG: join(dir, "project", "ansible.cfg"),
    NO_PROXY: noProxy,
    no_proxy: noProxy,
  };
}

function banner(sandbox: Sandbox, dir: string, interactive: boolean): string {
  const lines = [
    `hub-setup demo: a local sandbox at ${sandbox.urls.base} plays Red Hat SSO, Red Hat Automation Hub and a private automation hub.`,
    `Everything is written under ${dir}: your own ansible.cfg, keyring and credentials are not touched.`,
  ];
  if (interactive) {
    lines.push(
      "",
      "The sandbox's tokens (FAKE values, valid only against this sandbox), to paste when asked:",
      `  offline token for Red Hat Automation Hub:  ${sandbox.tokens.offline}`,
      `  API token for the private automation hub:  ${sandbox.tokens.hub}`,
    );
  } else {
    lines.push("No terminal: the demo answers every question itself, with the sandbox's URLs and tokens.");
  }
  return `${lines.join("\n")}\n\n`;
}

async function install(ctx: AppContext, calls: CrossCalls, env: Env, project: string): Promise<number> {
  const args = ["ansible-galaxy", "collection", "install", COLLECTION];
  ctx.io.stdout(
    `\nInstalling ${COLLECTION} from the sandbox, as the final line suggests:\n  hub-setup exec -- ${args.join(" ")}\n`,
  );
  return calls.runExec(["--", ...args], { env, cwd: project });
}

/** `hub-setup demo`: the wizard against an in-process sandbox, in a throw-away folder, then a real install. */
export async function runDemo(options: DemoOptions, ctx: AppContext, calls: CrossCalls): Promise<number> {
  const { startSandbox } = await import("@hub-setup/sandbox");
  const dir = await makeTempFolder("hub-setup-demo-");
  const project = join(dir, "project");
  await makeFolder(join(dir, "home", ".config"), 0o700);
  await makeFolder(project, 0o700); // never world-writable: Ansible would skip it
  const sandbox = await startSandbox({ port: 0 });
  try {
    const env = demoEnv(ctx.io.env, dir);
    ctx.io.stdout(banner(sandbox, dir, options.interactive));
    const { urls, tokens } = sandbox;
    const argv = options.interactive
      ? ["--interactive", "--no-schedule", "--no-pre-commit", "--no-shell-init"]
      : [
          "--no-interactive",
          "--hub",
          "both",
          "--url",
          urls.cloud.published,
          "--url",
          urls.private.published,
          "--auth-url",
          urls.tokenEndpoint,
          "--store",
          "file",
          "--yes",
          "--no-schedule",
          "--no-pre-commit",
          // The throw-away HOME's rc file is never read by a shell: nothing to offer there.
          "--no-shell-init",
        ];
    const wizardEnv = options.interactive
      ? env
      : { ...env, HUB_SETUP_CLOUD_TOKEN: tokens.offline, HUB_SETUP_PRIVATE_TOKEN: tokens.hub };
    const defaults = {
      cloudUrl: urls.cloud.published,
      authUrl: urls.tokenEndpoint,
      privateUrl: urls.private.published,
      tryCollection: COLLECTION,
      stores: ["file", "plaintext"] as const,
    };
    await calls.runWizard(
      argv,
      { env: wizardEnv, cwd: project },
      { terminal: options.interactive, defaults },
    );
    if ((await ansibleCoreVersion(wizardEnv, project)) === undefined) {
      ctx.io.stdout(
        "\nansible-galaxy is not installed here, so the demo stops before the install (apt-get install ansible-core, or pipx install ansible-core).\n",
      );
      return 0;
    }
    const code = await install(ctx, calls, env, project);
    const collections = join(dir, "home", ".ansible", "collections");
    const installed = exists(join(collections, "ansible_collections", "sandbox", "app", "MANIFEST.json"));
    ctx.io.stdout(
      code === 0 && installed
        ? `\n✔ ${COLLECTION} is installed in ${collections}\n`
        : `\n✘ the install failed (exit ${code})\n`,
    );
    return code === 0 && installed ? 0 : code === 0 ? 1 : code;
  } finally {
    await sandbox.close();
    if (options.keep) ctx.io.stdout(`The demo folder is kept: ${dir}\n`);
    else await removeTree(dir);
  }
}
