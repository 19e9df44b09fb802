// The V8 code cache the installed command (bin/hub-token-check.cjs) runs the checker bundle with. It is
// made by running the bundle once, the way a commit runs it: in a throw-away repository with a staged clean
// ansible.cfg and Containerfile, so that the cache holds what V8 compiled on that path and nothing more.
// The run gets a bare environment (no NODE_OPTIONS: V8 takes a cache only under the flags it was made
// with). A second run then checks that V8 accepts it; if it does not, the build fails.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const launcher = fileURLToPath(new URL("./bin/hub-token-check.cjs", import.meta.url));

const CLEAN_CFG = `[defaults]
inventory = ./inventory

[galaxy]
server_list = automation_hub

[galaxy_server.automation_hub]
url = https://console.redhat.com/api/automation-hub/content/published/
auth_url = https://sso.redhat.com/auth/realms/redhat-external/protocol/openid-connect/token
`;
const CONTAINERFILE = `FROM registry.redhat.io/ubi9
ARG ANSIBLE_GALAXY_SERVER_AUTOMATION_HUB_TOKEN
RUN ansible-galaxy collection install -r requirements.yml
`;

function bareEnv(home) {
  return {
    PATH: process.env.PATH,
    HOME: home,
    LANG: "C.UTF-8",
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_AUTHOR_NAME: "build",
    GIT_AUTHOR_EMAIL: "build@example.invalid",
    GIT_COMMITTER_NAME: "build",
    GIT_COMMITTER_EMAIL: "build@example.invalid",
  };
}

function run(command, args, options) {
  const r = spawnSync(command, args, { encoding: "utf8", ...options });
  if (r.error !== undefined) throw r.error;
  if (r.status !== 0) throw new Error(`${command} ${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

/** Writes `cacheFile` for `bundle`; returns its size in bytes. */
export function writeCodeCache(bundle, cacheFile) {
  const repo = mkdtempSync(join(tmpdir(), "hub-token-check-code-cache-"));
  try {
    const env = bareEnv(repo);
    run("git", ["init", "-q"], { cwd: repo, env });
    writeFileSync(join(repo, "ansible.cfg"), CLEAN_CFG);
    writeFileSync(join(repo, "Containerfile"), CONTAINERFILE);
    run("git", ["add", "ansible.cfg", "Containerfile"], { cwd: repo, env });
    // `node -e`: process.argv holds no script, so the checker sees no arguments (a commit's run).
    const train = `
      const { writeFileSync } = require("node:fs");
      const { compileBundle, runBundle, codeCacheOf } = require(${JSON.stringify(launcher)});
      const bundle = ${JSON.stringify(bundle)};
      const { script } = compileBundle(bundle, "");
      process.on("exit", (code) => {
        if (code === 0) writeFileSync(${JSON.stringify(cacheFile)}, codeCacheOf(script));
      });
      runBundle(script, bundle);`;
    run(process.execPath, ["-e", train], { cwd: repo, env });
    const check = `
      const { compileBundle } = require(${JSON.stringify(launcher)});
      const { rejected } = compileBundle(${JSON.stringify(bundle)}, ${JSON.stringify(cacheFile)});
      process.stdout.write(String(rejected));`;
    const rejected = run(process.execPath, ["-e", check], { cwd: repo, env });
    if (rejected !== "false") throw new Error(`V8 did not take the code cache it just made (${rejected})`);
    return statSync(cacheFile).size;
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
}
