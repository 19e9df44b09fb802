// `--all` reads `git cat-file --batch` as git writes it and scans each blob as soon as it is whole. With
// fakes for git (the GitRunner and GitStreamer ports): however the output is cut into pieces, the
// report is the same, in index order; a failing, absent or cut-short git rejects.
import { HubSetupError } from "@hub-setup/core";
import { describe, expect, it } from "vitest";
import { EXIT } from "../src/exit-codes.js";
import { main } from "../src/main.js";
import type { GitRunner, GitStreamer } from "../src/source/run-git.js";
import { fakeHubToken, fakeOfflineToken } from "./support/fake-tokens.js";
import { memoryIo } from "./support/memory-io.js";

const oid = (c: string) => c.repeat(40);
const leaky = (token: string) => `[galaxy_server.a]\nurl = https://hub.example.com/\ntoken = ${token}\n`;
const BLOBS = new Map<string, Buffer>([
  [oid("a"), Buffer.from(leaky(fakeHubToken("streamed")))],
  [oid("b"), Buffer.from(`[galaxy]\n# caf\xe9\n${leaky(fakeOfflineToken("streamed"))}`, "latin1")],
  [oid("c"), Buffer.from("# docs\nnothing to see\n")],
  [oid("d"), Buffer.concat([Buffer.from("89504e470d0a1a0a0000000d49484452", "hex"), Buffer.alloc(30, 7)])],
]);
/** Index order: two paths share a blob, a symbolic link, a missing blob, a binary, a submodule. */
const INDEX: [mode: string, oid: string, path: string][] = [
  ["100644", oid("a"), "z/ansible.cfg"],
  ["120000", oid("e"), "link.cfg"],
  ["100644", oid("f"), "gone.cfg"],
  ["100644", oid("b"), "hubs.ini"],
  ["100644", oid("c"), "README.md"],
  ["160000", oid("1"), "submodule"],
  ["100644", oid("d"), "logo.png"],
  ["100644", oid("a"), "a copy/ansible.cfg"],
];

const fakeGit: GitRunner = (args) => {
  if (args[0] === "rev-parse") return Promise.resolve(Buffer.from(".git\n"));
  if (args[0] !== "ls-files") return Promise.reject(new Error(`unexpected git ${args.join(" ")}`));
  return Promise.resolve(Buffer.from(INDEX.map(([mode, id, path]) => `${mode} ${id} 0\t${path}\0`).join("")));
};

/** What `git cat-file --batch` writes for the ids on its stdin. */
function batchOutput(input: string): Buffer {
  const ids = input.split("\n").filter((id) => id !== "");
  return Buffer.concat(
    ids.map((id) => {
      const blob = BLOBS.get(id);
      if (blob === undefined) return Buffer.from(`${id} missing\n`);
      return Buffer.concat([Buffer.from(`${id} blob ${blob.length}\n`), blob, Buffer.from("\n")]);
    }),
  );
}

/** A streamer that writes the batch output in pieces cut at `cuts`, or cut short at `stopAt`. */
function fakeStream(split: (output: Buffer) => Buffer[]): GitStreamer & { calls: string[][] } {
  const calls: string[][] = [];
  const stream = (args: readonly string[], input: string, onChunk: (chunk: Buffer) => void) => {
    calls.push([...args]);
    for (const piece of split(batchOutput(input))) onChunk(piece);
    return Promise.resolve();
  };
  return Object.assign(stream, { calls });
}

async function checkAll(gitStream: GitStreamer) {
  const io = memoryIo({ cwd: "/nowhere" });
  const code = await main(["--all", "--format", "json"], {
    io,
    version: "0",
    ports: { git: fakeGit, gitStream },
  });
  return { code, out: io.out.join(""), err: io.err.join("") };
}

describe("--all, streamed", () => {
  it("reports every entry in index order, each path of a shared blob judged", async () => {
    const stream = fakeStream((output) => [output]);
    const r = await checkAll(stream);
    expect(r.code).toBe(EXIT.FINDINGS);
    expect(stream.calls).toEqual([["cat-file", "--batch", "--buffer"]]);
    const json = JSON.parse(r.out) as { findings: { path: string; line: number }[]; skipped: unknown[] };
    expect(json.findings.map((f) => [f.path, f.line])).toEqual([
      ["z/ansible.cfg", 3],
      ["hubs.ini", 5],
      ["a copy/ansible.cfg", 3],
    ]);
    expect(json.skipped).toEqual([
      { path: "link.cfg", reason: "a symbolic link (its target is checked where it is tracked)" },
      { path: "gone.cfg", reason: "unreadable (its blob is missing)" },
      { path: "logo.png", reason: "binary (a PNG image)" },
    ]);
    expect(r.out).not.toContain(fakeHubToken("streamed"));
  });

  it("gives the same report whatever offsets git's output is split at", async () => {
    const whole = await checkAll(fakeStream((output) => [output]));
    const length = batchOutput(`${[...BLOBS.keys(), oid("f")].join("\n")}\n`).length;
    for (let at = 0; at <= length; at++) {
      const r = await checkAll(fakeStream((output) => [output.subarray(0, at), output.subarray(at)]));
      expect(r, `split at ${at}`).toEqual(whole);
    }
    // Many random pieces (seeded), down to single bytes.
    let seed = 12;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 50; round++) {
      const r = await checkAll(
        fakeStream((output) => {
          const pieces: Buffer[] = [];
          for (let at = 0; at < output.length;) {
            const size = 1 + Math.floor(random() * (round % 2 === 0 ? 4 : 200));
            pieces.push(output.subarray(at, at + size));
            at += size;
          }
          return pieces;
        }),
      );
      expect(r, `round ${round}`).toEqual(whole);
    }
  });

  it("fails with git's message when git fails, and says to install git when it cannot run", async () => {
    const failing: GitStreamer = () => Promise.reject(new HubSetupError("USAGE", "bad object"));
    expect(await checkAll(failing)).toEqual({
      code: EXIT.ERROR,
      out: "",
      err: "hub-token-check: bad object\n",
    });
    const absent: GitStreamer = () =>
      Promise.reject(new HubSetupError("USAGE", "cannot run git: spawn git ENOENT", { hint: "install git" }));
    expect((await checkAll(absent)).err).toBe(
      "hub-token-check: cannot run git: spawn git ENOENT\n  install git\n",
    );
  });

  it("fails, rather than reporting a partial scan, when git's output stops early", async () => {
    const blobEnd = (output: Buffer) => output.indexOf(`${oid("b")} blob`);
    for (const cut of [
      (o: Buffer) => blobEnd(o),
      (o: Buffer) => blobEnd(o) + 50,
      (o: Buffer) => o.length - 1,
    ]) {
      const r = await checkAll(fakeStream((output) => [output.subarray(0, cut(output))]));
      expect(r.code).toBe(EXIT.ERROR);
      expect(r.out).toBe("");
      expect(r.err).toMatch(
        /^hub-token-check: the scan could not run: git cat-file --batch (stopped after|gave output that stops inside)/,
      );
    }
  });
});
