import { chmodSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "@hub-setup/test-utils";
import { containerRuntimes } from "./container-runtime.js";

/**
 * A stand-in `buildah` first on PATH that records the buildah settings it was started with and its
 * arguments: the runtime settings are the user's (BUILDAH_ISOLATION, CONTAINERS_STORAGE_CONF), set in
 * their environment, and ee build passes them through untouched and adds no flag of its own for them.
 */
function fakeBuildah(): { bin: string; record: string } {
  const bin = tempDir("hub-setup-fake-buildah-");
  const record = join(bin, "record");
  writeFileSync(
    join(bin, "buildah"),
    `#!/bin/sh
if [ "$1" = --version ]; then echo "buildah version 1.28.2 isolation=$BUILDAH_ISOLATION conf=$CONTAINERS_STORAGE_CONF"; exit 0; fi
printf '%s\\n' "isolation=$BUILDAH_ISOLATION" "conf=$CONTAINERS_STORAGE_CONF" "$@" > "${record}"
`,
  );
  chmodSync(join(bin, "buildah"), 0o755);
  return { bin, record };
}

describe("containerRuntimes", () => {
  it("runs buildah with the user's BUILDAH_ISOLATION and CONTAINERS_STORAGE_CONF, and only the arguments given", async () => {
    const { bin, record } = fakeBuildah();
    const runtimes = containerRuntimes({
      PATH: `${bin}:${process.env["PATH"] ?? "/usr/bin:/bin"}`,
      BUILDAH_ISOLATION: "chroot",
      CONTAINERS_STORAGE_CONF: "/home/u/.config/containers/storage-vfs.conf",
    });
    const probe = await runtimes.probe("buildah");
    expect(probe).toEqual({
      name: "buildah",
      found: true,
      versionText: "buildah version 1.28.2 isolation=chroot conf=/home/u/.config/containers/storage-vfs.conf",
    });
    const args = ["bud", "--secret", "id=s,src=/t/s.env", "-f", "/t/c/Containerfile", "-t", "ee:1", "/t/c"];
    const exit = await runtimes.build("buildah", args, new AbortController().signal);
    expect(exit).toEqual({ kind: "exit", code: 0, signal: null });
    expect(readFileSync(record, "utf8").split("\n").slice(0, -1)).toEqual([
      "isolation=chroot",
      "conf=/home/u/.config/containers/storage-vfs.conf",
      ...args,
    ]);
  });

  it("says a runtime that is not on PATH is not found", async () => {
    const runtimes = containerRuntimes({ PATH: tempDir("hub-setup-empty-path-") });
    expect(await runtimes.probe("podman")).toEqual({ name: "podman", found: false });
  });
});
