// When writing the temp lock itself fails (here EFBIG under `ulimit -f 0`; ENOSPC on a full disk), the
// acquisition fails with that error and leaves no `.hub-setup-tmp-*.lock` behind.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "@hub-setup/test-utils";
import { builtModule, runWithFileSizeLimit } from "../support-files/file-size-limit.js";

describe("acquireConfigLock when the temp lock cannot be written", () => {
  it("fails with the write error and leaves no temp lock", () => {
    const dir = tempDir();
    const file = join(dir, "ansible.cfg");
    writeFileSync(file, "[galaxy]\n");
    const printed = runWithFileSizeLimit(
      0,
      `const { acquireConfigLock } = await import(${JSON.stringify(builtModule("node/files/config-lock.js"))});
       await acquireConfigLock(process.argv[1], { waitMs: 200 }).then(
         () => console.log("acquired"),
         (e) => console.log("failed " + e.code),
       );`,
      [file],
    );
    expect(printed).toBe("failed EFBIG");
    expect(readdirSync(dir)).toEqual(["ansible.cfg"]);
    expect(readFileSync(file, "utf8")).toBe("[galaxy]\n");
  });
});
