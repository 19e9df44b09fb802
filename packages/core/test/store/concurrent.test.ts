import { spawn } from "node:child_process";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { decode } from "ini";
import { describe, expect, it } from "vitest";
import { tempDir } from "@hub-setup/test-utils";
import { openSecretStore } from "../../src/node/store/index.js";

const dist = fileURLToPath(new URL("../../dist/node/index.js", import.meta.url));
const writer = fileURLToPath(new URL("../support-token/store-writer.mjs", import.meta.url));
const PER_WRITER = 20;

type Writer = { ready: Promise<void>; go: () => void; stop: () => void; done: Promise<Finished> };
type Finished = { code: number | null; out: string; err: string };

/** Starts one writer; `ready` settles when it printed "ready" (or rejects if it ended first). */
function startWriter(args: string[], env: NodeJS.ProcessEnv): Writer {
  const child = spawn(process.execPath, [writer, ...args], { env, stdio: ["pipe", "pipe", "pipe"] });
  let out = "";
  let err = "";
  let markReady = (): void => undefined;
  let failReady = (_e: Error): void => undefined;
  const ready = new Promise<void>((resolve, reject) => {
    markReady = resolve;
    failReady = reject;
  });
  ready.catch(() => undefined); // handled where awaited; a late rejection after a failed start is no news
  child.stdout.on("data", (d: Buffer) => {
    out += d.toString();
    if (out.startsWith("ready\n")) markReady();
  });
  child.stderr.on("data", (d: Buffer) => (err += d.toString()));
  const timer = setTimeout(() => child.kill("SIGKILL"), 20_000); // a hung writer must not hang the test
  const done = new Promise<Finished>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      failReady(new Error(`writer ${args[0] ?? ""} ended before it was ready (${code}): ${err}`));
      resolve({ code, out, err });
    });
  });
  return {
    ready,
    done,
    go: () => child.stdin.end("go\n"),
    stop: () => child.stdin.end(), // stdin closed without "go": the writer exits
  };
}

describe("the file store written by several processes at once", () => {
  it("stays valid INI, mode 0600, and keeps every entry from every writer", async () => {
    expect(
      existsSync(dist),
      `build core first: npx turbo run build --filter=@hub-setup/core (${dist} is missing)`,
    ).toBe(true);
    const xdg = tempDir();
    const env = { ...process.env, XDG_CONFIG_HOME: xdg };
    const writers = ["alpha", "bravo", "charlie"];
    const children = writers.map((w) => startWriter([w, String(PER_WRITER)], env));
    // A real start barrier: nobody writes until every writer is up and waiting, however slow the machine.
    try {
      await Promise.all(children.map((c) => c.ready));
    } catch (e) {
      for (const c of children) c.stop();
      throw e;
    }
    for (const c of children) c.go();
    const results = await Promise.all(children.map((c) => c.done));
    const waits: number[] = [];
    for (const r of results) {
      expect(r.err).toBe("");
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/^ready\ndone \d+\n$/);
      waits.push(Number(/done (\d+)/.exec(r.out)?.[1]));
    }
    const dir = join(xdg, "hub-setup");
    const file = join(dir, "credentials");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const parsed = decode(readFileSync(file, "utf8")) as { tokens: Record<string, string> };
    expect(Object.keys(parsed.tokens)).toHaveLength(writers.length * PER_WRITER);
    const store = await openSecretStore({ env: { XDG_CONFIG_HOME: xdg }, backend: "file" });
    for (const w of writers) {
      for (let i = 0; i < PER_WRITER; i++)
        expect(await store.get(`${w}_${i}`)).toBe(`${w}-token-${i}-${"x".repeat(40)}`);
    }
    // No lock or temp file is left behind.
    expect(readdirSync(dir).sort()).toEqual(["credentials"]);
    // The writers really overlapped: some set() found another writer holding the lock and waited. Without
    // that, the test above would pass even with no lock at all.
    console.info(`concurrent store: lock waits per writer ${waits.join(", ")}`);
    expect(
      waits.reduce((a, b) => a + b, 0),
      "lock waits over all writers",
    ).toBeGreaterThan(0);
  });
});
