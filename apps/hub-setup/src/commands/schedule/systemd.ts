import { HubSetupError } from "@hub-setup/core";
import type { ScheduleDeps } from "./deps.js";
import { SERVICE_FILE, systemdService, systemdTimer, TIMER_FILE, type PassedEnv } from "./units.js";

/** `$XDG_CONFIG_HOME/systemd/user`, where a user's own units live. */
export function userUnitDir(env: ScheduleDeps["env"], home: string): string {
  const xdg = env["XDG_CONFIG_HOME"];
  return `${xdg !== undefined && xdg.startsWith("/") ? xdg : `${home}/.config`}/systemd/user`;
}

export function unitFiles(deps: ScheduleDeps, env: PassedEnv): Array<{ path: string; text: string }> {
  const dir = userUnitDir(deps.env, deps.home);
  return [
    { path: `${dir}/${SERVICE_FILE}`, text: systemdService(deps.self, env) },
    { path: `${dir}/${TIMER_FILE}`, text: systemdTimer() },
  ];
}

async function systemctl(deps: ScheduleDeps, args: string[]): Promise<void> {
  const result = await deps.run("systemctl", ["--user", ...args]);
  if (result.code !== 0) {
    throw new HubSetupError(
      "INTERNAL",
      `\`systemctl --user ${args.join(" ")}\` failed: ${result.stderr.trim()}`,
      {
        hint: "check `systemctl --user status`, or use `hub-setup schedule --cron`",
      },
    );
  }
}

export const SYSTEMD_HOW_TO_WATCH = `  next run:  systemctl --user list-timers ${TIMER_FILE}
  run now:   systemctl --user start ${SERVICE_FILE}
  its log:   journalctl --user -u ${SERVICE_FILE}
  A user timer runs while you are logged in (a missed week runs at the next login); to run it when
  you are not, enable lingering: loginctl enable-linger "$USER".
`;

/** Writes the two units (only those that changed), then enables and starts the timer. */
export async function installSystemd(deps: ScheduleDeps, env: PassedEnv): Promise<void> {
  const files = unitFiles(deps, env);
  let changed = 0;
  for (const file of files) {
    if ((await deps.files.read(file.path)) === file.text) continue;
    await deps.files.writeAtomic(file.path, file.text);
    changed += 1;
  }
  if (changed > 0) await systemctl(deps, ["daemon-reload"]);
  await systemctl(deps, ["enable", "--now", TIMER_FILE]);
  const where = files.map((f) => f.path).join("\n  ");
  deps.stdout(
    changed > 0
      ? `Installed a systemd user timer that runs \`hub-setup refresh --quiet\` weekly:\n  ${where}\n`
      : `The systemd user timer is already installed and unchanged:\n  ${where}\n`,
  );
  deps.stdout(SYSTEMD_HOW_TO_WATCH);
}

/** Stops and disables the timer, then deletes both units. True when there was something to remove. */
export async function removeSystemd(deps: ScheduleDeps, systemdUsable: boolean): Promise<boolean> {
  const files = unitFiles(deps, []);
  const present: string[] = [];
  for (const file of files) if ((await deps.files.read(file.path)) !== undefined) present.push(file.path);
  if (present.length === 0) return false;
  if (systemdUsable) {
    // Already disabled or never loaded is fine: the point is that it no longer runs.
    await deps.run("systemctl", ["--user", "disable", "--now", TIMER_FILE]);
  }
  for (const path of present) await deps.files.remove(path);
  if (systemdUsable) await systemctl(deps, ["daemon-reload"]);
  deps.stdout(`Removed the systemd user timer:\n  ${present.join("\n  ")}\n`);
  return true;
}
