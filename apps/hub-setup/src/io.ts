import type { Env, SelfCommand } from "./ports.js";

/**
 * What a command may touch of the outside world's streams and process facts. bin.ts builds the real
 * one (it is the only module that reads `process`); tests build theirs with test/support/io.ts.
 */
export type Io = {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Env;
  cwd: string;
  /** stdin and stdout are both terminals: prompting is possible. */
  isInteractiveTerminal: boolean;
  /** stdout is a terminal (`env` warns that the tokens land on screen). */
  stdoutIsTerminal: boolean;
  /** stdin and stderr are both terminals: `env` (whose stdout a shell evaluates) may ask on stderr. */
  stderrIsInteractiveTerminal: boolean;
  /** The stream questions go to when stdout is not theirs (process.stderr). */
  stderrStream: NodeJS.WritableStream;
  /** Reads all of stdin (for --token-stdin). */
  readStdin: () => Promise<string>;
  /** The stream the prompts read keys from (process.stdin). */
  stdin: NodeJS.ReadableStream;
  /** The absolute command that runs this hub-setup (`schedule` writes it into the job). */
  self: SelfCommand;
};
