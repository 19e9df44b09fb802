import { HubSetupError } from "@hub-setup/core";
import type { CollectionSpec } from "../types.js";
import { buildArtifact, type Artifact } from "./build.js";

/**
 * The collections the sandbox serves. By default two versions of sandbox.demo and sandbox.app, which
 * depends on sandbox.demo, so that an install shows version choice and dependency resolution.
 */
export const DEFAULT_COLLECTIONS: readonly CollectionSpec[] = [
  {
    namespace: "sandbox",
    name: "demo",
    version: "1.0.0",
    description: "A demo collection with one module and one role.",
    files: {
      "plugins/modules/demo_ping.py": module("demo_ping", "1.0.0"),
      "roles/hello/tasks/main.yml": role(),
    },
  },
  {
    namespace: "sandbox",
    name: "demo",
    version: "1.1.0",
    description: "A demo collection with one module and one role.",
    files: {
      "plugins/modules/demo_ping.py": module("demo_ping", "1.1.0"),
      "roles/hello/tasks/main.yml": role(),
    },
  },
  {
    namespace: "sandbox",
    name: "app",
    version: "1.0.0",
    description: "A collection that depends on sandbox.demo.",
    dependencies: { "sandbox.demo": ">=1.0.0" },
    files: {
      "roles/deploy/tasks/main.yml":
        "---\n- name: Say hello through sandbox.demo\n  ansible.builtin.include_role:\n    name: sandbox.demo.hello\n",
    },
  },
];

export type Catalog = {
  /** "ns.name" of every collection, in first-seen order. */
  names: string[];
  /** Every version of a collection, highest first; empty when unknown. */
  versions(namespace: string, name: string): Artifact[];
  find(namespace: string, name: string, version: string): Artifact | undefined;
  byFileName(fileName: string): Artifact | undefined;
};

const NAME = /^[a-z0-9_]+$/;
const VERSION = /^\d+\.\d+\.\d+$/;
const cache = new Map<string, Artifact>();

/** Builds (once per process: the bytes are deterministic) an artifact for every spec. */
export function buildCatalog(specs: readonly CollectionSpec[]): Catalog {
  const artifacts = specs.map((spec) => {
    if (!NAME.test(spec.namespace) || !NAME.test(spec.name) || !VERSION.test(spec.version)) {
      throw new HubSetupError(
        "USAGE",
        `The sandbox cannot serve ${spec.namespace}.${spec.name} ${spec.version}: namespace and name must match [a-z0-9_]+ and the version must be like 1.2.3.`,
      );
    }
    const key = JSON.stringify(spec);
    const built = cache.get(key) ?? buildArtifact(spec);
    cache.set(key, built);
    return built;
  });
  const names = [...new Set(artifacts.map((a) => `${a.namespace}.${a.name}`))];
  const versions = (ns: string, name: string) =>
    artifacts
      .filter((a) => a.namespace === ns && a.name === name)
      .sort((a, b) => compareVersions(b.version, a.version));
  return {
    names,
    versions,
    find: (ns, name, version) => versions(ns, name).find((a) => a.version === version),
    byFileName: (fileName) => artifacts.find((a) => a.fileName === fileName),
  };
}

export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function module(name: string, version: string): string {
  return `#!/usr/bin/python
# A module installed from the hub-setup sandbox (version ${version}).
DOCUMENTATION = r"""
module: ${name}
short_description: Answers pong, to prove the collection was installed
description: Served by the hub-setup sandbox.
author: hub-setup sandbox
options: {}
"""

from ansible.module_utils.basic import AnsibleModule


def main():
    module = AnsibleModule(argument_spec={}, supports_check_mode=True)
    module.exit_json(changed=False, ping="pong", version="${version}")


if __name__ == "__main__":
    main()
`;
}

function role(): string {
  return "---\n- name: Hello from the hub-setup sandbox\n  ansible.builtin.debug:\n    msg: hello\n";
}
