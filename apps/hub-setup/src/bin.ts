import { realpathSync } from "node:fs";
import pkg from "../package.json" with { type: "json" };
import { main } from "./main.js";
import type { Io } from "./io.js";
import type { SelfCommand } from "./ports.js";
import { handleSignals, stopAtOnce } from "./signals.js";

/**
 * The only module that touches `process`: every fact a command needs of it (environment, folder,
 * terminals, stdin, its own command line, signals) is read here and passed on in the context.
 */

/**
 * The absolute command that runs this hub-setup: node's own path and the script node was started
 * with, symlinks resolved (node_modules/.bin/hub-setup → …/bin/hub-setup.mjs). Used by `schedule`.
 */
function selfCommand(): SelfCommand {
  const script = process.argv[1] ?? "";
  let resolved = script;
  try {
    resolved = realpathSync(script);
  } catch {
    // Not a file (e.g. `node -e`): keep what we were given.
  }
  return { node: process.execPath, script: resolved };
}

const io: Io = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
  isInteractiveTerminal: Boolean(process.stdin.isTTY && process.stdout.isTTY),
  stdoutIsTerminal: Boolean(process.stdout.isTTY),
  stderrIsInteractiveTerminal: Boolean(process.stdin.isTTY && process.stderr.isTTY),
  stderrStream: process.stderr,
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  },
  stdin: process.stdin,
  self: selfCommand(),
};

const controller = new AbortController();
// The first signal asks the running command to stop. A later one is left to exec's child while it runs
// (it got it from the terminal), so hub-setup never exits before its child; with no child, it exits 130
// (by the signal itself when a file-system call would keep process.exit from returning).
handleSignals(process, controller, { exit: stopAtOnce(process), stderr: io.stderr });

process.exitCode = await main(process.argv.slice(2), {
  io,
  version: pkg.version,
  signal: controller.signal,
  now: () => new Date(),
});
