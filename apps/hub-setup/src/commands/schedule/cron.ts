import { HubSetupError } from "@hub-setup/core";
import type { ScheduleDeps } from "./deps.js";
import { crontabHasLine, crontabWith, crontabWithout, CRON_MARKER } from "./units.js";

/** The user's crontab, "" when they have none; undefined when crontab is not installed. */
export async function readCrontab(deps: ScheduleDeps): Promise<string | undefined> {
  const result = await deps.run("crontab", ["-l"]);
  if (result.code === 127) return undefined;
  if (result.code === 0) return result.stdout;
  if (/no crontab/i.test(result.stderr)) return "";
  throw new HubSetupError("INTERNAL", `\`crontab -l\` failed: ${result.stderr.trim()}`, {
    hint: "check that cron lets you have a crontab (cron.allow / cron.deny)",
  });
}

async function writeCrontab(deps: ScheduleDeps, text: string): Promise<void> {
  // crontab installs the whole table at once from stdin: either the old one or the new one is in place.
  const result = await deps.run("crontab", ["-"], text);
  if (result.code !== 0) {
    throw new HubSetupError("INTERNAL", `\`crontab -\` failed: ${result.stderr.trim()}`);
  }
}

export const CRON_HOW_TO_WATCH = `  see it:    crontab -l
  its log:   cron mails what a job prints to you; with --quiet only failures print. On systemd
             machines also: journalctl -t CRON (or -u cron).
`;

export async function installCron(deps: ScheduleDeps, existing: string, line: string): Promise<void> {
  if (crontabHasLine(existing, line)) {
    deps.stdout(`The crontab line is already installed and unchanged:\n  ${line}\n${CRON_HOW_TO_WATCH}`);
    return;
  }
  await writeCrontab(deps, crontabWith(existing, line));
  deps.stdout(
    `Added a crontab line that runs \`hub-setup refresh --quiet\` daily:\n  ${line}\n${CRON_HOW_TO_WATCH}`,
  );
}

/** True when there was a line of ours to remove. */
export async function removeCron(deps: ScheduleDeps, existing: string): Promise<boolean> {
  if (!existing.includes(CRON_MARKER)) return false;
  await writeCrontab(deps, crontabWithout(existing));
  deps.stdout("Removed the hub-setup line from your crontab.\n");
  return true;
}
