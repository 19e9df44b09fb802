import type { CommandRunner, RunResult } from "../../src/ports.js";

/**
 * Stand-ins for systemctl and crontab: a user manager that is up or not, and a crontab held in memory.
 * Every call is recorded; a command the fake does not know fails the test.
 */
export type FakeMachine = {
  run: CommandRunner;
  calls: string[];
  crontab: () => string | undefined;
};

/** crontab: the table's text, "none" (installed, the user has no table) or "not-installed". */
export function fakeMachine(opts: { systemd?: boolean; crontab?: string }): FakeMachine {
  const calls: string[] = [];
  let table: string | undefined =
    opts.crontab === undefined || opts.crontab === "not-installed" || opts.crontab === "none"
      ? undefined
      : opts.crontab;
  const cronInstalled = opts.crontab !== undefined && opts.crontab !== "not-installed";
  const ok = (stdout = ""): RunResult => ({ code: 0, stdout, stderr: "" });
  const run: CommandRunner = async (command, args, input) => {
    calls.push([command, ...args].join(" "));
    if (command === "systemctl") {
      if (opts.systemd !== true)
        return { code: 1, stdout: "", stderr: "Failed to connect to bus: No medium found" };
      if (args[0] !== "--user") throw new Error(`systemctl without --user: ${args.join(" ")}`);
      return ok(args[1] === "show-environment" ? "HOME=/home/test\n" : "");
    }
    if (command === "crontab") {
      if (!cronInstalled) return { code: 127, stdout: "", stderr: "spawn crontab ENOENT" };
      if (args[0] === "-l")
        return table === undefined ? { code: 1, stdout: "", stderr: "no crontab for test\n" } : ok(table);
      if (args[0] === "-") {
        table = input ?? "";
        return ok();
      }
    }
    throw new Error(`unexpected command: ${command} ${args.join(" ")}`);
  };
  return { run, calls, crontab: () => table };
}
