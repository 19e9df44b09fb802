import { describe, expect, it } from "vitest";
import { prefetchGit, type GitRunner } from "./run-git.js";

function recordingGit(): { git: GitRunner; calls: Array<{ args: readonly string[]; input?: string }> } {
  const calls: Array<{ args: readonly string[]; input?: string }> = [];
  const git: GitRunner = (args, input) => {
    calls.push(input === undefined ? { args } : { args, input });
    return Promise.resolve(Buffer.from(`run ${calls.length}: ${args.join(" ")}`));
  };
  return { git, calls };
}

describe("prefetchGit", () => {
  it("starts the call at once and answers the first same call from it, then runs git again", async () => {
    const { git, calls } = recordingGit();
    const runner = prefetchGit(git, ["diff", "--cached"]);
    expect(calls).toEqual([{ args: ["diff", "--cached"] }]);
    expect((await runner(["diff", "--cached"])).toString()).toBe("run 1: diff --cached");
    expect(calls).toHaveLength(1);
    expect((await runner(["diff", "--cached"])).toString()).toBe("run 2: diff --cached");
  });

  it("passes other calls (other arguments, or with input) through to git", async () => {
    const { git, calls } = recordingGit();
    const runner = prefetchGit(git, ["diff", "--cached"]);
    expect((await runner(["rev-parse", "--git-dir"])).toString()).toBe("run 2: rev-parse --git-dir");
    expect((await runner(["diff", "--cached"], "x\n")).toString()).toBe("run 3: diff --cached");
    expect((await runner(["diff"])).toString()).toBe("run 4: diff");
    expect(calls.map((c) => c.args.join(" "))).toEqual([
      "diff --cached",
      "rev-parse --git-dir",
      "diff --cached",
      "diff",
    ]);
    expect((await runner(["diff", "--cached"])).toString()).toBe("run 1: diff --cached");
  });

  it("hands a failure to whoever asks, and leaves no unhandled rejection when nobody does", async () => {
    const failing: GitRunner = () => Promise.reject(new Error("not a git repository"));
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    try {
      prefetchGit(failing, ["diff"]);
      const asked = prefetchGit(failing, ["diff"]);
      await expect(asked(["diff"])).rejects.toThrow("not a git repository");
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
  });
});
