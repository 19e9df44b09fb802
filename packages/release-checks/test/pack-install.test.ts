// What a user gets from npm: every public workspace packed with `npm pack`, each CLI tarball installed
// ALONE into an empty folder outside the repository with `npm install --offline` (no registry, no other
// tarball), and run from there; the libraries installed from their tarballs with their dependencies
// from npm's cache (the versions of our lockfile), imported by a plain .mjs file.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fakeHubToken, repoRoot, requireTool, showsSecret } from "@hub-setup/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeLockedProject } from "./support/lockfile.js";
import { cleanEnv, pack, publicWorkspaces, run, runOk, scratchDir, type Packed } from "./support/npm.js";

/** Packed size budgets (bytes, kB = 1000 B), from issue #11. */
const budgets: Record<string, number> = { "hub-setup": 700_000, "hub-token-check": 250_000 };
const git = requireTool("git");

/** The pinned secretlint `npm run bench:tools` installs (and so puts in npm's cache); no workspace's dependency. */
const secretlintBin = join(repoRoot, "bench/tools/secretlint/node_modules/secretlint/bin/secretlint.js");
function secretlint(): { available: boolean } {
  if (existsSync(secretlintBin)) return { available: true };
  const reason = "secretlint is not installed in bench/tools/secretlint (`npm run bench:tools` installs it)";
  if (process.env["CI"] === "true") throw new Error(`CI=true and ${reason}: .ci/run must install it`);
  console.warn(`[skip] ${reason}`);
  return { available: false };
}

let scratch: { dir: string; remove: () => void };
const packed = new Map<string, Packed>();

function tarball(name: string): Packed {
  const p = packed.get(name);
  if (p === undefined) throw new Error(`${name} was not packed`);
  return p;
}

/** `npm install --offline <tarball>` alone into a fresh empty folder; returns the folder. */
function installAlone(name: string): string {
  const dir = join(scratch.dir, `alone-${name}`);
  mkdirSync(dir);
  runOk("npm", ["install", "--offline", "--no-audit", "--no-fund", tarball(name).tarball], dir);
  return dir;
}

beforeAll(() => {
  scratch = scratchDir("hub-setup-pack-");
  const dest = join(scratch.dir, "tarballs");
  mkdirSync(dest);
  for (const workspace of publicWorkspaces()) packed.set(workspace.name, pack(workspace, dest));
  const rows = [...packed.values()].map(
    (p) => `  ${p.name.padEnd(20)} ${(p.size / 1000).toFixed(0).padStart(5)} kB  ${p.files.length} files`,
  );
  console.log(`packed sizes (npm pack):\n${rows.join("\n")}`);
});
afterAll(() => scratch?.remove());

describe("npm pack of every public workspace", () => {
  it("packs the two CLIs, the two libraries and the secretlint rule, none of them private", () => {
    expect([...packed.keys()].sort()).toEqual([
      "@hub-setup/core",
      "@hub-setup/sandbox",
      "@hub-setup/secretlint-rule-hub-token",
      "hub-setup",
      "hub-token-check",
    ]);
  });

  it("ships no source map, and each CLI within its size budget", () => {
    for (const p of packed.values()) {
      expect(
        p.files.filter((f) => f.endsWith(".map")),
        p.name,
      ).toEqual([]);
      expect(p.files, p.name).toContain("README.md");
      expect(p.files, p.name).toContain("package.json");
    }
    for (const [name, budget] of Object.entries(budgets)) {
      expect(tarball(name).size, `${name} packed`).toBeLessThanOrEqual(budget);
    }
  });

  it("the README's table of packed sizes is today's (within 5%)", () => {
    const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
    for (const p of packed.values()) {
      const row = new RegExp(
        `^\\| \`${p.name.replace("/", "\\/")}\` +\\| +([\\d,]+(?:\\.\\d)?) kB`,
        "m",
      ).exec(readme);
      expect(row, `a row for ${p.name} in README.md's "Packed sizes" table`).not.toBeNull();
      const kB = Number(row?.[1]?.replace(/,/g, ""));
      expect(Math.abs(kB * 1000 - p.size) / p.size, `${p.name}: README says ${kB} kB`).toBeLessThanOrEqual(
        0.05,
      );
    }
  });

  it("the CLIs depend at run time on nothing unpublished: no dependencies, the keyring optional", () => {
    for (const name of ["hub-setup", "hub-token-check"]) {
      const pkg = JSON.parse(readFileSync(join(tarball(name).dir, "package.json"), "utf8")) as {
        dependencies?: Record<string, string>;
        optionalDependencies?: Record<string, string>;
      };
      expect(pkg.dependencies, name).toBeUndefined();
      expect(Object.keys(pkg.optionalDependencies ?? {}), name).toEqual(["@napi-rs/keyring"]);
    }
  });
});

describe("each CLI tarball installed alone, offline, run outside the repository", () => {
  it("hub-setup answers --version and --help", () => {
    const dir = installAlone("hub-setup");
    const installed = readdirSync(join(dir, "node_modules")).filter((n) => !n.startsWith("."));
    expect(installed.filter((n) => n !== "@napi-rs")).toEqual(["hub-setup"]);
    const bin = join(dir, "node_modules", ".bin", "hub-setup");
    const version = runOk(bin, ["--version"], dir);
    expect(version.stdout).toBe(`hub-setup ${tarball("hub-setup").version}\n`);
    const help = runOk(bin, ["--help"], dir);
    expect(help.stdout).toMatch(/^hub-setup: connect ansible-galaxy/);
    expect(help.stdout).toContain("Usage:");
  });

  it.skipIf(!git.available)(
    "hub-token-check answers --version and flags a token in a staged ansible.cfg (exit 1)",
    () => {
      const dir = installAlone("hub-token-check");
      const bin = join(dir, "node_modules", ".bin", "hub-token-check");
      expect(runOk(bin, ["--version"], dir).stdout).toBe(
        `hub-token-check ${tarball("hub-token-check").version}\n`,
      );
      const repo = join(scratch.dir, "a-project");
      mkdirSync(repo);
      const env = cleanEnv({ HOME: repo, GIT_CONFIG_NOSYSTEM: "1" });
      runOk("git", ["init", "-q"], repo, env);
      const token = fakeHubToken("pack-install");
      writeFileSync(
        join(repo, "ansible.cfg"),
        `[galaxy]\nserver_list = private_hub\n\n[galaxy_server.private_hub]\nurl = https://hub.example.com/api/galaxy/\ntoken = ${token}\n`,
      );
      runOk("git", ["add", "ansible.cfg"], repo, env);
      const scan = run(bin, [], repo, env);
      expect(scan.status, scan.stderr).toBe(1);
      expect(`${scan.stdout}${scan.stderr}`).toContain("ansible.cfg");
      expect(showsSecret(`${scan.stdout}${scan.stderr}`, token)).toBe(false);
      // The code cache ships in the tarball and V8 takes it where npm put the package.
      const pkgDir = join(dir, "node_modules", "hub-token-check");
      const bundle = join(pkgDir, "dist", "hub-token-check.cjs");
      const rejected = run(
        process.execPath,
        [
          "-e",
          `const { compileBundle } = require(${JSON.stringify(join(pkgDir, "bin", "hub-token-check.cjs"))});
           process.stdout.write(String(compileBundle(${JSON.stringify(bundle)}, ${JSON.stringify(`${bundle}.v8-cache`)}).rejected));`,
        ],
        dir,
        cleanEnv({}),
      );
      expect(rejected.stdout, rejected.stderr).toBe("false");
    },
  );

  it("npx --offline --package <tarball> hub-token-check runs it", () => {
    const dir = join(scratch.dir, "npx-here");
    mkdirSync(dir);
    const npx = runOk(
      "npx",
      ["--offline", "--yes", "--package", tarball("hub-token-check").tarball, "hub-token-check", "--version"],
      dir,
      cleanEnv({ npm_config_cache: join(scratch.dir, "npx-cache"), npm_config_offline: "true" }),
    );
    expect(npx.stdout).toBe(`hub-token-check ${tarball("hub-token-check").version}\n`);
  });
});

describe("the libraries installed from their tarballs, dependencies from npm's cache", () => {
  it("a plain .mjs imports @hub-setup/core, parses an ansible.cfg, and starts the sandbox; the README examples run", () => {
    const dir = join(scratch.dir, "uses-the-library");
    mkdirSync(dir);
    const libs = [tarball("@hub-setup/core"), tarball("@hub-setup/sandbox")];
    for (const lib of libs)
      writeFileSync(join(dir, lib.tarball.split("/").pop() as string), readFileSync(lib.tarball));
    writeLockedProject(dir, libs);
    runOk("npm", ["ci", "--offline", "--no-audit", "--no-fund"], dir);
    writeFileSync(
      join(dir, "main.mjs"),
      [
        'import { parseAnsibleConfig, readGalaxyServers } from "@hub-setup/core";',
        'import { startSandbox } from "@hub-setup/sandbox";',
        'const text = "[galaxy]\\nserver_list = rh\\n\\n[galaxy_server.rh]\\nurl = https://console.redhat.com/api/automation-hub/content/published/\\n";',
        "const parsed = parseAnsibleConfig(text);",
        "if (!parsed.ok) throw new Error('not parsed');",
        "const servers = readGalaxyServers(parsed.config, {});",
        "const sandbox = await startSandbox();",
        "console.log(JSON.stringify({ same: parsed.config.toString() === text, ids: servers.serverList.ids, url: servers.servers[0].url.value, sandbox: new URL(sandbox.urls.cloud.published).hostname }));",
        "await sandbox.close();",
        "",
      ].join("\n"),
    );
    // Each library README's first example, as npm's page shows it, runs as written.
    for (const lib of libs) {
      const readme = readFileSync(join(dir, "node_modules", lib.name, "README.md"), "utf8");
      const example = /^```(?:js|ts)\n([\s\S]*?)^```/m.exec(readme)?.[1];
      expect(example, `${lib.name}'s README has an example`).toBeDefined();
      const file = `readme-${lib.name.replace(/\W/g, "-")}.mjs`;
      writeFileSync(join(dir, file), example ?? "");
      const ran = runOk(process.execPath, [file], dir);
      if (lib.name === "@hub-setup/core") {
        expect(ran.stdout).toContain("[galaxy_server.private_hub]\nurl = https://hub.example.com/");
        expect(ran.stdout).toContain("[ 'private_hub' ]");
      }
    }
    const main = runOk(process.execPath, ["main.mjs"], dir);
    expect(JSON.parse(main.stdout)).toEqual({
      same: true,
      ids: ["rh"],
      url: "https://console.redhat.com/api/automation-hub/content/published/",
      sandbox: "127.0.0.1",
    });
  });
});

describe("the secretlint rule installed from its tarball, core from its tarball, secretlint from npm's cache", () => {
  it.skipIf(!secretlint().available)(
    "a project's secretlint loads it from a .secretlintrc.json and flags a token file (exit 1), redacted",
    () => {
      const dir = join(scratch.dir, "uses-the-rule");
      mkdirSync(dir);
      const libs = [tarball("@hub-setup/core"), tarball("@hub-setup/secretlint-rule-hub-token")];
      for (const lib of libs)
        writeFileSync(join(dir, lib.tarball.split("/").pop() as string), readFileSync(lib.tarball));
      // secretlint as a user installs it beside the rule: the pinned version, from npm's cache.
      writeLockedProject(dir, libs, { lockFile: join(repoRoot, "bench/tools/secretlint/package-lock.json") });
      runOk("npm", ["ci", "--offline", "--no-audit", "--no-fund"], dir);
      const rule = JSON.parse(
        readFileSync(join(dir, "node_modules/@hub-setup/secretlint-rule-hub-token/package.json"), "utf8"),
      ) as { dependencies?: Record<string, string> };
      expect(rule.dependencies).toEqual({ "@hub-setup/core": tarball("@hub-setup/core").version });
      expect(existsSync(join(dir, "node_modules/@hub-setup/core/dist/index.js"))).toBe(true);

      writeFileSync(
        join(dir, ".secretlintrc.json"),
        JSON.stringify({ rules: [{ id: "@hub-setup/secretlint-rule-hub-token" }] }),
      );
      const token = fakeHubToken("pack-install-secretlint");
      writeFileSync(
        join(dir, "ansible.cfg"),
        `[galaxy]\nserver_list = private_hub\n\n[galaxy_server.private_hub]\nurl = https://hub.example.com/api/galaxy/\ntoken = ${token}\n`,
      );
      writeFileSync(join(dir, "clean.cfg"), "[defaults]\ninventory = hosts\n");
      const bin = join(dir, "node_modules", ".bin", "secretlint");
      const env = cleanEnv({ HOME: dir });
      const flagged = run(bin, ["--format", "json", "ansible.cfg"], dir, env);
      expect(flagged.status, flagged.stderr).toBe(1);
      const results = JSON.parse(flagged.stdout) as {
        messages: { ruleId: string; message: string; loc: { start: { line: number } } }[];
      }[];
      const messages = results.flatMap((r) => r.messages);
      expect(messages.map((m) => [m.ruleId, m.loc.start.line])).toEqual([
        ["@hub-setup/secretlint-rule-hub-token", 6],
      ]);
      // secretlint's default output masks the (already redacted) token, never the advice.
      expect(messages[0]?.message).toContain(
        "in plaintext (hub token): keep it out of the file, use ANSIBLE_GALAXY_SERVER_PRIVATE_HUB_TOKEN instead",
      );
      expect(showsSecret(JSON.stringify(messages), token)).toBe(false);
      const clean = run(bin, ["clean.cfg"], dir, env);
      expect(clean.status, clean.stderr).toBe(0);
    },
  );
});
