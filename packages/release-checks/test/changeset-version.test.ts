// A dry run of the release flow's first step, in a temp clone (the working tree's .changeset/ and
// package.json files laid over it; nothing here is touched): a changeset, then `changeset version` with
// the pinned @changesets/cli from this repository's node_modules. Every public package gets the new
// version and a CHANGELOG.md; private ones neither.
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { repoRoot, requireTool } from "@hub-setup/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publicWorkspaces, readPackageJson, run, runOk, scratchDir } from "./support/npm.js";

const git = requireTool("git");
const changesetBin = join(repoRoot, "node_modules", "@changesets", "cli", "bin.js");

let scratch: { dir: string; remove: () => void };
let clone: string;

beforeAll(() => {
  scratch = scratchDir("hub-setup-changeset-");
  if (!git.available) return;
  clone = join(scratch.dir, "clone");
  const head = runOk("git", ["rev-parse", "HEAD"], repoRoot).stdout.trim();
  runOk("git", ["clone", "-q", "--no-checkout", repoRoot, clone], scratch.dir);
  runOk("git", ["checkout", "-q", head], clone);
  // What changesets reads, as the working tree has it (committed or not), so the test sees this edit.
  const listed = runOk(
    "git",
    ["ls-files", "-c", "-o", "--exclude-standard", "--", ".changeset", "package.json", "*/*/package.json"],
    repoRoot,
  );
  for (const file of listed.stdout.split("\n").filter(Boolean)) {
    mkdirSync(dirname(join(clone, file)), { recursive: true });
    copyFileSync(join(repoRoot, file), join(clone, file));
  }
});
afterAll(() => scratch?.remove());

describe.skipIf(!git.available)("changeset version, dry run in a temp clone", () => {
  it("bumps the four public packages together and writes a CHANGELOG.md for each", () => {
    const config = JSON.parse(readFileSync(join(clone, ".changeset", "config.json"), "utf8")) as {
      access: string;
      fixed: string[][];
    };
    expect(config.access).toBe("public");
    const publicNames = publicWorkspaces().map((w) => w.name);
    expect([...(config.fixed[0] ?? [])].sort()).toEqual([...publicNames].sort());

    writeFileSync(
      join(clone, ".changeset", "dry-run-release.md"),
      '---\n"@hub-setup/core": minor\n---\n\nThe dry run of a release, from the release-checks test.\n',
    );
    const version = run(process.execPath, [changesetBin, "version"], clone);
    expect(version.status, `${version.stdout}${version.stderr}`).toBe(0);

    for (const workspace of publicWorkspaces()) {
      const dir = join(clone, relative(repoRoot, workspace.dir));
      const pkg = readPackageJson(dir);
      expect(pkg.version, workspace.name).toBe("0.2.0");
      const changelog = readFileSync(join(dir, "CHANGELOG.md"), "utf8");
      expect(changelog, workspace.name).toMatch(
        new RegExp(`^# ${workspace.name.replace("/", "\\/")}\\n\\n## 0\\.2\\.0\\n`),
      );
    }
    const core = readFileSync(join(clone, "packages", "core", "CHANGELOG.md"), "utf8");
    expect(core).toContain("### Minor Changes");
    expect(core).toContain("The dry run of a release, from the release-checks test.");
    // The library that depends on core at run time follows it; the CLIs' devDependency too (npm
    // workspaces would otherwise stop linking the local core).
    for (const cli of ["apps/hub-setup", "apps/hub-token-check"]) {
      expect(readPackageJson(join(clone, cli)).devDependencies?.["@hub-setup/core"], cli).toBe("0.2.0");
    }
    expect(readPackageJson(join(clone, "packages", "sandbox")).dependencies).toEqual({
      "@hub-setup/core": "0.2.0",
    });

    for (const privateDir of ["packages/test-utils", "packages/release-checks"]) {
      expect(readPackageJson(join(clone, privateDir)).version, privateDir).toBe("0.0.0");
      expect(existsSync(join(clone, privateDir, "CHANGELOG.md")), privateDir).toBe(false);
    }
    // The changeset was used up.
    expect(existsSync(join(clone, ".changeset", "dry-run-release.md"))).toBe(false);
  });
});

describe("the release workflow", () => {
  it("tests first, then versions with the script that rebuilds the hook bundle, and publishes", () => {
    const workflow = readFileSync(join(repoRoot, ".github", "workflows", "release.yml"), "utf8");
    const scripts = (
      JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as {
        scripts: Record<string, string>;
      }
    ).scripts;
    expect(workflow.indexOf("bash .ci/run")).toBeGreaterThan(0);
    expect(workflow.indexOf("changesets/action")).toBeGreaterThan(workflow.indexOf("bash .ci/run"));
    expect(workflow).toContain("version: npm run version-packages");
    expect(workflow).toContain("publish: npm run release");
    // The committed checker bundle prints the version: the version pull request must carry it rebuilt.
    expect(scripts["version-packages"]).toMatch(/^changeset version && .*npm run build$/);
    expect(scripts["release"]).toMatch(/npm run build && changeset publish$/);
  });
});
