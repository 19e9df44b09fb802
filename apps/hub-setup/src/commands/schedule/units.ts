import type { SelfCommand } from "../../ports.js";
/**
 * What `hub-setup schedule` installs: a systemd user service + timer, or a crontab line, that runs
 * `hub-setup refresh --quiet`. Pure text generation; schedule-run.ts writes it.
 */
import { quoteSh } from "../../shell/quote.js";

export const UNIT_NAME = "hub-setup-refresh";
export const SERVICE_FILE = `${UNIT_NAME}.service`;
export const TIMER_FILE = `${UNIT_NAME}.timer`;
/** Ends every crontab line we own: how --remove and a re-install find it. */
export const CRON_MARKER = "# hub-setup-refresh (managed by `hub-setup schedule`)";

/** The command `schedule` ran as: node's own path and hub-setup's script (the fallback below). */
export type { SelfCommand };

/** Variables copied into the unit or the crontab line, because refresh needs them to find things. */
export type PassedEnv = ReadonlyArray<readonly [name: string, value: string]>;

/**
 * How the job finds hub-setup, in sh (one line: a unit's ExecStart has no newlines): `hub-setup` on
 * PATH (a global install, upgraded or reinstalled in place), else the script `schedule` ran as, by the
 * node it ran with or by node on PATH. Found nowhere, the job fails (exit 127) with one line that says
 * what to do: never a silent pass that lets the token die after 30 idle days. Arguments: $0 is a name
 * for messages, $1 the recorded node, $2 the recorded script, then refresh's own.
 */
export const FIND_AND_RUN = [
  'node="$1"; script="$2"; shift 2',
  'if command -v hub-setup >/dev/null 2>&1; then exec hub-setup "$@"; fi',
  'if [ -f "$script" ]; then if [ -x "$node" ]; then exec "$node" "$script" "$@"; fi; if command -v node >/dev/null 2>&1; then exec node "$script" "$@"; fi; fi',
  'echo "hub-setup: not on PATH nor at $script: reinstall it (npm install -g hub-setup), or remove this job (hub-setup schedule --remove)" >&2',
  "exit 127",
].join("; ");

function refreshArgv(self: SelfCommand): string[] {
  return ["/bin/sh", "-c", FIND_AND_RUN, "hub-setup", self.node, self.script, "refresh", "--quiet"];
}

/** systemd: `%` starts a specifier and `$` a variable, so both are doubled; quotes protect spaces. */
export function systemdQuote(word: string): string {
  const escaped = word.replaceAll("%", "%%").replaceAll("$", () => "$$");
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(escaped)) return escaped;
  return `"${escaped.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`;
}

export function systemdService(self: SelfCommand, env: PassedEnv): string {
  const environment = env.map(([k, v]) => `Environment=${systemdQuote(`${k}=${v}`)}\n`).join("");
  return `# Written by \`hub-setup schedule\`; \`hub-setup schedule --remove\` deletes it.
[Unit]
Description=Keep Red Hat Automation Hub offline tokens alive (hub-setup refresh)

[Service]
Type=oneshot
${environment}ExecStart=${refreshArgv(self).map(systemdQuote).join(" ")}
`;
}

/**
 * Weekly: four chances inside the 30-day idle window. Persistent=true runs a missed week at the next
 * boot or login; RandomizedDelaySec spreads the requests to Red Hat SSO over the day.
 */
export function systemdTimer(): string {
  return `# Written by \`hub-setup schedule\`; \`hub-setup schedule --remove\` deletes it.
[Unit]
Description=Run hub-setup refresh weekly

[Timer]
OnCalendar=weekly
Persistent=true
RandomizedDelaySec=6h

[Install]
WantedBy=timers.target
`;
}

/** cron hands everything after the fifth field to sh, except that an unescaped `%` ends the command. */
function cronWord(word: string): string {
  return quoteSh(word).replaceAll("%", "\\%");
}

/** A minute and hour that differ between users but stay the same for one, within working hours. */
export function cronTime(seed: string): { minute: number; hour: number } {
  let h = 0;
  for (const ch of seed) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return { minute: h % 60, hour: 9 + (Math.floor(h / 60) % 9) };
}

/**
 * Daily, not weekly: cron has no catch-up for a machine that was off, so a daily run at a fixed time
 * keeps a laptop inside the 30-day window. The refresh itself is one small request.
 */
export function cronLine(self: SelfCommand, env: PassedEnv, seed: string): string {
  const { minute, hour } = cronTime(seed);
  const assignments = env.map(([k, v]) => `${k}=${cronWord(v)} `).join("");
  return `${minute} ${hour} * * * ${assignments}${refreshArgv(self).map(cronWord).join(" ")} ${CRON_MARKER}`;
}

/** The crontab with our line in place of any earlier one of ours; everything else kept as it was. */
export function crontabWith(existing: string, line: string): string {
  const kept = crontabWithout(existing);
  return `${kept}${kept === "" || kept.endsWith("\n") ? "" : "\n"}${line}\n`;
}

export function crontabWithout(existing: string): string {
  return existing
    .split(/(?<=\n)/)
    .filter((l) => !l.includes(CRON_MARKER))
    .join("");
}

export function crontabHasLine(existing: string, line: string): boolean {
  return existing.split("\n").includes(line);
}
