import pkg from "../package.json" with { type: "json" };
import { main } from "./main.js";
import type { Io } from "./io.js";
import { handleSignals } from "./signals.js";

// The only module that touches `process`.
const io: Io = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
  isInteractiveTerminal: Boolean(process.stdin.isTTY && process.stdout.isTTY),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  },
};

const controller = new AbortController();
// The first signal asks the running command to stop. A later one is left to exec's child while it runs
// (it got it from the terminal), so hub-setup never exits before its child; with no child, it exits 130.
handleSignals(process, controller, { exit: (code) => process.exit(code), stderr: io.stderr });

process.exitCode = await main(process.argv.slice(2), {
  io,
  version: pkg.version,
  signal: controller.signal,
  now: () => new Date(),
});
