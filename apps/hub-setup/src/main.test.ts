import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { HubSetupError } from "@hub-setup/core";
import { hubToken, offlineToken } from "../test/support/fake-ports.js";
import { EXIT, exitCodeFor } from "./exit-codes.js";
import { memoryIo } from "../test/support/io.js";
import { main } from "./main.js";
import { report } from "./report.js";

const ctx = (io: ReturnType<typeof memoryIo>, version = "0") => ({
  io,
  version,
  signal: new AbortController().signal,
  now: () => new Date(0),
});

describe("main", () => {
  it("prints the version", async () => {
    const io = memoryIo();
    expect(await main(["--version"], ctx(io, "9.9.9"))).toBe(EXIT.OK);
    expect(io.out.join("")).toBe("hub-setup 9.9.9\n");
  });

  it("prints help listing every subcommand and the exit codes", async () => {
    const io = memoryIo();
    expect(await main(["--help"], ctx(io))).toBe(EXIT.OK);
    const help = io.out.join("");
    for (const cmd of ["status", "refresh", "exec", "env", "schedule", "sandbox"])
      expect(help).toContain(`hub-setup ${cmd}`);
    expect(help).toContain("130 cancelled");
  });

  it("a command with subcommands (ee, controller) called without one is a usage error: its help on stderr, exit 2", async () => {
    for (const name of ["ee", "controller"]) {
      const io = memoryIo();
      expect(await main([name], ctx(io)), name).toBe(EXIT.USAGE);
      expect(io.out.join(""), name).toBe("");
      const err = io.err.join("");
      expect(err, name).toContain(`hub-setup ${name}: which one?`);
      expect(err, name).toContain(`Usage: hub-setup ${name}`);
    }
  });

  it("gives a usage error for an unknown command", async () => {
    const io = memoryIo();
    expect(await main(["frobnicate"], ctx(io))).toBe(EXIT.USAGE);
    expect(io.err.join("")).toContain('unknown command "frobnicate"');
  });
});

describe("usage errors never echo a token from argv", () => {
  const jwt = offlineToken();
  const hex = hubToken(0xab);
  const cases = (t: string): string[][] => [
    [t],
    ["status", t],
    ["status", "--json", `--${t}`],
    ["refresh", t],
    ["schedule", t],
    ["--yes", t],
    ["--store", t],
    ["--hub", t],
    ["--repository", t],
    // A 40-hex id is a valid server id (nothing to echo); a JWT is not, and its error quotes it.
    ...(t.includes(".") ? [["--server-id", t]] : []),
    ["env", "--shell", t],
    ["env", `--shell=${t}`],
    ["exec", `--foo=${t}`],
    ["sandbox", t],
    ["sandbox", "--port", t],
    ["demo", t],
  ];

  it.each([
    ["an offline token", jwt],
    ["a hub API token", hex],
  ])("prints %s only redacted, and exits 2", async (_kind, token) => {
    for (const argv of cases(token)) {
      const io = memoryIo();
      const code = await main(argv, ctx(io));
      const err = io.err.join("");
      expect([argv[0], code]).toEqual([argv[0], EXIT.USAGE]);
      expect(err, `hub-setup ${argv.join(" ")}`).not.toContain(token.slice(4, -4));
      expect(err, `hub-setup ${argv.join(" ")}`).toContain(`${token.slice(0, 4)}…${token.slice(-4)}`);
    }
  });

  it("still names an ordinary wrong value", async () => {
    const io = memoryIo();
    expect(await main(["env", "--shell", "tcsh"], ctx(io))).toBe(EXIT.USAGE);
    expect(io.err.join("")).toContain('not "tcsh"');
  });
});

describe("error report", () => {
  it("prints the hint once: on its own line, or not at all when the message already says it", () => {
    const io = memoryIo();
    report(new HubSetupError("NETWORK", "could not reach it. Check the URL.", { hint: "check the URL" }), io);
    report(new HubSetupError("NETWORK", "could not reach it.", { hint: "check the URL" }), io);
    expect(io.err).toEqual([
      "hub-setup: could not reach it. Check the URL.\n",
      "hub-setup: could not reach it.\n  check the URL\n",
    ]);
  });
});

describe("error report as the last guard", () => {
  it("redacts a token that reached a message or hint, whatever the error", () => {
    const jwt = offlineToken();
    const parseArgsError = Object.assign(new TypeError(`Unexpected argument '${jwt}'`), {
      code: "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL",
    });
    const errors: unknown[] = [
      new HubSetupError("USAGE", `bad value ${jwt}`, { hint: `try again without ${jwt}` }),
      parseArgsError,
      new Error(`spawn ${jwt} ENOENT`),
      `thrown string ${jwt}`,
    ];
    const io = memoryIo();
    expect(errors.map((e) => report(e, io))).toEqual([EXIT.USAGE, EXIT.USAGE, EXIT.ERROR, EXIT.ERROR]);
    const err = io.err.join("");
    expect(err).not.toContain(jwt.slice(4, -4));
    expect(
      err.split(`<offline token ${jwt.slice(0, 4)}…${jwt.slice(-4)} (${jwt.length} chars)>`),
    ).toHaveLength(6);
  });
});

describe("exit codes", () => {
  it("maps core error codes to documented exit codes", () => {
    expect(exitCodeFor(new HubSetupError("TOKEN_EXPIRED", "x"))).toBe(EXIT.AUTH);
    expect(exitCodeFor(new HubSetupError("NETWORK", "x"))).toBe(EXIT.NETWORK);
    expect(exitCodeFor(new HubSetupError("CANCELLED", "x"))).toBe(EXIT.CANCELLED);
    expect(exitCodeFor(new Error("other"))).toBe(EXIT.ERROR);
  });

  it("maps a file-system failure Node reports by errno to 5 (ansible.cfg or the store unusable)", () => {
    const errno = (code: string) => Object.assign(new Error(`${code}: failed`), { code, syscall: "mkdir" });
    expect(exitCodeFor(errno("EACCES"))).toBe(EXIT.CONFIG);
    expect(exitCodeFor(errno("EFBIG"))).toBe(EXIT.CONFIG);
    expect(exitCodeFor(errno("ECONNRESET"))).toBe(EXIT.ERROR);
  });
});

describe("error report of file-system failures (issue #16, low)", () => {
  it("a folder that cannot be created, a full disk, a size limit: exit 5 with what and why, never 'unexpected'", () => {
    const dir = mkdtempSync(join(tmpdir(), "hub-setup-main-"));
    writeFileSync(join(dir, "file"), "");
    let notDir: unknown;
    try {
      mkdirSync(join(dir, "file", "hub-setup"), { recursive: true }); // a real ENOTDIR from Node
    } catch (error) {
      notDir = error;
    }
    // Node's own shape of the errors a non-root user (EACCES) or a full disk (ENOSPC) gets.
    const errno = (code: string, syscall: string, path: string) =>
      Object.assign(new Error(`${code}: failed, ${syscall} '${path}'`), { code, syscall, path, errno: -1 });
    const errors = [
      notDir,
      errno("EACCES", "mkdir", "/home/u/.config/hub-setup"),
      errno("ENOSPC", "write", "/p/.ansible.cfg.hub-setup-tmp-1-ab"),
      Object.assign(new Error("EFBIG: file too large, write"), { code: "EFBIG", syscall: "write" }),
    ];
    const io = memoryIo();
    expect(errors.map((e) => report(e, io))).toEqual([EXIT.CONFIG, EXIT.CONFIG, EXIT.CONFIG, EXIT.CONFIG]);
    const err = io.err.join("");
    expect(err).not.toContain("unexpected");
    expect(err).toContain(`cannot mkdir ${join(dir, "file", "hub-setup")}: a part of the path is a file`);
    expect(err).toContain("cannot mkdir /home/u/.config/hub-setup: permission denied (EACCES)");
    expect(err).toContain("no space left on the device (ENOSPC)");
    expect(err).toContain("too large for this process's file size limit");
  });
});
