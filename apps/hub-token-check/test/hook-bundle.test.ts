import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { requireTool } from "@hub-setup/test-utils";

// The pre-commit framework runs the committed hook/dist bundle from a clone, where nothing is built.
// `npm test` rebuilds it first, so a difference from the committed file means the commit forgot it.
const git = requireTool("git");
const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));

function gitOut(...args: string[]) {
  return spawnSync("git", args, { cwd: repoRoot, encoding: "utf8" });
}

it.skipIf(!git.available)("the committed hook bundle is the one the current sources build", () => {
  // hook/dist/ is under an ignored dist/ folder: a new file there is invisible to `git diff`.
  const tracked = gitOut("ls-files", "--", "apps/hub-token-check/hook/dist/");
  expect(tracked.stdout.trim().split("\n"), "`git add -f` the bundle that build.mjs writes").toEqual([
    "apps/hub-token-check/hook/dist/hub-token-check.cjs",
  ]);
  const diff = gitOut("diff", "--stat", "--exit-code", "--", "apps/hub-token-check/hook/dist/");
  expect(diff.stdout, "run `npm run build` and commit apps/hub-token-check/hook/dist/").toBe("");
  expect(diff.status).toBe(0);
});
