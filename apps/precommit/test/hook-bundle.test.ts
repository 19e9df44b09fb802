import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { requireTool } from "@hub-setup/test-utils";

// The pre-commit framework runs the committed hook/dist bundle from a clone, where nothing is built.
// `npm test` rebuilds it first, so a difference from the committed file means the commit forgot it.
const git = requireTool("git");
const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));

it.skipIf(!git.available)("the committed hook bundle is the one the current sources build", () => {
  const diff = spawnSync("git", ["diff", "--stat", "--exit-code", "--", "apps/precommit/hook/dist/"], {
    cwd: repoRoot,
    encoding: "utf8",
  });
  expect(diff.stdout, "run `npm run build` and commit apps/precommit/hook/dist/").toBe("");
  expect(diff.status).toBe(0);
});
