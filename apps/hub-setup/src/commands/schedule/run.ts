import { HubSetupError } from "@hub-setup/core";
import { EXIT } from "../../exit-codes.js";
import { parseFlags, usageError } from "../../flags.js";
import { installCron, readCrontab, removeCron } from "./cron.js";
import { passedEnv } from "./passed-env.js";
import type { ScheduleDeps } from "./deps.js";
import { SCHEDULE } from "../specs.js";
import { installSystemd, removeSystemd, unitFiles } from "./systemd.js";
import { cronLine } from "./units.js";

type Method = "systemd" | "cron";

async function systemdUsable(deps: ScheduleDeps): Promise<boolean> {
  return (await deps.run("systemctl", ["--user", "show-environment"])).code === 0;
}

async function detect(deps: ScheduleDeps): Promise<Method | undefined> {
  if (await systemdUsable(deps)) return "systemd";
  return (await readCrontab(deps)) === undefined ? undefined : "cron";
}

function seedOf(deps: ScheduleDeps): string {
  return deps.env["USER"] ?? deps.home;
}

function warnAboutSelf(deps: ScheduleDeps): void {
  if (/[\\/]_npx[\\/]/.test(deps.self.script)) {
    deps.stderr(
      `hub-setup schedule: this hub-setup runs from npx's cache (${deps.self.script}), which npm may clean;\n  install it for good (npm install --global hub-setup) and run \`hub-setup schedule\` again\n`,
    );
  }
}

function printPlan(deps: ScheduleDeps, method: Method | undefined): void {
  const { env, warnings } = passedEnv(deps.env);
  for (const warning of warnings) deps.stderr(`hub-setup schedule: ${warning}\n`);
  if (method !== "cron") {
    for (const file of unitFiles(deps, env)) deps.stdout(`# ${file.path}\n${file.text}\n`);
  }
  if (method !== "systemd") deps.stdout(`# crontab line\n${cronLine(deps.self, env, seedOf(deps))}\n`);
}

async function remove(deps: ScheduleDeps, method: Method | undefined): Promise<number> {
  let removed = false;
  if (method !== "cron") removed = (await removeSystemd(deps, await systemdUsable(deps))) || removed;
  if (method !== "systemd") {
    const crontab = await readCrontab(deps);
    if (crontab !== undefined) removed = (await removeCron(deps, crontab)) || removed;
  }
  if (!removed) deps.stdout("No hub-setup schedule is installed: nothing to remove.\n");
  return EXIT.OK;
}

export async function runSchedule(argv: readonly string[], deps: ScheduleDeps): Promise<number> {
  const { values: flags } = parseFlags(SCHEDULE, argv);
  if (flags.help === true) {
    deps.stdout(SCHEDULE.usage);
    return EXIT.OK;
  }
  if (flags.systemd === true && flags.cron === true)
    throw usageError(SCHEDULE, "choose --systemd or --cron, not both");
  if (flags.remove === true && flags.print === true)
    throw usageError(SCHEDULE, "--print shows an install; it cannot be combined with --remove");
  const asked: Method | undefined =
    flags.systemd === true ? "systemd" : flags.cron === true ? "cron" : undefined;

  if (flags.remove === true) return remove(deps, asked);
  if (flags.print === true) {
    printPlan(deps, asked ?? (await detect(deps)));
    return EXIT.OK;
  }
  const method = asked ?? (await detect(deps));
  if (method === undefined) {
    throw new HubSetupError("INTERNAL", "neither a systemd user manager nor crontab is available here", {
      hint: "`hub-setup schedule --print` shows the units and the crontab line to install by hand",
    });
  }
  const { env, warnings } = passedEnv(deps.env);
  for (const warning of warnings) deps.stderr(`hub-setup schedule: ${warning}\n`);
  warnAboutSelf(deps);
  if (method === "systemd") {
    await installSystemd(deps, env);
    return EXIT.OK;
  }
  const crontab = await readCrontab(deps);
  if (crontab === undefined) {
    throw new HubSetupError("INTERNAL", "crontab is not installed here", {
      hint: "try `hub-setup schedule --systemd`",
    });
  }
  await installCron(deps, crontab, cronLine(deps.self, env, seedOf(deps)));
  return EXIT.OK;
}
