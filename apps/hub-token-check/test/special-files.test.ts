// Only regular files are read: a FIFO (or a device) named ansible.cfg would block the read for ever.
// The built command gets a clear note and exits; and a signal always stops it.
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { requireTool, tempDir } from "@hub-setup/test-utils";
import { describe, expect, it } from "vitest";
import { EXIT } from "../src/exit-codes.js";

const bin = fileURLToPath(new URL("../bin/hub-token-check.cjs", import.meta.url));
const mkfifo = requireTool("mkfifo");

describe("files that are not regular files", () => {
  it.skipIf(!mkfifo.available)("a FIFO named ansible.cfg is skipped with a note, at once", () => {
    const dir = tempDir("hub-token-check-fifo-");
    expect(spawnSync("mkfifo", [join(dir, "ansible.cfg")]).status).toBe(0);
    const run = spawnSync(process.execPath, [bin, "ansible.cfg"], {
      cwd: dir,
      encoding: "utf8",
      timeout: 10_000,
      killSignal: "SIGKILL",
    });
    expect(run.signal, "the checker hung on the FIFO").toBeNull();
    expect(run.status, run.stderr).toBe(EXIT.CLEAN);
    expect(run.stdout).toContain("ansible.cfg: skipped: not a regular file (a FIFO)");
  });

  it("a directory named ansible.cfg is skipped with a note", () => {
    const dir = tempDir("hub-token-check-dir-");
    spawnSync("mkdir", [join(dir, "ansible.cfg")]);
    const run = spawnSync(process.execPath, [bin, "ansible.cfg"], {
      cwd: dir,
      encoding: "utf8",
      timeout: 10_000,
    });
    expect(run.status, run.stderr).toBe(EXIT.CLEAN);
    expect(run.stdout).toContain("ansible.cfg: skipped: a directory, not a file");
  });

  it("SIGTERM stops the checker while it waits on git", async () => {
    const dir = tempDir("hub-token-check-sigterm-");
    const fakeGit = join(dir, "git");
    writeFileSync(fakeGit, "#!/bin/sh\nexec sleep 5\n");
    chmodSync(fakeGit, 0o755);
    const child = spawn(process.execPath, [bin], {
      cwd: dir,
      env: { PATH: `${dir}:/usr/bin:/bin` },
      stdio: "ignore",
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const started = Date.now();
    child.kill("SIGTERM");
    const [code, signal] = await new Promise<[number | null, string | null]>((resolve) =>
      child.on("exit", (c, s) => resolve([c, s])),
    );
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(code == null ? signal : code).not.toBe(EXIT.CLEAN);
  });
});
