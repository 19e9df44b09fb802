import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { childRunning, childStarted, handleSignals } from "./signals.js";

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
