import { galaxyServerEnvVar } from "@hub-setup/core";
import type { WritePlan } from "./config.js";
import type { SetupOptions } from "./options.js";
import type { SetupDeps } from "./deps.js";
import type { StorePlan } from "./store.js";

/** What the pre-commit framework needs to run hub-token-check on every commit. */
export const PRE_COMMIT_SNIPPET = `  - repo: local
    hooks:
      - id: hub-token-check
        name: no plaintext hub tokens in ansible.cfg
        entry: npx --no-install hub-token-check
        language: system
        files: (^|/)\\.?ansible\\.cfg$
`;

async function offer(
  flag: boolean | undefined,
  opts: SetupOptions,
  deps: SetupDeps,
  question: string,
): Promise<boolean> {
  if (flag !== undefined) return flag;
  if (!opts.interactive) return false;
  return deps.prompter.confirm({ message: question, default: true });
}

/** Step 6: keep offline tokens alive, and keep tokens out of git. Failures here are reported, not fatal. */
export async function offerExtras(
  plan: WritePlan,
  store: StorePlan,
  opts: SetupOptions,
  deps: SetupDeps,
): Promise<void> {
  const { print, style } = deps;
  if (plan.servers.some((s) => s.hub.kind === "cloud")) {
    print(
      `\n${style.bold("Keep the offline token alive")}\n  Red Hat drops an offline token after 30 days without use. \`hub-setup schedule\` installs a weekly \`hub-setup refresh\` (a systemd user timer, or cron).\n`,
    );
    if (await offer(opts.schedule, opts, deps, "Install the weekly refresh now?")) {
      const code = await deps.ports.installSchedule();
      print(
        code === 0
          ? `  ${style.green("✔")} scheduled; see it with \`hub-setup schedule\`\n`
          : `  ${style.red("✘")} \`hub-setup schedule\` failed (exit ${code}); run it yourself later\n`,
      );
    } else {
      print("  Later: hub-setup schedule\n");
    }
  }
  if (await deps.ports.inGitRepo()) {
    print(
      `\n${style.bold("Keep tokens out of git")}\n  hub-token-check stops a commit that would add a plaintext token to an ansible.cfg.\n`,
    );
    if (await offer(opts.preCommit, opts, deps, "Install it as this repository's pre-commit hook?")) {
      const code = await deps.ports.installHook();
      if (code === 0) print(`  ${style.green("✔")} pre-commit hook installed\n`);
      else
        print(
          `  ${code === undefined ? "hub-token-check is not installed here" : `hub-token-check install failed (exit ${code})`}: add this to .pre-commit-config.yaml instead:\n${PRE_COMMIT_SNIPPET}`,
        );
    } else {
      print(`  Later: npx hub-token-check install, or in .pre-commit-config.yaml:\n${PRE_COMMIT_SNIPPET}`);
    }
  }
  if (store.choice !== "plaintext") {
    const vars = plan.servers.map((s) => galaxyServerEnvVar(s.id, "token"));
    print(
      `\n  ansible-galaxy reads the token from ${vars.join(", ")}: \`hub-setup exec\` sets ${vars.length === 1 ? "it" : "them"} from the store.\n`,
    );
  }
}

/** Step 7: the one line to try. */
export function tryLine(store: StorePlan, collection: string): string {
  const command = `ansible-galaxy collection install ${collection}`;
  return store.choice === "plaintext" ? command : `hub-setup exec -- ${command}`;
}
