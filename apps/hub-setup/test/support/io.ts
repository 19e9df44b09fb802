import { PassThrough, Readable } from "node:stream";
import { memoryIo as genericMemoryIo } from "@hub-setup/test-utils";
import type { Io } from "../../src/io.js";

/**
 * hub-setup's Io for tests: what a command printed is kept in `out`/`err`; by default no terminal, an
 * empty environment and stdin, folder "/". Each test overrides what it needs.
 */
export function memoryIo(overrides: Partial<Io> = {}) {
  const defaults: Omit<Io, "stdout" | "stderr"> = {
    env: {},
    cwd: "/",
    isInteractiveTerminal: false,
    stdoutIsTerminal: false,
    stderrIsInteractiveTerminal: false,
    stderrStream: new PassThrough(),
    readStdin: () => Promise.resolve(""),
    stdin: Readable.from([]),
    self: { node: "/usr/bin/node", script: "/opt/hub-setup/bin/hub-setup.mjs" },
  };
  return genericMemoryIo(defaults, overrides);
}
