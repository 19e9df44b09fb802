import { galaxyServerEnvVar } from "@hub-setup/core";
import type { WritePlan } from "./config.js";
import type { SetupOptions } from "./options.js";
import type { SetupDeps } from "./deps.js";
import type { StorePlan } from "./store.js";

/** What the pre-commit framework needs to run hub-token-check on every commit. */
export const PRE_COMMIT_SNIPPET = `  - repo: local
    hooks:
      - id: hub-token-check
        name: hub-token-check (plaintext Automation Hub tokens)
        entry: npx --no-install hub-token-check
        language: system
        types: [text]
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

/**
 * Step 6: keep offline tokens alive, keep tokens out of git, make plain ansible-galaxy work. Failures
 * here are reported, not fatal. True when the shell functions were installed now.
 */
export async function offerExtras(
  plan: WritePlan,
  store: StorePlan,
  opts: SetupOptions,
  deps: SetupDeps,
): Promise<boolean> {
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
  const hooked = (await deps.ports.inGitRepo()) ? await deps.ports.hookState() : undefined;
  if (hooked === "hook" || hooked === "framework") {
    print(
      `\n${style.bold("Keep tokens out of git")}\n  ${style.green("✔")} hub-token-check already runs on every commit here (${hooked === "hook" ? "the git pre-commit hook" : ".pre-commit-config.yaml"})\n`,
    );
  } else if (hooked === "framework-without") {
    // `hub-token-check install` would chain a second hook after the framework's: the check belongs in its config.
    print(
      `\n${style.bold("Keep tokens out of git")}\n  hub-token-check stops a commit that would add a plaintext token to an ansible.cfg. This repository uses the pre-commit framework: add it to .pre-commit-config.yaml (under repos:), then run \`pre-commit install\` if you have not:\n${PRE_COMMIT_SNIPPET}`,
    );
  } else if (hooked === "none") {
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
  if (store.choice !== "plaintext") return offerShellInit(plan, opts, deps);
  return false;
}

/**
 * The token is not in ansible.cfg, so plain `ansible-galaxy` alone would send none (issue #13 item 4):
 * offers the shell functions of `hub-setup shell-init`, which give the tokens to ansible-galaxy,
 * ansible-builder, ansible-navigator and ansible-playbook only. True when they were installed now.
 */
async function offerShellInit(plan: WritePlan, opts: SetupOptions, deps: SetupDeps): Promise<boolean> {
  const { print, style } = deps;
  const vars = plan.servers.map((s) => galaxyServerEnvVar(s.id, "token"));
  print(
    `\n${style.bold("Plain ansible-galaxy")}\n  The token is not in ansible.cfg: ansible-galaxy reads it from ${vars.join(", ")}. \`hub-setup exec -- ansible-galaxy …\` sets ${vars.length === 1 ? "it" : "them"} for one command; \`hub-setup shell-init\` makes plain ansible-galaxy, ansible-builder, ansible-navigator and ansible-playbook do the same, and gives the token to nothing else in your shell.\n`,
  );
  const shell = deps.ports.loginShell();
  if (shell === undefined) {
    print(
      `  ${opts.shellInit === true ? "Your shell ($SHELL) is not bash, zsh or fish: " : ""}Later: hub-setup shell-init bash|zsh|fish --install\n`,
    );
    return false;
  }
  if (await offer(opts.shellInit, opts, deps, `Add it to your ${shell} start-up file now?`)) {
    const code = await deps.ports.installShellInit(shell);
    if (code === 0) {
      print(`  ${style.green("✔")} plain ansible-galaxy gets the token in every new ${shell}\n`);
      return true;
    }
    print(
      `  ${style.red("✘")} \`hub-setup shell-init ${shell} --install\` failed (exit ${code}); run it yourself later\n`,
    );
    return false;
  }
  print(
    `  Later: hub-setup shell-init ${shell} --install (or for this shell only: eval "$(hub-setup shell-init ${shell})")\n`,
  );
  return false;
}

/** Step 7: the one line to try (plain ansible-galaxy once the shell functions are in, in a new shell). */
export function tryLine(store: StorePlan, collection: string, shellInit = false): string {
  const command = `ansible-galaxy collection install ${collection}`;
  if (store.choice === "plaintext") return command;
  return shellInit
    ? `${command}   (in a new shell; here: hub-setup exec -- ${command})`
    : `hub-setup exec -- ${command}`;
}
