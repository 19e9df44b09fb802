/**
 * SIGINT and SIGTERM for the whole of hub-setup (bin.ts installs this; nothing else touches `process`).
 *
 * The first signal aborts ctx.signal: the running command stops cleanly (exec passes it on to its
 * child). A later signal is left to the child while `exec` waits on one (the child got it from the
 * terminal, or decides for itself how to stop); with no child running, the command did not stop on the
 * first one, so hub-setup stops at once with 130 rather than leave the user no way out (see stopAtOnce
 * for when that 130 is the signal's own).
 */

let childrenRunning = 0;

/** Called by whoever starts a child hub-setup waits on (adapters/child.ts' spawnChild); returns "it ended". */
export function childStarted(): () => void {
  childrenRunning++;
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    childrenRunning--;
  };
}

export function childRunning(): boolean {
  return childrenRunning > 0;
}

export type SignalSource = { on: (signal: "SIGINT" | "SIGTERM", listener: () => void) => unknown };

export const STOPPED_AT_ONCE = 130;

type Signal = "SIGINT" | "SIGTERM";

/** What stopAtOnce needs of `process`. */
export type ExitingProcess = {
  pid: number;
  getActiveResourcesInfo: () => string[];
  removeAllListeners: (signal: Signal) => unknown;
  kill: (pid: number, signal: Signal) => unknown;
  exit: (code: number) => void;
};

/**
 * Ends the process now, with `code`. process.exit() waits for libuv's file-system threads, so a
 * file-system call that never returns (an open() of a FIFO with no writer, a hung network mount) would
 * make it wait for ever, signals and all. With such a call in flight, the signal is raised again with
 * its default action instead, which ends the process at once (a shell reports 128 + its number: 130
 * for SIGINT, 143 for SIGTERM).
 */
export function stopAtOnce(proc: ExitingProcess): (code: number, signal: Signal) => void {
  return (code, signal) => {
    if (proc.getActiveResourcesInfo().some((kind) => kind.startsWith("FSReq"))) {
      proc.removeAllListeners(signal);
      proc.kill(proc.pid, signal);
    }
    proc.exit(code);
  };
}

export function handleSignals(
  source: SignalSource,
  controller: AbortController,
  options: {
    exit: (code: number, signal: Signal) => void;
    stderr: (text: string) => void;
    childRunning?: () => boolean;
  },
): void {
  const waitingOnChild = options.childRunning ?? childRunning;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    source.on(signal, () => {
      if (!controller.signal.aborted) {
        controller.abort(signal);
        return;
      }
      if (waitingOnChild()) return;
      options.stderr(`\nhub-setup: ${signal} again: stopped at once.\n`);
      options.exit(STOPPED_AT_ONCE, signal);
    });
  }
}
