// mintNewToken over a scripted prompter and a recording mint port: the warning comes before anything is
// sent, declining or a missing --yes sends nothing, the password never comes from argv and is never
// printed, and cloud or galaxy servers are refused.
import { HubSetupError } from "@hub-setup/core";
import { describe, expect, it } from "vitest";
import { noPrompter } from "../../prompter/no-prompter.js";
import { recordingSpinner, scriptedPrompter } from "../../prompter/scripted.js";
import type { Prompter } from "../../prompter/prompter.js";
import type { HubTarget } from "../../ports.js";
import { mintNewToken, newTokenProblem, type NewTokenDeps } from "./new-token.js";

const TARGET: HubTarget = { kind: "private", url: "https://hub.example.com/api/galaxy/content/published/" };
const PASSWORD = "s3cret-p4ssword";
const NEW = "0123456789abcdef0123456789abcdef01234567";

function deps(over: {
  env?: Record<string, string>;
  prompter?: Prompter;
  stdin?: string;
  interactive?: boolean;
}) {
  const out: string[] = [];
  const sent: Array<{ username: string; password: string }> = [];
  const d: NewTokenDeps = {
    env: over.env ?? {},
    interactive: over.interactive ?? false,
    prompter: over.prompter ?? noPrompter,
    spinner: recordingSpinner(),
    readStdin: () => Promise.resolve(over.stdin ?? ""),
    stdout: (text) => void out.push(text),
    signal: new AbortController().signal,
    mintToken: (_target, username, password) => {
      sent.push({ username, password });
      // Printed only after the warning: the order shows the warning came first.
      out.push("<posted>");
      return Promise.resolve(NEW);
    },
  };
  return { d, out, sent };
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(HubSetupError);
  return (e as HubSetupError).code;
}

describe("mintNewToken", () => {
  it("non-interactive: user from HUB_SETUP_USERNAME, password from HUB_SETUP_PASSWORD, --yes; warns before posting", async () => {
    const { d, out, sent } = deps({ env: { HUB_SETUP_USERNAME: "admin", HUB_SETUP_PASSWORD: PASSWORD } });
    expect(await mintNewToken(TARGET, { yes: true, passwordStdin: false }, d)).toBe(NEW);
    expect(sent).toEqual([{ username: "admin", password: PASSWORD }]);
    const text = out.join("");
    expect(text.indexOf("DELETES every other token of admin")).toBeGreaterThan(-1);
    expect(text.indexOf("DELETES")).toBeLessThan(text.indexOf("<posted>"));
    expect(text).toContain("CI secrets");
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain(NEW);
    expect(text).toContain("made a new token for admin (");
  });

  it("a password put in HUB_SETUP_USERNAME is never printed: not in the warning, the spinner or the result", async () => {
    for (const pw of [PASSWORD, "Zq8vN2kLp4Xw7RtY9mB3cH6j"]) {
      const viaStdin = deps({ env: { HUB_SETUP_USERNAME: pw }, stdin: `${pw}\n` });
      const spinner = recordingSpinner();
      await mintNewToken(TARGET, { yes: true, passwordStdin: true }, { ...viaStdin.d, spinner });
      const viaEnv = deps({ env: { HUB_SETUP_USERNAME: `x${pw}`, HUB_SETUP_PASSWORD: pw } });
      await mintNewToken(TARGET, { yes: true, passwordStdin: false }, viaEnv.d);
      const printed = [viaStdin.out.join(""), JSON.stringify(spinner), viaEnv.out.join("")];
      for (const text of printed) expect(text).not.toContain(pw);
      expect(viaStdin.out.join("")).toContain("DELETES every other token of");
      expect(viaStdin.sent).toEqual([{ username: pw, password: pw }]);
    }
  });

  it("--password-stdin takes the first line of stdin, over HUB_SETUP_PASSWORD", async () => {
    const { d, sent } = deps({
      env: { HUB_SETUP_USERNAME: "admin", HUB_SETUP_PASSWORD: "other" },
      stdin: `${PASSWORD}\r\nrest\n`,
    });
    await mintNewToken(TARGET, { yes: true, passwordStdin: true }, d);
    expect(sent).toEqual([{ username: "admin", password: PASSWORD }]);
  });

  it("without --yes and no terminal: a usage error, nothing sent", async () => {
    const { d, sent } = deps({ env: { HUB_SETUP_USERNAME: "admin", HUB_SETUP_PASSWORD: PASSWORD } });
    expect(await codeOf(mintNewToken(TARGET, { yes: false, passwordStdin: false }, d))).toBe("USAGE");
    expect(sent).toEqual([]);
  });

  it("no user name or password without a terminal: usage errors naming the variables", async () => {
    const none = deps({});
    await expect(mintNewToken(TARGET, { yes: true, passwordStdin: false }, none.d)).rejects.toThrow(
      /user name/,
    );
    const noPassword = deps({ env: { HUB_SETUP_USERNAME: "admin" } });
    const e: unknown = await mintNewToken(TARGET, { yes: true, passwordStdin: false }, noPassword.d).catch(
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(HubSetupError);
    expect((e as HubSetupError).hint).toContain("HUB_SETUP_PASSWORD");
    expect(none.sent.length + noPassword.sent.length).toBe(0);
  });

  it("interactive: asks the user name, confirms (default No), then asks the password masked", async () => {
    const prompter = scriptedPrompter({
      "Your user name on https://hub.example.com": "admin",
      "Make a new token for admin": true,
      "Password of admin": PASSWORD,
    });
    const { d, sent, out } = deps({ prompter, interactive: true });
    expect(await mintNewToken(TARGET, { yes: false, passwordStdin: false }, d)).toBe(NEW);
    prompter.verify();
    expect(prompter.asked.map((q) => q.kind)).toEqual(["input", "confirm", "password"]);
    expect(prompter.asked[1]?.question).toMatchObject({ default: false });
    expect(sent).toEqual([{ username: "admin", password: PASSWORD }]);
    expect(out.join("")).not.toContain(PASSWORD);
  });

  it("interactive: declining is CANCELLED, no password asked and nothing sent", async () => {
    const prompter = scriptedPrompter({ "Make a new token for admin": false });
    const { d, sent } = deps({ prompter, interactive: true, env: { HUB_SETUP_USERNAME: "admin" } });
    expect(await codeOf(mintNewToken(TARGET, { yes: false, passwordStdin: false }, d))).toBe("CANCELLED");
    prompter.verify();
    expect(sent).toEqual([]);
  });
});

describe("newTokenProblem", () => {
  it("refuses a cloud server, pointing at console.redhat.com; and a galaxy server; allows a private hub", () => {
    const cloud = newTokenProblem({ kind: "cloud", url: "https://console.redhat.com/api/automation-hub/" });
    expect(cloud?.code).toBe("USAGE");
    expect(cloud?.hint).toContain("console.redhat.com");
    expect(newTokenProblem({ kind: "galaxy", url: "https://galaxy.ansible.com/" })?.code).toBe("USAGE");
    expect(newTokenProblem(TARGET)).toBeUndefined();
  });
});
