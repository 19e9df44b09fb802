// The streaming git port `--all` reads blobs through, with real git: output handed over in pieces, and
// every way it can go wrong rejects with nothing of git left running.
import { spawn, type ChildProcess } from "node:child_process";
import { requireTool, tempDir } from "@hub-setup/test-utils";
import { describe, expect, it } from "vitest";
import { streamBlobs } from "../src/source/git-index.js";
import { gitStreamer, type SpawnAsync } from "../src/source/run-git.js";
import { gitEnv, initRepo } from "./support/git-repo.js";

const git = requireTool("git");

/** node's spawn, keeping each child it starts for the test to look at. */
function recordingSpawn(children: ChildProcess[]): () => SpawnAsync {
  const record = ((...args: Parameters<SpawnAsync>) => {
    const child = (spawn as (...a: Parameters<SpawnAsync>) => ChildProcess)(...args);
    children.push(child);
    return child;
  }) as SpawnAsync;
  return () => record;
}

const ended = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode != null || child.signalCode != null) resolve();
    else child.once("exit", () => resolve());
  });

describe.skipIf(!git.available)("gitStreamer, with real git", () => {
  it("hands over cat-file's output in pieces that make up all of it", async () => {
    const repo = initRepo(tempDir());
    const content = "[galaxy]\n".repeat(20_000);
    repo.write("ansible.cfg", content);
    repo.git("add", "-A");
    const [id = ""] = repo.git("ls-files", "-s").split(" ").slice(1);
    const missing = "0".repeat(40);
    const seen: [string, string | undefined][] = [];
    const stream = gitStreamer(repo.dir, repo.env, () => spawn);
    await streamBlobs(stream, [id, missing, id], (oid, bytes) => seen.push([oid, bytes?.toString("utf8")]));
    expect(seen).toEqual([
      [id, content],
      [missing, undefined],
    ]);
  });

  it("rejects with git's message when git exits non-zero", async () => {
    const dir = tempDir();
    const stream = gitStreamer(dir, { ...gitEnv(dir), GIT_CEILING_DIRECTORIES: dir }, () => spawn);
    await expect(stream(["cat-file", "--batch"], "x\n", () => undefined)).rejects.toMatchObject({
      code: "USAGE",
      message: expect.stringMatching(/^not a git repository/) as unknown,
    });
  });

  it("says to install git when it cannot be started", async () => {
    const dir = tempDir();
    const stream = gitStreamer(dir, { PATH: `${dir}/no-git-here` }, () => spawn);
    await expect(stream(["cat-file", "--batch"], "x\n", () => undefined)).rejects.toMatchObject({
      code: "USAGE",
      message: expect.stringMatching(/^cannot run git: /) as unknown,
      hint: "install git",
    });
  });

  it("stops git when a piece cannot be read, rather than leaving it running", async () => {
    const repo = initRepo(tempDir());
    repo.write("big.txt", "x".repeat(100_000));
    repo.git("add", "-A");
    const [id = ""] = repo.git("ls-files", "-s").split(" ").slice(1);
    const children: ChildProcess[] = [];
    const stream = gitStreamer(repo.dir, repo.env, recordingSpawn(children));
    // 2 GB of output if git were let run: it is still writing when the first piece throws.
    const reading = stream(["cat-file", "--batch"], `${id}\n`.repeat(20_000), () => {
      throw new Error("cannot read this");
    });
    await expect(reading).rejects.toThrow("cannot read this");
    const [child] = children;
    if (child === undefined) throw new Error("git was not started");
    await ended(child);
    expect(child.signalCode).toBe("SIGTERM");
  });
});
