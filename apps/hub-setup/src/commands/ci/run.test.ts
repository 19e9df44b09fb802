import { HubSetupError } from "@hub-setup/core";
import { fakeHubToken, fakeOfflineToken, showsSecret } from "@hub-setup/test-utils";
import { describe, expect, it } from "vitest";
import { EXIT } from "../../exit-codes.js";
import type { CheckResult, HubChecks, HubTarget } from "../../ports.js";
import { ACTION_NAMES } from "./action-inputs.js";
import { CLI_NAMES, type CiMode } from "./options.js";
import type { CiInputs } from "./plan.js";
import { configureCi } from "./run.js";

const OFFLINE = fakeOfflineToken("ci-run");
const HUB = fakeHubToken("ci-run");
const BOTH: CiInputs = {
  offlineToken: OFFLINE,
  privateHubToken: HUB,
  privateHubUrl: "https://hub.example.com",
};
const GITHUB: CiMode = { kind: "github", envFile: "/runner/env", outputFile: "/runner/output" };

/** Hub checks that answer from a table by hub kind, and record what they were asked. */
function checks(answers: Partial<Record<"cloud" | "private", CheckResult>>) {
  const asked: Array<{ target: HubTarget; token: string }> = [];
  let closed = false;
  const port: HubChecks = {
    verify: async (target, token) => {
      asked.push({ target, token });
      return answers[target.kind === "cloud" ? "cloud" : "private"] ?? { ok: true };
    },
    refresh: () => Promise.reject(new Error("ci checks through verify only")),
    close: async () => {
      closed = true;
    },
  };
  return { port, asked, closed: () => closed };
}

function refused(outcome: string, message: string, code: HubSetupError["code"]): CheckResult {
  return { ok: false, outcome, message, error: new HubSetupError(code, message) };
}

function harness(answers: Partial<Record<"cloud" | "private", CheckResult>> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const files = new Map<string, string>();
  const fake = checks(answers);
  let n = 0;
  const deps = {
    openChecks: async () => fake.port,
    appendFile: async (path: string, text: string) => void files.set(path, (files.get(path) ?? "") + text),
    delimiter: () => `ghadelimiter_${++n}`,
    now: () => new Date("2026-03-01T09:00:00Z"),
    signal: new AbortController().signal,
    stdout: (t: string) => void out.push(t),
    stderr: (t: string) => void err.push(t),
  };
  return { deps, out, err, files, fake };
}

function noTokenOutside(lines: string, masks: number) {
  const rest = lines.split("\n").slice(masks).join("\n");
  for (const secret of [OFFLINE, HUB]) expect(showsSecret(rest, secret)).toBe(false);
}

describe("configureCi on GitHub Actions", () => {
  it("masks every token first, checks each hub once, then writes the env and output files", async () => {
    const h = harness();
    const code = await configureCi(BOTH, ACTION_NAMES, GITHUB, h.deps);
    expect(code).toBe(EXIT.OK);
    expect(h.out.slice(0, 2)).toEqual([`::add-mask::${OFFLINE}\n`, `::add-mask::${HUB}\n`]);
    noTokenOutside(h.out.join(""), 2);
    expect(h.err).toEqual([]);
    expect(h.fake.asked.map((a) => [a.target.kind, a.target.url, a.token])).toEqual([
      ["cloud", "https://console.redhat.com/api/automation-hub/content/published/", OFFLINE],
      ["private", "https://hub.example.com/api/galaxy/content/published/", HUB],
    ]);
    expect(h.fake.closed()).toBe(true);
    const env = h.files.get("/runner/env") ?? "";
    expect(env).toContain(
      "ANSIBLE_GALAXY_SERVER_LIST<<ghadelimiter_1\nrh_published,pah_published\nghadelimiter_1\n",
    );
    expect(env).toContain(
      `ANSIBLE_GALAXY_SERVER_RH_PUBLISHED_TOKEN<<ghadelimiter_4\n${OFFLINE}\nghadelimiter_4\n`,
    );
    expect(env).toContain(
      `ANSIBLE_GALAXY_SERVER_PAH_PUBLISHED_TOKEN<<ghadelimiter_6\n${HUB}\nghadelimiter_6\n`,
    );
    expect(h.files.get("/runner/output")).toBe(
      "server-list<<ghadelimiter_7\nrh_published,pah_published\nghadelimiter_7\n",
    );
    expect(h.out.join("")).toMatch(/unused, it now lasts until 2026-03-31/);
  });

  it("an expired offline token: an ::error:: in plain words, exit 3, nothing exported", async () => {
    const h = harness({
      cloud: refused(
        "expired",
        "Red Hat SSO no longer accepts this offline token: it was not used for 30 days or was revoked.",
        "TOKEN_EXPIRED",
      ),
    });
    const code = await configureCi(BOTH, ACTION_NAMES, GITHUB, h.deps);
    expect(code).toBe(EXIT.AUTH);
    const out = h.out.join("");
    expect(out).toContain(
      "::error title=Red Hat Automation Hub%3A token refused::Red Hat SSO no longer accepts this offline token: it was not used for 30 days or was revoked. Then put the new token in the CI secret this job reads.\n",
    );
    expect(h.files.size).toBe(0);
    noTokenOutside(out, 2);
  });

  it("an unreachable hub is exit 4; a refused token besides it still says 3 (the one a person must fix)", async () => {
    const down = refused("network", "the private hub at https://hub.example.com/ did not answer", "NETWORK");
    const h1 = harness({ private: down });
    expect(await configureCi(BOTH, ACTION_NAMES, GITHUB, h1.deps)).toBe(EXIT.NETWORK);
    expect(h1.out.join("")).toContain("::error title=private automation hub%3A unreachable::");
    const h2 = harness({ private: down, cloud: refused("wrong-client", "another client", "WRONG_CLIENT") });
    expect(await configureCi(BOTH, ACTION_NAMES, GITHUB, h2.deps)).toBe(EXIT.AUTH);
    expect(h2.files.size).toBe(0);
  });

  it("a usage error is an annotation too, after the masks, naming the action's input", async () => {
    const h = harness();
    const code = await configureCi({ offlineToken: OFFLINE, serverIds: "a,b" }, ACTION_NAMES, GITHUB, h.deps);
    expect(code).toBe(EXIT.USAGE);
    expect(h.out[0]).toBe(`::add-mask::${OFFLINE}\n`);
    expect(h.out[1]).toMatch(/^::error title=hub-setup ci%3A usage::the server-ids input names 2 servers/);
    expect(h.fake.asked).toEqual([]);
  });

  it("outside GitHub, a usage error names hub-setup ci once: `hub-setup ci: usage: …`", async () => {
    const h = harness();
    const shell: CiMode = { kind: "shell", shell: "sh" };
    const code = await configureCi({ offlineToken: OFFLINE, serverIds: "a,b" }, ACTION_NAMES, shell, h.deps);
    expect(code).toBe(EXIT.USAGE);
    const err = h.err.join("");
    expect(err).toMatch(/^hub-setup ci: usage: the server-ids input names 2 servers/);
    expect(err.split("hub-setup ci").length - 1, err).toBe(1);
  });

  it("without $GITHUB_ENV it fails plainly rather than print the tokens", async () => {
    const h = harness();
    const mode: CiMode = { kind: "github", envFile: undefined, outputFile: undefined };
    expect(await configureCi(BOTH, ACTION_NAMES, mode, h.deps)).toBe(EXIT.ERROR);
    expect(h.out.join("")).toContain("::error title=hub-setup ci::GITHUB_ENV is not set");
    noTokenOutside(h.out.join(""), 2);
  });

  it("a server that echoes the token into its message still prints no token", async () => {
    const h = harness({ private: refused("unauthorized", `bad token ${HUB} for you`, "TOKEN_REJECTED") });
    expect(await configureCi(BOTH, ACTION_NAMES, GITHUB, h.deps)).toBe(EXIT.AUTH);
    noTokenOutside(h.out.join(""), 2);
  });
});

describe("configureCi elsewhere (shell mode)", () => {
  it("prints only export lines on stdout, progress on stderr, no mask commands", async () => {
    const h = harness();
    const code = await configureCi(BOTH, CLI_NAMES, { kind: "shell", shell: "sh" }, h.deps);
    expect(code).toBe(EXIT.OK);
    const out = h.out.join("");
    expect(
      out
        .split("\n")
        .filter((l) => l !== "")
        .every((l) => l.startsWith("export ")),
    ).toBe(true);
    expect(out).toContain("export ANSIBLE_GALAXY_SERVER_LIST='rh_published,pah_published'\n");
    expect(out).toContain(`export ANSIBLE_GALAXY_SERVER_PAH_PUBLISHED_TOKEN='${HUB}'\n`);
    expect(out).not.toContain("::");
    const err = h.err.join("");
    expect(err).toContain("hub-setup ci: private automation hub: token accepted; servers pah_published\n");
    for (const secret of [OFFLINE, HUB]) expect(showsSecret(err, secret)).toBe(false);
    expect(h.files.size).toBe(0);
  });

  it("a failure is a plain stderr line and stdout stays empty (eval runs nothing)", async () => {
    const h = harness({ cloud: refused("expired", "not used for 30 days.", "TOKEN_EXPIRED") });
    expect(await configureCi(BOTH, CLI_NAMES, { kind: "shell", shell: "sh" }, h.deps)).toBe(EXIT.AUTH);
    expect(h.out).toEqual([]);
    expect(h.err.join("")).toContain(
      "hub-setup ci: Red Hat Automation Hub: token refused: not used for 30 days. Then put the new token in the CI secret this job reads.\n",
    );
  });
});
