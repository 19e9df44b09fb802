import { join } from "node:path";
import { startSandbox, type Sandbox } from "@hub-setup/sandbox";
import { fixedClock, requireTool } from "@hub-setup/test-utils";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BIN, REPO_ROOT, requireBuiltBin } from "./support/built-bin.js";
import { ciWorld, expectNoSecret, installed, runProcess } from "./support/ci-runner.js";
import { loadYaml } from "./support/yaml.js";

const DAY = 86_400_000;
const TEMPLATE = join(REPO_ROOT, "ci/gitlab/hub-setup.gitlab-ci.yml");
const galaxy = requireTool("ansible-galaxy");
let sandbox: Sandbox;

beforeEach(async () => {
  sandbox = await startSandbox({ port: 0, clock: fixedClock("2026-03-01T09:00:00Z") });
});
afterEach(async () => {
  await sandbox.close();
});

type Job = { variables: Record<string, string>; before_script: string[] };

/** The template's own lines: the hidden job's before_script, as GitLab would run them. */
function templateJob(): Job {
  const doc = loadYaml(TEMPLATE) as Record<string, Job>;
  const job = doc[".hub-setup"];
  expect(job, "the template defines the hidden job .hub-setup").toBeDefined();
  expect(job?.before_script.length).toBeGreaterThan(0);
  return job as Job;
}

/**
 * A GitLab job: the runner joins the before_script and script lines into one bash script with
 * `set -eo pipefail`. The project's variables come in the environment; HUB_SETUP (a project variable
 * overriding the template's default) runs the hub-setup built here instead of fetching it from npm.
 */
function runJob(w: ReturnType<typeof ciWorld>, variables: Record<string, string>, script: string[]) {
  const job = templateJob();
  expect(job.variables["HUB_SETUP"]).toMatch(/^npx --yes hub-setup/);
  const lines = ["set -eo pipefail", ...job.before_script, ...script];
  const env = {
    ...w.env,
    GITLAB_CI: "true",
    CI: "true",
    ...variables,
    HUB_SETUP: `${process.execPath} ${BIN}`,
    ANSIBLE_CONFIG: w.emptyCfg,
    ANSIBLE_GALAXY_CACHE_DIR: join(w.root, "galaxy-cache"),
  };
  return runProcess("bash", ["-c", lines.join("\n")], { env, cwd: w.project, timeoutMs: 120_000 });
}

describe("the GitLab CI template, its lines run in bash with the project's masked variables", () => {
  it.skipIf(!galaxy.available)(
    "exports the servers and the real ansible-galaxy installs from both hubs with no ansible.cfg",
    async () => {
      requireBuiltBin();
      const w = ciWorld();
      const secrets = [sandbox.tokens.offline, sandbox.tokens.hub];
      const rh = join(w.root, "rh");
      const pah = join(w.root, "pah");
      const run = await runJob(
        w,
        {
          HUB_SETUP_OFFLINE_TOKEN: sandbox.tokens.offline,
          HUB_SETUP_CLOUD_URL: sandbox.urls.cloud.published,
          HUB_SETUP_AUTH_URL: sandbox.urls.tokenEndpoint,
          HUB_SETUP_PRIVATE_HUB_URL: sandbox.urls.private.published,
          HUB_SETUP_PRIVATE_HUB_TOKEN: sandbox.tokens.hub,
        },
        [
          'echo "list=$ANSIBLE_GALAXY_SERVER_LIST"',
          'test -z "${hub_setup_env+set}" && echo "hub_setup_env is gone"',
          `ansible-galaxy collection install sandbox.demo -s rh_published -p ${rh} --force`,
          `ansible-galaxy collection install sandbox.demo -s pah_published -p ${pah} --force`,
        ],
      );
      expect(run.code, run.stdout + run.stderr).toBe(0);
      expect(run.stdout).toContain("list=rh_published,pah_published\n");
      expect(run.stdout).toContain("hub_setup_env is gone\n");
      expect(installed(rh)).toBe(true);
      expect(installed(pah)).toBe(true);
      expectNoSecret(run.stdout + run.stderr, secrets);
      expect(run.stderr).toContain("hub-setup ci: Red Hat Automation Hub: offline token refreshed");
      const used = sandbox.log.entries().map((e) => e.credential);
      expect(used).toContain("bearer");
      expect(used).toContain("token");
    },
    180_000,
  );

  it("stops the job when the offline token expired after 30 idle days: plain words, exit 3, no token", async () => {
    requireBuiltBin();
    sandbox.clock.advance(31 * DAY);
    const w = ciWorld();
    const run = await runJob(
      w,
      {
        HUB_SETUP_OFFLINE_TOKEN: sandbox.tokens.offline,
        HUB_SETUP_CLOUD_URL: sandbox.urls.cloud.published,
        HUB_SETUP_AUTH_URL: sandbox.urls.tokenEndpoint,
      },
      ['echo "the job went on"'],
    );
    expect(run.code).toBe(3);
    expect(run.stdout).not.toContain("the job went on");
    expect(run.stderr).toMatch(/hub-setup ci: Red Hat Automation Hub: token refused: .*30 days/);
    expect(run.stderr).not.toContain("::error");
    expectNoSecret(run.stdout + run.stderr, [sandbox.tokens.offline]);
  });
});
