// Every README stands on its own (npm shows a package's README; GitHub the rest): no path of a
// machine outside the repository, and every relative link names a file that is in the repository.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { repoRoot, requireTool } from "@hub-setup/test-utils";
import { describe, expect, it } from "vitest";
import { publicWorkspaces, runOk } from "./support/npm.js";

const git = requireTool("git");

describe.skipIf(!git.available)("the READMEs", () => {
  const readmes = git.available
    ? runOk("git", ["ls-files", "-c", "-o", "--exclude-standard", "--", "README.md", "*/README.md"], repoRoot)
        .stdout.split("\n")
        .filter((f) => f !== "" && !f.includes("node_modules/"))
    : [];

  it("cite no path of a machine outside the repository", () => {
    expect(readmes).toContain("packages/sandbox/README.md");
    for (const file of readmes) {
      const text = readFileSync(join(repoRoot, file), "utf8");
      expect(text.match(/(?:^|[\s`("'])\/(?:work|home|root|Users|mnt)\/[^\s`)]*/gm), file).toBeNull();
    }
  });

  it("link only to files inside the repository, which exist", () => {
    for (const file of readmes) {
      const text = readFileSync(join(repoRoot, file), "utf8");
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (target === undefined || /^(?:[a-z]+:|#)/i.test(target)) continue;
        const path = resolve(dirname(join(repoRoot, file)), target.replace(/#.*$/, ""));
        expect(relative(repoRoot, path).startsWith(".."), `${file} → ${target}`).toBe(false);
        expect(existsSync(path), `${file} → ${target}`).toBe(true);
      }
    }
  });

  it("each public package has a README and the manifest fields npm's page shows", () => {
    for (const workspace of publicWorkspaces()) {
      expect(existsSync(join(workspace.dir, "README.md")), workspace.name).toBe(true);
      const pkg = JSON.parse(readFileSync(join(workspace.dir, "package.json"), "utf8")) as Record<
        string,
        unknown
      >;
      expect(pkg["license"], workspace.name).toBe("Apache-2.0");
      const repository = pkg["repository"] as { type?: string; url?: string } | undefined;
      expect(repository?.type, workspace.name).toBe("git");
      expect(repository?.url, workspace.name).toMatch(/^git\+https:/);
      expect(pkg["engines"], workspace.name).toEqual({ node: ">=20.18.1" });
      expect((pkg["keywords"] as string[] | undefined)?.length ?? 0, workspace.name).toBeGreaterThan(2);
      expect(typeof pkg["description"], workspace.name).toBe("string");
    }
  });
});
