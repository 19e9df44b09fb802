import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { readFileSync } from "node:fs";
import { requireTool, tempDir } from "@hub-setup/test-utils";
import { describe, expect, it } from "vitest";
import { ACTION_INPUTS } from "../src/commands/ci/action-inputs.js";
import { REPO_ROOT } from "./support/built-bin.js";
import { loadYaml } from "./support/yaml.js";

// The workflows docs/ci.md gives to copy: each must parse, and use only inputs action.yml declares.
const python = requireTool("python3");

type Step = { uses?: string; with?: Record<string, string> };
type Workflow = Record<string, unknown> & { jobs: Record<string, { steps: Step[] }> };

function workflows(): Map<string, Workflow> {
  const doc = readFileSync(join(REPO_ROOT, "docs/ci.md"), "utf8");
  const dir = tempDir("ci-docs-");
  const found = new Map<string, Workflow>();
  for (const [, body = ""] of doc.matchAll(/```yaml\n([\s\S]*?)```/g)) {
    const name = /^# (\.github\/workflows\/[\w-]+\.yml)\n/.exec(body)?.[1];
    if (name === undefined) continue;
    const file = join(dir, name.replace(/\//g, "_"));
    writeFileSync(file, body);
    found.set(name, loadYaml(file) as Workflow);
  }
  return found;
}

describe.skipIf(!python.available)("the workflows in docs/ci.md", () => {
  it("use the action with inputs it declares, and the keep-alive runs weekly", () => {
    const all = workflows();
    expect([...all.keys()].sort()).toEqual([
      ".github/workflows/collections.yml",
      ".github/workflows/hub-keepalive.yml",
    ]);
    for (const [name, wf] of all) {
      const steps = Object.values(wf.jobs).flatMap((job) => job.steps);
      const ours = steps.filter((s) => s.uses?.startsWith("<owner>/<this repository>@") === true);
      expect(ours, `${name} uses the action once`).toHaveLength(1);
      for (const input of Object.keys(ours[0]?.with ?? {})) {
        expect(Object.values(ACTION_INPUTS), `${name}: input ${input}`).toContain(input);
      }
      expect(ours[0]?.with?.["offline-token"]).toBe("${{ secrets.RH_OFFLINE_TOKEN }}");
    }
    // PyYAML reads the bare key `on` as YAML 1.1's boolean true.
    const keepalive = all.get(".github/workflows/hub-keepalive.yml");
    const on = (keepalive?.["on"] ?? keepalive?.["true"]) as { schedule: Array<{ cron: string }> };
    const [cron] = on.schedule;
    const fields = cron?.cron.split(" ") ?? [];
    expect(fields).toHaveLength(5);
    expect(fields.slice(2, 4)).toEqual(["*", "*"]); // every month, every day-of-month…
    expect(fields[4]).toMatch(/^[0-6]$/); // …on one weekday: weekly, well inside the 30 idle days
  });
});
