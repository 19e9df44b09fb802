import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { childRunning, childStarted, handleSignals, stopAtOnce, type ExitingProcess } from "./signals.js";

function installed(childIsRunning?: () => boolean) {
  const source = new EventEmitter();
  const controller = new AbortController();
  const exits: number[] = [];
  const err: string[] = [];
  handleSignals(source, controller, {
    exit: (code) => exits.push(code),
    stderr: (text) => err.push(text),
    ...(childIsRunning === undefined ? {} : { childRunning: childIsRunning }),
  });
  return { source, controller, exits, err };
}

describe("handleSignals", () => {
  it("aborts on the first signal, with the signal as the reason, and does not exit", () => {
    const h = installed(() => false);
    h.source.emit("SIGTERM");
    expect(h.controller.signal.aborted).toBe(true);
    expect(h.controller.signal.reason).toBe("SIGTERM");
    expect(h.exits).toEqual([]);
  });

  it("exits 130 on a second signal when the command ignored the first and no child is running", () => {
    const h = installed(() => false);
    h.source.emit("SIGINT");
    h.source.emit("SIGINT");
    expect(h.exits).toEqual([130]);
    expect(h.err.join("")).toContain("SIGINT again: stopped at once");
  });

  it("leaves later signals to a running child, and exits once it has ended", () => {
    let child = true;
    const h = installed(() => child);
    h.source.emit("SIGINT");
    h.source.emit("SIGINT");
    h.source.emit("SIGTERM");
    expect(h.exits).toEqual([]);
    child = false;
    h.source.emit("SIGINT");
    expect(h.exits).toEqual([130]);
  });

  it("reads the children that spawnChild registers by default", () => {
    const h = installed();
    const ended = childStarted();
    h.source.emit("SIGINT");
    h.source.emit("SIGINT");
    expect(h.exits).toEqual([]);
    ended();
    ended();
    expect(childRunning()).toBe(false);
    h.source.emit("SIGINT");
    expect(h.exits).toEqual([130]);
  });
});

describe("stopAtOnce", () => {
  function fakeProcess(resources: string[]) {
    const calls: string[] = [];
    const proc: ExitingProcess = {
      pid: 4242,
      getActiveResourcesInfo: () => resources,
      removeAllListeners: (signal) => calls.push(`removeAllListeners ${signal}`),
      kill: (pid, signal) => calls.push(`kill ${pid} ${signal}`),
      exit: (code) => void calls.push(`exit ${code}`),
    };
    return { proc, calls };
  }

  it("exits with the code when no file-system call is in flight", () => {
    const { proc, calls } = fakeProcess(["TTYWrap", "Timeout"]);
    stopAtOnce(proc)(130, "SIGINT");
    expect(calls).toEqual(["exit 130"]);
  });

  it("raises the signal again with its default action while a file-system call may never return", () => {
    const { proc, calls } = fakeProcess(["FSReqPromise", "Timeout"]);
    stopAtOnce(proc)(130, "SIGTERM");
    expect(calls).toEqual(["removeAllListeners SIGTERM", "kill 4242 SIGTERM", "exit 130"]);
  });
});
