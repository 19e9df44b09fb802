import { describe, expect, it } from "vitest";
import { EXIT } from "./exit-codes.js";
import { memoryIo } from "../test/support/memory-io.js";
import { main } from "./main.js";

describe("main", () => {
  it("prints the version and exits clean", async () => {
    const io = memoryIo();
    expect(await main(["-V"], { io, version: "1.2.3" })).toBe(EXIT.CLEAN);
    expect(io.out.join("")).toBe("hub-token-check 1.2.3\n");
  });

  it("documents its exit codes in --help", async () => {
    const io = memoryIo();
    await main(["--help"], { io, version: "0" });
    expect(io.out.join("")).toContain("0 clean · 1 findings · 2 usage or error");
  });

  it("under the pre-commit framework (PRE_COMMIT=1), scans a file named install rather than installing", async () => {
    const io = memoryIo({ env: { PRE_COMMIT: "1" }, cwd: "/repo" });
    const git = () =>
      Promise.reject(new Error("git must not run: install would ask it for the hooks folder"));
    const readFile = (path: string) =>
      Promise.resolve(
        path === "install"
          ? {
              ok: true as const,
              bytes: Buffer.from(`export ANSIBLE_GALAXY_SERVER_HUB_TOKEN=${"0a1b2c3d4e".repeat(4)}\n`),
            }
          : { ok: false as const, reason: "not found" },
      );
    const code = await main(["install"], { io, version: "0", ports: { git, readFile } });
    expect(code).toBe(EXIT.FINDINGS);
    expect(io.out.join("")).toContain("install:1:");
    // …and refuses an option-like name, saying how to pass file names.
    const refused = memoryIo({ env: { PRE_COMMIT: "1" } });
    expect(await main(["--version"], { io: refused, version: "0" })).toBe(EXIT.ERROR);
    expect(refused.err.join("")).toContain("end this hook's `args:` in .pre-commit-config.yaml with `--`");
  });

  it("exits 2 on an unknown flag, naming it", async () => {
    const io = memoryIo();
    expect(await main(["--bogus"], { io, version: "0" })).toBe(EXIT.ERROR);
    expect(io.err.join("")).toContain("--bogus");
  });
});
