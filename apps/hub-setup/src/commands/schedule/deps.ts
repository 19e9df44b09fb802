import type { CommandRunner, Env, ScheduleFiles, SelfCommand } from "../../ports.js";

/** What `schedule` needs: where the user's files are, this hub-setup's command, and the machine. */
export type ScheduleDeps = {
  env: Env;
  home: string;
  /** The absolute command that runs this hub-setup (see units.ts). */
  self: SelfCommand;
  files: ScheduleFiles;
  run: CommandRunner;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
};
