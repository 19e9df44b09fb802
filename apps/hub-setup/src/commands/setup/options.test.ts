import { describe, expect, it } from "vitest";
import { HubSetupError } from "@hub-setup/core";
import { parseSetupArgs } from "./options.js";

function usageMessage(argv: string[], terminal = false): string {
  try {
    parseSetupArgs(argv, terminal);
  } catch (error) {
    if (error instanceof HubSetupError) {
      expect(error.code).toBe("USAGE");
      return `${error.message} | ${error.hint ?? ""}`;
    }
    throw error;
  }
  throw new Error(`no usage error for ${argv.join(" ")}`);
}

describe("parseSetupArgs", () => {
  it("decides interactive once: a terminal asks, no terminal or --no-interactive never does", () => {
    expect(parseSetupArgs([], true).interactive).toBe(true);
    expect(parseSetupArgs([], false).interactive).toBe(false);
    expect(parseSetupArgs(["--no-interactive"], true).interactive).toBe(false);
    expect(parseSetupArgs(["--interactive"], true).interactive).toBe(true);
  });

  it("reads every flag", () => {
    const o = parseSetupArgs(
      [
        "--hub",
        "private",
        "--url",
        "https://pah.example.com",
        "--repository",
        "rh-certified",
        "--repository",
        "community",
        "--server-id",
        "pah",
        "--token-stdin",
        "--store",
        "file",
        "--config",
        "/p/ansible.cfg",
        "--yes",
        "--no-schedule",
        "--pre-commit",
      ],
      false,
    );
    expect(o).toMatchObject({
      hubs: ["private"],
      urls: ["https://pah.example.com"],
      repositories: ["rh-certified", "community"],
      serverId: "pah",
      tokenStdin: true,
      store: "file",
      configPath: "/p/ansible.cfg",
      yes: true,
      schedule: false,
      preCommit: true,
    });
  });

  it("accepts both hubs as `both`, repeated, or comma-separated, always cloud first", () => {
    for (const argv of [
      ["--hub", "both"],
      ["--hub", "private", "--hub", "cloud"],
      ["--hub", "private,cloud"],
    ]) {
      expect(parseSetupArgs(argv, false).hubs).toEqual(["cloud", "private"]);
    }
  });

  it("refuses a token on the command line and says why, without echoing it", () => {
    const message = usageMessage(["--token=0123456789abcdef0123456789abcdef01234567"]);
    expect(message).toContain("--token is not accepted");
    expect(message).toContain("shell history");
    expect(message).toContain("--token-stdin");
    expect(message).not.toContain("0123456789abcdef");
    expect(usageMessage(["--hub", "cloud", "--token", "x"])).toContain("--token is not accepted");
  });

  it("names a bad value that looks like a token only redacted", () => {
    const hex = "0123456789abcdef0123456789abcdef01234567";
    for (const argv of [["--store", hex], ["--hub", hex], ["--yes", hex], [`--bogus=${hex}`], [hex]]) {
      const message = usageMessage(argv);
      expect(message).not.toContain(hex.slice(4, 36));
    }
    expect(usageMessage(["--store", hex])).toContain('--store "<hub API token 0123…4567 (40 chars)>"');
    expect(usageMessage(["--yes", hex])).toContain('unexpected argument "<hub API token 0123…4567');
  });

  it("names the bad value and what is allowed", () => {
    expect(usageMessage(["--hub", "galaxy"])).toContain('--hub "galaxy" is not one of cloud, private');
    expect(usageMessage(["--store", "vault"])).toContain("keyring, file, plaintext");
    expect(usageMessage(["--repository", "certified"])).toContain(
      "published, validated, rh-certified, community",
    );
    expect(usageMessage(["--server-id", "My-Hub"])).toContain("--server-id my_hub");
  });

  it("rejects contradictions and impossible combinations", () => {
    expect(usageMessage(["--interactive", "--no-interactive"], true)).toContain("contradict");
    expect(usageMessage(["--interactive"], false)).toContain("needs a terminal");
    expect(usageMessage(["--interactive", "--token-stdin"], true)).toContain("--no-interactive");
    expect(usageMessage(["--url", "a", "--url", "b"])).toContain("one --url per --hub");
    expect(usageMessage(["extra"])).toContain('unexpected argument "extra"');
  });

  it("lets node report an unknown flag by name", () => {
    expect(() => parseSetupArgs(["--nope"], false)).toThrow(/--nope/);
  });

  it("takes --order first|last and --[no-]shell-init, and refuses another order naming the choices", () => {
    expect(parseSetupArgs(["--order", "first", "--shell-init"], false)).toMatchObject({
      order: "first",
      shellInit: true,
    });
    expect(parseSetupArgs(["--no-shell-init"], false)).toMatchObject({ order: undefined, shellInit: false });
    expect(() => parseSetupArgs(["--order", "middle"], false)).toThrow(
      /--order "middle" is not one of first, last/,
    );
    expect(() => parseSetupArgs(["--shell-init", "--no-shell-init"], false)).toThrow(/contradict/);
  });
});

describe("URL flags with control characters (issue #16, low)", () => {
  it("refuses them at once, echoing the value on one line, escaped and redacted", () => {
    const hex = "0123456789abcdef0123456789abcdef01234567";
    for (const [flag, value] of [
      ["--url", "https://hub.example.com/\nINJECTED line"],
      ["--url", `https://hub.example.com/?t=${hex}\r\n\x1b[2J`],
      ["--auth-url", "https://sso.example.com/token\tx"],
    ] as const) {
      const message = usageMessage(["--hub", "private", flag, value]);
      // eslint-disable-next-line no-control-regex -- control characters are what must not be echoed
      expect(message).not.toMatch(/[\x00-\x1f\x7f]/);
      expect(message).toContain(flag);
      expect(message).toContain("control character");
      expect(message).not.toContain(hex.slice(4, 36));
    }
  });
});
