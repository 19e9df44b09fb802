// hub-token-check on the two paths users meet: a commit (one staged ansible.cfg) against a bare node
// start, and `--all` over a 20,000-file repository against the least any checker must do there (list the
// tracked files and read the candidates). Repositories are generated under the OS temp dir once and reused.
import { spawnSync } from "node:child_process";
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { compareCommands } from "./lib.mjs";

const node = process.execPath;
// What `npx hub-token-check` and the hook `install` writes run (the pre-commit framework runs the same
// launcher from a clone: see below).
const checker = join(process.cwd(), "apps/hub-token-check/bin/hub-token-check.cjs");
const env = {
  PATH: process.env.PATH,
  HOME: tmpdir(),
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_AUTHOR_NAME: "bench",
  GIT_AUTHOR_EMAIL: "bench@example.com",
  GIT_COMMITTER_NAME: "bench",
  GIT_COMMITTER_EMAIL: "bench@example.com",
};

function git(cwd, ...args) {
  const r = spawnSync("git", args, { cwd, env, encoding: "utf8", maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`git ${args.join(" ")}: ${r.stderr}`);
  return r.stdout;
}

function write(root, path, text) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

const CLEAN_CFG = `[defaults]
inventory = ./inventory
host_key_checking = False

[galaxy]
server_list = automation_hub, private_hub

[galaxy_server.automation_hub]
url = https://console.redhat.com/api/automation-hub/content/published/
auth_url = https://sso.redhat.com/auth/realms/redhat-external/protocol/openid-connect/token

[galaxy_server.private_hub]
url = https://hub.example.com/api/galaxy/content/published/
`;

/** A repository with one staged (clean) ansible.cfg: what a typical commit looks like. */
function commitRepo() {
  const dir = join(tmpdir(), "hub-token-check-bench-commit");
  if (existsSync(join(dir, ".bench-ready"))) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  git(dir, "init", "-q", "-b", "main");
  write(dir, "README.md", "# a project\n");
  git(dir, "add", "-A");
  git(dir, "commit", "-q", "-m", "start");
  write(dir, "ansible.cfg", CLEAN_CFG);
  git(dir, "add", "ansible.cfg");
  writeFileSync(join(dir, ".bench-ready"), "");
  return dir;
}

/** One clean file of each kind teams commit beside their playbooks (none holds a token). */
const MIXED = [
  (i) => [
    `Containerfile`,
    `FROM registry.redhat.io/ubi9\nARG ANSIBLE_GALAXY_SERVER_AH_TOKEN\nRUN echo ${i}\n`,
  ],
  (i) => [`.env`, `APP_PORT=${8000 + (i % 1000)}\nANSIBLE_GALAXY_SERVER_AH_TOKEN=\${AH_TOKEN}\n`],
  (i) => [
    `ci${i}.gitlab-ci.yml`,
    `variables:\n  ANSIBLE_GALAXY_SERVER_AH_TOKEN: $AH_TOKEN\nbuild:\n  script: [make ${i}]\n`,
  ],
  (i) => [
    `workflow${i}.yml`,
    `on: push\njobs:\n  b:\n    env:\n      X_TOKEN: \${{ secrets.X }}\n    steps:\n      - run: make ${i}\n`,
  ],
  (i) => [
    `README${i}.md`,
    `# module ${i}\n\nRun \`ansible-galaxy collection install -r requirements.yml\`.\n`,
  ],
  (i) => [`package${i}.json`, `{ "name": "pkg${i}", "version": "1.0.${i}" }\n`],
  (i) => [`build${i}.sh`, `#!/bin/sh\nexport ANSIBLE_GALAXY_SERVER_AH_TOKEN="$AH_TOKEN"\nmake ${i}\n`],
  (i) => [`vars${i}.tfvars`, `region = "eu-${i % 3}"\n`],
  (i) => [`tasks${i}.yml`, `- name: task ${i}\n  debug:\n    msg: hello ${i}\n`],
  (i) => [`code${i}.py`, `def f${i}():\n    return ${i}\n`],
];
/** A small PNG header and some bytes: the kind of real binary the checker skips by its magic bytes. */
const PNG = Buffer.concat([Buffer.from("89504e470d0a1a0a0000000d49484452", "hex"), Buffer.alloc(200, 7)]);

/**
 * 20,000 tracked files of mixed kinds, as an Ansible team's repository holds: 1 in 100 an ansible.cfg,
 * 1 in 100 another .cfg/.ini, 1 in 100 a PNG, the rest spread over Containerfiles, .env, CI YAML,
 * workflows, docs, JSON, shell, tfvars, task YAML and Python.
 */
function bigRepo() {
  const dir = join(tmpdir(), "hub-token-check-bench-20k-mixed");
  if (existsSync(join(dir, ".bench-ready"))) return dir;
  console.log(`generating ${dir} (once)…`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  git(dir, "init", "-q", "-b", "main");
  for (let i = 0; i < 20_000; i++) {
    const folder = `pkg${i % 200}/mod${Math.floor(i / 200) % 100}`;
    if (i % 100 === 0) write(dir, `${folder}/ansible.cfg`, CLEAN_CFG.replace("./inventory", `./inv${i}`));
    else if (i % 100 === 50)
      write(dir, `${folder}/setup${i}.${i % 200 === 50 ? "cfg" : "ini"}`, `[metadata]\nname = pkg${i}\n`);
    else if (i % 100 === 25) write(dir, `${folder}/logo${i}.png`, PNG);
    else {
      const [name, text] = MIXED[i % MIXED.length](i);
      write(dir, `${folder}/${name}`, text);
    }
  }
  git(dir, "add", "-A");
  git(dir, "commit", "-q", "-m", "20k files");
  writeFileSync(join(dir, ".bench-ready"), "");
  return dir;
}

/**
 * The git commands `command` runs in `cwd`, with their stdin: it runs once with a `git` first on PATH
 * that logs its arguments and input, then hands over to the real git.
 */
function recordGitCalls(command, cwd) {
  const dir = join(tmpdir(), "hub-token-check-bench-git-log");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const log = join(dir, "calls.jsonl");
  const realGit = spawnSync("sh", ["-c", "command -v git"], { env, encoding: "utf8" }).stdout.trim();
  writeFileSync(
    join(dir, "git"),
    `#!${node}
const { appendFileSync, readFileSync } = require("node:fs");
const { spawnSync } = require("node:child_process");
const args = process.argv.slice(2);
const input = readFileSync(0, "utf8"); // empty when the checker gives git no stdin
appendFileSync(${JSON.stringify(log)}, JSON.stringify({ args, input }) + "\\n");
const run = spawnSync(${JSON.stringify(realGit)}, args, { input, stdio: ["pipe", "inherit", "inherit"] });
process.exit(run.status ?? 1);
`,
  );
  chmodSync(join(dir, "git"), 0o755);
  const [cmd, ...args] = command;
  const run = spawnSync(cmd, args, { cwd, env: { ...env, PATH: `${dir}:${env.PATH}` }, encoding: "utf8" });
  if (run.status !== 0) throw new Error(`recording the git commands: exit ${run.status}: ${run.stderr}`);
  const calls = existsSync(log)
    ? readFileSync(log, "utf8")
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line))
    : [];
  if (calls.length === 0) throw new Error(`${command.join(" ")} ran no git command: nothing to compare with`);
  return calls;
}

function describeCalls(calls) {
  const names = calls.map(
    ({ args }) => `git ${args.find((a) => !a.startsWith("-") && !a.includes("=")) ?? ""}`,
  );
  return `${calls.length === 1 ? "git command" : `${calls.length} git commands`} (${names.join(", ")})`;
}

// Runs each recorded git command in turn as the checker does (src/source/spawn-sync.ts): through Node's
// spawn_sync binding, stdin only when there is input, stdout and stderr collected.
const REPLAY_GIT = `
const binding = process.binding("spawn_sync");
const calls = JSON.parse(process.argv[1]);
const pipe = { type: "pipe", readable: false, writable: true };
for (const { args, input } of calls) {
  const run = binding.spawn({
    file: "git",
    args: ["git", ...args],
    cwd: process.cwd(),
    envPairs: Object.entries(process.env).map(([k, v]) => k + "=" + v),
    stdio: [input ? { type: "pipe", readable: true, writable: false, input: Buffer.from(input) } : { type: "ignore" }, pipe, pipe],
    maxBuffer: Infinity,
  });
  if (run.status !== 0) {
    console.error("git exited " + run.status);
    process.exitCode = 1;
    break;
  }
}
`;

const commit = commitRepo();
compareCommands({
  name: "hub-token-check, one staged ansible.cfg vs node -e 0",
  baseline: [node, "-e", "0"],
  subject: [node, checker],
  options: { cwd: commit, env },
  aim: 1.5,
});

// Informative, no aim: the same commit against the floor under it, `node -e 0` plus the git command(s)
// the checker runs there, spawned the way the checker spawns them. The ratio is our own overhead (module
// loading, parsing the patch, scanning) above what any node-based checker of the index must pay.
const calls = recordGitCalls([node, checker], commit);
compareCommands({
  name: `hub-token-check, one staged ansible.cfg vs node -e 0 + the same ${describeCalls(calls)} (informative)`,
  baseline: [node, "-e", REPLAY_GIT, JSON.stringify(calls)],
  subject: [node, checker],
  options: { cwd: commit, env },
});

// What the pre-commit framework runs: the entry in /.pre-commit-hooks.yaml from its clone of this
// repository, where nothing is built (so no dist/ and no shipped code cache: bin/ runs hook/dist/), once
// per commit with the staged file names. A fresh copy each bench run, so that its first run (the
// warm-up) is the first ever: it writes the command's own code cache, which every later commit uses.
const clone = join(tmpdir(), "hub-token-check-bench-pre-commit-clone");
rmSync(clone, { recursive: true, force: true });
for (const part of ["bin", "hook"]) {
  cpSync(join(process.cwd(), "apps/hub-token-check", part), join(clone, "apps/hub-token-check", part), {
    recursive: true,
  });
}
const preCommitEntry = join(clone, "apps/hub-token-check/bin/hub-token-check.cjs");
// The launcher's own code cache goes to a private folder of this run, not a shared /tmp/.cache.
const cacheHome = mkdtempSync(join(tmpdir(), "hub-token-check-bench-cache-"));
process.on("exit", () => rmSync(cacheHome, { recursive: true, force: true }));
compareCommands({
  name: "hub-token-check ansible.cfg (as the pre-commit framework runs it) vs node -e 0",
  baseline: [node, "-e", "0"],
  subject: [node, preCommitEntry, "ansible.cfg"],
  options: { cwd: commit, env: { ...env, XDG_CACHE_HOME: cacheHome } },
  aim: 1.5,
});
// Informative: the same with no code cache at all, as on the first commit after an install or update.
compareCommands({
  name: "the same, without a code cache (a first run) (informative)",
  baseline: [node, "-e", "0"],
  subject: [node, preCommitEntry, "ansible.cfg"],
  options: { cwd: commit, env: { ...env, HUB_TOKEN_CHECK_NO_CODE_CACHE: "1" } },
});

const big = bigRepo();
// The floor for any scanner of tracked files: list them and read every one it scans. The checker scans
// every text file (a token leaks in Containerfiles, CI YAML, .env and docs too) and tells a binary by its
// magic bytes, so the floor reads every file and decodes the text ones.
const listAndRead = `
const { execFileSync } = require("node:child_process");
const { readFileSync } = require("node:fs");
const out = execFileSync("git", ["ls-files", "-z"], { maxBuffer: 1 << 28 }).toString();
let chars = 0;
for (const p of out.split("\\0")) {
  if (p === "") continue;
  const bytes = readFileSync(p);
  if (bytes[0] !== 0x89) chars += bytes.toString("utf8").length;
}
if (chars === 0) process.exit(3);
`;
compareCommands({
  name: "hub-token-check --all, 20,000 tracked files of mixed kinds vs git ls-files + reading every text file",
  baseline: [node, "-e", listAndRead],
  subject: [node, checker, "--all"],
  options: { cwd: big, env },
  runs: 15,
  aim: 2,
});

// secretlint, side by side on the same files. It is not a dependency of any workspace: `npm run
// bench:tools` installs a pinned copy (the last release that runs on Node 20) into bench/tools/secretlint.
const secretlintDir = fileURLToPath(new URL("./tools/secretlint/", import.meta.url));
const secretlintBin = join(secretlintDir, "node_modules", ".bin", "secretlint");
if (existsSync(secretlintBin)) {
  const rc = ["--secretlintrc", join(secretlintDir, ".secretlintrc.json")];
  compareCommands({
    name: "hub-token-check --all vs secretlint (preset-recommend) on the same 20,000-file repository",
    baseline: [secretlintBin, ...rc, "**/*.cfg", "**/*.ini"],
    subject: [node, checker, "--all"],
    options: { cwd: big, env },
    runs: 5,
  });
  // Not speed but reach: the corpus files whose tokens look real, as each tool sees them.
  const corpus = join(
    fileURLToPath(new URL("../", import.meta.url)),
    "..",
    "shared",
    "corpus",
    "ansible-cfg",
  );
  if (existsSync(join(corpus, "index.tsv"))) {
    const real = readFileSync(join(corpus, "index.tsv"), "utf8")
      .trim()
      .split("\n")
      .slice(1)
      .map((line) => line.split("\t"))
      .filter((cols) => cols[7] === "1")
      .map((cols) => `files/${cols[0]}.cfg`);
    // secretlint takes only paths inside its working folder, so both run from the corpus folder.
    const theirs = spawnSync(secretlintBin, [...rc, "--format", "json", ...real], {
      encoding: "utf8",
      env,
      cwd: corpus,
    });
    const flaggedByThem = JSON.parse(theirs.stdout).filter((f) => f.messages.length > 0).length;
    const ours = spawnSync(node, [checker, "--format", "json", ...real], {
      encoding: "utf8",
      env,
      cwd: corpus,
    });
    const flaggedByUs = new Set(JSON.parse(ours.stdout).findings.map((f) => f.path)).size;
    console.log(
      `corpus files with real-looking hub tokens (${real.length}): hub-token-check flags ${flaggedByUs}, secretlint flags ${flaggedByThem}`,
    );
  }
} else {
  console.log(
    "secretlint side by side: not measured — it is not installed. `npm run bench:tools` installs a pinned " +
      "copy into bench/tools/secretlint (no workspace depends on it), then run this bench again.",
  );
}
