import { join } from "node:path";
import { startSandbox, type Sandbox } from "@hub-setup/sandbox";
import { fixedClock, requireTool, showsSecret } from "@hub-setup/test-utils";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { requireBuiltBin, BIN } from "./support/built-bin.js";
import {
  ACTION_BUNDLE,
  ciWorld,
  expectMaskedFirst,
  expectNoSecret,
  galaxyInstall,
  installed,
  parseFileCommands,
  readText,
  runProcess,
  type Ran,
} from "./support/ci-runner.js";

const DAY = 86_400_000;
const galaxy = requireTool("ansible-galaxy");
let sandbox: Sandbox;

/** Every process the current test ran (the action, the CLI, ansible-galaxy), and every token involved. */
const ran: Ran[] = [];
const involved = new Set<string>();

beforeEach(async () => {
  sandbox = await startSandbox({ port: 0, clock: fixedClock("2026-03-01T09:00:00Z") });
  ran.length = 0;
  involved.clear();
  involved.add(sandbox.tokens.offline);
  involved.add(sandbox.tokens.hub);
});
afterEach(async () => {
  await sandbox.close();
  expectNoLeak(ran, [...involved]);
});

const MASK = "::add-mask::";

/**
 * No run shows 12 characters of any token on stderr, or on stdout outside the `::add-mask::` lines;
 * those hold the raw token by design (the runner masks it from then on), so each holds one whole
 * token involved and nothing else.
 */
function expectNoLeak(runs: readonly Ran[], tokens: readonly string[]): void {
  for (const [i, run] of runs.entries()) {
    const lines = run.stdout.split("\n");
    for (const mask of lines.filter((l) => l.startsWith(MASK))) {
      expect(tokens, `run ${i + 1}: a mask line that is not one whole token`).toContain(
        mask.slice(MASK.length),
      );
    }
    const rest = lines.filter((l) => !l.startsWith(MASK)).join("\n");
    for (const token of tokens) {
      expect(showsSecret(rest, token), `run ${i + 1}'s stdout shows a token`).toBe(false);
      expect(showsSecret(run.stderr, token), `run ${i + 1}'s stderr shows a token`).toBe(false);
    }
  }
}

/** Runs a process and keeps its output for the leak check after the test. */
async function recorded(run: Promise<Ran>): Promise<Ran> {
  const done = await run;
  ran.push(done);
  return done;
}

/** The step environment GitHub's runner gives a JavaScript action: inputs as INPUT_<NAME>, hyphens kept. */
function actionEnv(w: ReturnType<typeof ciWorld>, inputs: Record<string, string>) {
  const env: Record<string, string> = {
    ...w.env,
    GITHUB_ACTIONS: "true",
    CI: "true",
    GITHUB_ENV: w.githubEnv,
    GITHUB_OUTPUT: w.githubOutput,
    // What action.yml's defaults give when a workflow leaves them out.
    "INPUT_CLOUD-URL": "https://console.redhat.com/api/automation-hub/content/published/",
    "INPUT_AUTH-URL": "https://sso.redhat.com/auth/realms/redhat-external/protocol/openid-connect/token",
    INPUT_REPOSITORIES: "published",
    "INPUT_SERVER-IDS": "",
    "INPUT_PRIVATE-HUB-URL": "",
    "INPUT_PRIVATE-HUB-TOKEN": "",
    "INPUT_OFFLINE-TOKEN": "",
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  return env;
}

function bothHubs(): Record<string, string> {
  return {
    "offline-token": sandbox.tokens.offline,
    "cloud-url": sandbox.urls.cloud.published,
    "auth-url": sandbox.urls.tokenEndpoint,
    "private-hub-url": sandbox.urls.private.published,
    "private-hub-token": sandbox.tokens.hub,
  };
}

function runAction(w: ReturnType<typeof ciWorld>, inputs: Record<string, string>) {
  return recorded(
    runProcess(process.execPath, [ACTION_BUNDLE], { env: actionEnv(w, inputs), cwd: w.project }),
  );
}

describe("the GitHub Action's bundle, run as the runner runs it, against the sandbox", () => {
  it.skipIf(!galaxy.available)(
    "masks both tokens first, fills $GITHUB_ENV and $GITHUB_OUTPUT, and the real ansible-galaxy installs from both hubs with no ansible.cfg",
    async () => {
      const w = ciWorld();
      const secrets = [sandbox.tokens.offline, sandbox.tokens.hub];
      const run = await runAction(w, bothHubs());
      expect(run.code, run.stdout + run.stderr).toBe(0);
      expectMaskedFirst(run.stdout, secrets);
      expectNoSecret(run.stderr, secrets);

      const vars = parseFileCommands(readText(w.githubEnv));
      expect(vars).toEqual({
        ANSIBLE_GALAXY_SERVER_LIST: "rh_published,pah_published",
        ANSIBLE_GALAXY_SERVER_RH_PUBLISHED_URL: sandbox.urls.cloud.published,
        ANSIBLE_GALAXY_SERVER_RH_PUBLISHED_AUTH_URL: sandbox.urls.tokenEndpoint,
        ANSIBLE_GALAXY_SERVER_RH_PUBLISHED_TOKEN: sandbox.tokens.offline,
        ANSIBLE_GALAXY_SERVER_PAH_PUBLISHED_URL: sandbox.urls.private.published,
        ANSIBLE_GALAXY_SERVER_PAH_PUBLISHED_TOKEN: sandbox.tokens.hub,
      });
      expect(parseFileCommands(readText(w.githubOutput))).toEqual({
        "server-list": "rh_published,pah_published",
      });
      // The check refreshed the offline token once (restarting its idle clock) and used the hub token.
      const seen = sandbox.log.entries().map((e) => e.credential);
      expect(seen.filter((c) => c === "refresh-grant")).toHaveLength(1);
      expect(seen).toContain("token");

      sandbox.log.clear();
      for (const server of ["rh_published", "pah_published"]) {
        const into = join(w.root, `collections-${server}`);
        const install = await recorded(galaxyInstall(w, vars, server, into));
        expect(install.code, install.stdout + install.stderr).toBe(0);
        expect(installed(into)).toBe(true);
        expectNoSecret(install.stdout + install.stderr, secrets);
      }
      const used = sandbox.log.entries().map((e) => e.credential);
      expect(used).toContain("bearer"); // Red Hat's hub, after ansible-galaxy's own refresh
      expect(used).toContain("token"); // the private hub
    },
    120_000,
  );

  it("an offline token left unused for 31 days: ::error:: with the 30-day explanation, exit 3, nothing exported", async () => {
    sandbox.clock.advance(31 * DAY);
    const w = ciWorld();
    const run = await runAction(w, bothHubs());
    expect(run.code).toBe(3);
    expectMaskedFirst(run.stdout, [sandbox.tokens.offline, sandbox.tokens.hub]);
    expect(run.stdout).toMatch(/^::error title=Red Hat Automation Hub%3A token refused::.*30 days/m);
    expect(readText(w.githubEnv)).toBe("");
    expect(readText(w.githubOutput)).toBe("");
    expectNoSecret(run.stderr, [sandbox.tokens.offline, sandbox.tokens.hub]);
  });

  it("a replaced private hub token (a newer Load token): ::error::, exit 3", async () => {
    const old = sandbox.tokens.hub;
    involved.add(sandbox.hub.loadToken());
    const w = ciWorld();
    const run = await runAction(w, {
      "private-hub-url": sandbox.urls.private.published,
      "private-hub-token": old,
    });
    expect(run.code).toBe(3);
    expectMaskedFirst(run.stdout, [old]);
    expect(run.stdout).toMatch(/^::error title=private automation hub%3A token refused::/m);
    expect(readText(w.githubEnv)).toBe("");
  });

  it("an unreachable SSO: ::error:: saying so, exit 4", async () => {
    const w = ciWorld();
    const token = sandbox.tokens.offline;
    await sandbox.close();
    const run = await runAction(w, {
      "offline-token": token,
      "cloud-url": sandbox.urls.cloud.published,
      "auth-url": sandbox.urls.tokenEndpoint,
    });
    sandbox = await startSandbox({ port: 0 });
    expect(run.code).toBe(4);
    expectMaskedFirst(run.stdout, [token]);
    expect(run.stdout).toMatch(/^::error title=Red Hat Automation Hub%3A unreachable::/m);
  }, 120_000);

  it("hub-setup ci (the CLI in a run: step) does the same on GitHub: masks, $GITHUB_ENV, server-list", async () => {
    requireBuiltBin();
    const w = ciWorld();
    const env = {
      ...w.env,
      GITHUB_ACTIONS: "true",
      GITHUB_ENV: w.githubEnv,
      GITHUB_OUTPUT: w.githubOutput,
      HUB_SETUP_PRIVATE_HUB_TOKEN: sandbox.tokens.hub,
    };
    const run = await recorded(
      runProcess(
        process.execPath,
        [
          BIN,
          "ci",
          "--private-hub-url",
          sandbox.urls.private.published,
          "--repositories",
          "published,community",
        ],
        { env, cwd: w.project },
      ),
    );
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expectMaskedFirst(run.stdout, [sandbox.tokens.hub]);
    const vars = parseFileCommands(readText(w.githubEnv));
    expect(vars["ANSIBLE_GALAXY_SERVER_LIST"]).toBe("pah_published,pah_community");
    expect(vars["ANSIBLE_GALAXY_SERVER_PAH_COMMUNITY_URL"]).toBe(sandbox.urls.private.community);
    expect(parseFileCommands(readText(w.githubOutput))).toEqual({
      "server-list": "pah_published,pah_community",
    });
  });
});
