import { spawnSync } from "node:child_process";
import { expect } from "vitest";

/**
 * A YAML file as JSON, read by PyYAML's safe_load: the parser ansible-core itself depends on, so it is
 * there wherever the tests that drive ansible-galaxy run (no YAML package is added to this repository).
 */
export function loadYaml(path: string): unknown {
  const script =
    "import json, sys, yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1], encoding='utf-8'))))";
  const run = spawnSync("python3", ["-c", script, path], { encoding: "utf8" });
  expect(run.status, `python3 with PyYAML could not read ${path}: ${run.stderr}`).toBe(0);
  return JSON.parse(run.stdout) as unknown;
}
