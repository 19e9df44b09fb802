import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, lstatSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "@hub-setup/test-utils";
import { writeFileAtomic } from "../../src/node/files/index.js";

// A child process writing ansible.cfg with our writeFileAtomic is SIGKILLed at many different moments, again
// and again. After every kill the file must be a whole version (never partial, never a mix), never older
// than before, and must be the config itself (a regular file), not a temp file.
const here = dirname(fileURLToPath(import.meta.url));
const built = join(here, "..", "..", "dist", "node", "index.js");
const ITERATIONS = 50;
/** Kill delay after the writer is ready: 0…39 ms, each once per 40 kills, in a fixed scattered order. */
const killDelayMs = (i: number): number => (i * 7) % 40;

/** Version number of a whole file, or an explanation of why it is not whole. */
function wholeVersion(text: string): number | string {
  const m = /^# sha256 ([0-9a-f]{64})\n$/m.exec(text);
  if (m == null || m.index + m[0].length !== text.length) return "no trailing checksum line";
  const body = text.slice(0, m.index);
  if (createHash("sha256").update(body).digest("hex") !== m[1]) return "checksum does not match the content";
  return Number(/^# version (\d+)\n/.exec(body)?.[1] ?? Number.NaN);
}

function runAndKill(path: string, start: number, delayMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(here, "writer.mjs"), path, String(start)], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.stdout.once("data", () => setTimeout(() => child.kill("SIGKILL"), delayMs));
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      signal === "SIGKILL" ? resolve() : reject(new Error(`writer exited ${code}: ${stderr}`)),
    );
  });
}

describe("writeFileAtomic under SIGKILL", () => {
  beforeAll(() => {
    if (!existsSync(built)) {
      throw new Error(
        `${built} is missing: build core first (npx turbo run build --filter=@hub-setup/core); npm test does`,
      );
    }
  });

  it(`leaves the old or the new content after each of ${ITERATIONS} kills, never a partial file`, async () => {
    const dir = tempDir();
    const path = join(dir, "ansible.cfg");
    const { version } = (await import(join(here, "writer.mjs"))) as { version: (n: number) => string };
    writeFileSync(path, version(0));
    let last = 0;
    let killedMidWrite = 0;
    let start = 1;
    for (let i = 0; i < ITERATIONS; i++) {
      await runAndKill(path, start, killDelayMs(i));
      expect(lstatSync(path).isFile()).toBe(true);
      const now = wholeVersion(readFileSync(path, "utf8"));
      expect(now, `after kill ${i}`).toBeTypeOf("number");
      expect(now as number).toBeGreaterThanOrEqual(last);
      last = now as number;
      if (existsSync(`${path}.bak`))
        expect(wholeVersion(readFileSync(`${path}.bak`, "utf8"))).toBeTypeOf("number");
      if (readdirSync(dir).some((n) => n.includes(".hub-setup-tmp-"))) killedMidWrite++;
      start = last + 1_000_000 * (i + 1); // every child writes versions no earlier child wrote
    }
    // Kills landed inside writes (a temp file was left), which is what this test is about.
    expect(killedMidWrite).toBeGreaterThan(0);
    // The next write takes over the dead writer's lock and sweeps its temp files.
    await writeFileAtomic(path, version(last + 1), { lockWaitMs: 5_000 });
    expect(wholeVersion(readFileSync(path, "utf8"))).toBe(last + 1);
    expect(readdirSync(dir).sort()).toEqual(["ansible.cfg", "ansible.cfg.bak"]);
    console.info(
      `crash test: ${ITERATIONS} kills at (i*7)%40 ms after ready, ${killedMidWrite} mid-write; file always whole`,
    );
  }, 60_000);
});
