// writePrivateAtomic's temp file holds the tokens: when writing it fails it must go (here EFBIG under
// `ulimit -f`, as ENOSPC on a full disk), and one left by a writer that died is swept by the next write.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { mintHubToken, tempDir } from "@hub-setup/test-utils";
import { openSecretStore } from "../../src/node/store/index.js";
import { builtModule, runWithFileSizeLimit } from "../support-files/file-size-limit.js";

const DEAD_PID = 2 ** 22 + 12345; // above pid_max on Linux: never a live process

describe("writePrivateAtomic's temp file", () => {
  it("is removed when writing it fails, and the file keeps its old content", () => {
    const dir = tempDir();
    const path = join(dir, "credentials");
    writeFileSync(path, "[tokens]\nold = x\n", { mode: 0o600 });
    const printed = runWithFileSizeLimit(
      1, // 512 bytes: the 4 KiB content cannot be written
      `const { writePrivateAtomic } = await import(${JSON.stringify(builtModule("node/store/private-files.js"))});
       await writePrivateAtomic(process.argv[1], "[tokens]\\nnew = " + "y".repeat(4096) + "\\n").then(
         () => console.log("written"),
         (e) => console.log("failed " + e.code),
       );`,
      [path],
    );
    expect(printed).toBe("failed EFBIG");
    expect(readdirSync(dir)).toEqual(["credentials"]);
    expect(readFileSync(path, "utf8")).toBe("[tokens]\nold = x\n");
  });

  it("left by a dead writer is swept by the next write; a live writer's and other files stay", async () => {
    const xdg = tempDir();
    const env = { XDG_CONFIG_HOME: xdg, HOME: "/nonexistent" };
    const store = await openSecretStore({ env, backend: "file" });
    await store.set("first", mintHubToken());
    const dir = join(xdg, "hub-setup");
    const dead = `.credentials.${DEAD_PID}.0123abcd.tmp`;
    const live = `.credentials.${process.ppid}.0123abcd.tmp`; // the test runner: alive
    const others = [".credentials.notes.tmp", `.state.ini.${DEAD_PID}.0123abcd.tmp`, "credentials.bak"];
    for (const name of [dead, live, ...others])
      writeFileSync(join(dir, name), "[tokens]\nx = half a fi", { mode: 0o600 });
    await store.set("second", mintHubToken());
    const left = readdirSync(dir);
    expect(left).not.toContain(dead);
    expect(left).toContain(live);
    for (const name of others) expect(left).toContain(name);
    expect(await store.list()).toEqual(["first", "second"]);
  });
});
