import { spawnSync } from "node:child_process";
import { RED_HAT_CLOUD_HUB_URL, RED_HAT_SSO_TOKEN_URL } from "@hub-setup/core";
import { requireTool } from "@hub-setup/test-utils";
import { describe, expect, it } from "vitest";
import { ACTION_INPUTS } from "../src/commands/ci/action-inputs.js";
import { REPO_ROOT } from "./support/built-bin.js";
import { loadYaml } from "./support/yaml.js";

// GitHub runs the committed apps/hub-setup/action/dist/index.cjs from a checkout, where nothing is
// built. `npm test` rebuilds it first, so a difference from the committed file means a commit forgot it.
const git = requireTool("git");
const python = requireTool("python3");

function gitOut(...args: string[]) {
  return spawnSync("git", args, { cwd: REPO_ROOT, encoding: "utf8" });
}

type ActionYml = {
  runs: { using: string; main: string };
  inputs: Record<string, { required?: boolean; default?: string; description: string }>;
  outputs: Record<string, { description: string }>;
};

describe("the GitHub Action", () => {
  it.skipIf(!git.available)("the committed bundle is the one the current sources build", () => {
    // action/dist/ is under an ignored dist/ folder: a new file there is invisible to `git diff`.
    const tracked = gitOut("ls-files", "--", "apps/hub-setup/action/dist/");
    expect(tracked.stdout.trim().split("\n"), "`git add -f` the bundle that build.mjs writes").toEqual([
      "apps/hub-setup/action/dist/index.cjs",
    ]);
    const diff = gitOut("diff", "--stat", "--exit-code", "--", "apps/hub-setup/action/dist/");
    expect(diff.stdout, "run `npm run build` and commit apps/hub-setup/action/dist/").toBe("");
    expect(diff.status).toBe(0);
  });

  it.skipIf(!python.available)("action.yml runs that bundle on node20 with the inputs the code reads", () => {
    const action = loadYaml(`${REPO_ROOT}action.yml`) as ActionYml;
    expect(action.runs).toEqual({ using: "node20", main: "apps/hub-setup/action/dist/index.cjs" });
    expect(Object.keys(action.inputs).sort()).toEqual(Object.values(ACTION_INPUTS).sort());
    expect(action.inputs["cloud-url"]?.default).toBe(RED_HAT_CLOUD_HUB_URL("published"));
    expect(action.inputs["auth-url"]?.default).toBe(RED_HAT_SSO_TOKEN_URL);
    expect(action.inputs["repositories"]?.default).toBe("published");
    for (const secret of ["offline-token", "private-hub-token"]) {
      expect(action.inputs[secret]?.default, `${secret} must have no default`).toBeUndefined();
    }
    expect(Object.keys(action.outputs)).toEqual(["server-list"]);
  });
});
