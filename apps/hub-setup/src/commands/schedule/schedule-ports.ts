import type { SelfCommand } from "./units.js";

/** A finished external command; code 127 when it is not installed. */
export type RunResult = { code: number; stdout: string; stderr: string };

/** Runs systemctl or crontab without a shell; `input` is written to its stdin. */
export type CommandRunner = (command: string, args: readonly string[], input?: string) => Promise<RunResult>;

/** The few file operations schedule needs; writes are atomic (temp file + rename) and create folders. */
export type ScheduleFiles = {
  read: (path: string) => Promise<string | undefined>;
  writeAtomic: (path: string, text: string) => Promise<void>;
  remove: (path: string) => Promise<void>;
};

export type ScheduleDeps = {
  env: Readonly<Record<string, string | undefined>>;
  home: string;
  /** The absolute command that runs this hub-setup (see schedule-units.ts). */
  self: SelfCommand;
  files: ScheduleFiles;
  run: CommandRunner;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
};
