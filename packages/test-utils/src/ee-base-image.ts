import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { hostDebianMirror } from "./debian-mirror.js";
import { withFileLock } from "./file-lock.js";
import { runChecked, runCommand } from "./run-command.js";

/** Bump when the recipe below changes: a new key means a new cache folder and a fresh image. */
export const EE_BASE_IMAGE_VERSION = "bookworm-ansible-core-v1";

export type BuildahSandbox = {
  /** The cache folder: storage.conf, the vfs store (graph/, run/) and the ready marker. */
  dir: string;
  /** Environment for buildah children: BUILDAH_ISOLATION=chroot and CONTAINERS_STORAGE_CONF=<dir>/storage.conf. */
  env: NodeJS.ProcessEnv;
};

export type EeBaseImage = BuildahSandbox & {
  /** Local image name holding Debian bookworm with ansible-core and ca-certificates. */
  image: string;
  /** True when this call built it; false when it came from the cache. */
  builtNow: boolean;
  /** Time spent making it now (mmdebstrap + import), 0 from the cache. */
  seconds: number;
};

/**
 * A buildah store of our own under os.tmpdir(), keyed by `version`, set up the way a user's machine
 * would be (chroot isolation, the vfs driver), but only in the environment handed to child processes.
 */
export function buildahSandbox(version = EE_BASE_IMAGE_VERSION): BuildahSandbox {
  const dir = join(tmpdir(), `hub-setup-ee-${version}`);
  mkdirSync(dir, { recursive: true });
  const conf = join(dir, "storage.conf");
  const text = `[storage]\ndriver = "vfs"\ngraphroot = "${join(dir, "graph")}"\nrunroot = "${join(dir, "run")}"\n`;
  if (!existsSync(conf) || readFileSync(conf, "utf8") !== text) {
    const tmp = `${conf}.${process.pid}.tmp`;
    writeFileSync(tmp, text);
    renameSync(tmp, conf);
  }
  return { dir, env: { ...process.env, BUILDAH_ISOLATION: "chroot", CONTAINERS_STORAGE_CONF: conf } };
}

async function imageExists(image: string, env: NodeJS.ProcessEnv): Promise<boolean> {
  return (await runCommand("buildah", ["inspect", "--type", "image", image], { env })).code === 0;
}

/**
 * The base image for EE build tests, made once per machine and version: `mmdebstrap --variant=apt
 * --include=ansible-core,ca-certificates bookworm` from the mirror apt uses here, imported with
 * `buildah from scratch` + `buildah add` + `buildah commit`. A lock file makes concurrent callers wait
 * for one build; a later call finds the ready marker and the image and returns at once.
 */
export async function ansibleBaseImage(version = EE_BASE_IMAGE_VERSION): Promise<EeBaseImage> {
  const sandbox = buildahSandbox(version);
  const { dir, env } = sandbox;
  const image = `localhost/hub-setup-ee-base:${version}`;
  const marker = join(dir, "ready");
  return withFileLock(join(dir, "lock"), async () => {
    if (existsSync(marker) && (await imageExists(image, env))) {
      return { ...sandbox, image, builtNow: false, seconds: 0 };
    }
    const started = Date.now();
    rmSync(marker, { force: true });
    const rootfs = join(dir, "rootfs.tar");
    const partial = join(dir, "rootfs.partial.tar");
    rmSync(rootfs, { recursive: true, force: true });
    rmSync(partial, { recursive: true, force: true });
    await runChecked(
      "mmdebstrap",
      [
        "--variant=apt",
        "--format=tar",
        "--include=ansible-core,ca-certificates",
        "bookworm",
        partial,
        hostDebianMirror(),
      ],
      { env },
    );
    renameSync(partial, rootfs);
    const container = (await runChecked("buildah", ["from", "scratch"], { env })).stdout.trim();
    try {
      await runChecked("buildah", ["add", container, rootfs, "/"], { env });
      await runChecked("buildah", ["config", "--cmd", "/bin/bash", container], { env });
      await runChecked("buildah", ["commit", "--rm", container, image], { env });
    } catch (error) {
      await runCommand("buildah", ["rm", container], { env });
      throw error;
    }
    rmSync(rootfs, { force: true });
    writeFileSync(marker, `${image}\n`);
    return { ...sandbox, image, builtNow: true, seconds: (Date.now() - started) / 1000 };
  });
}
