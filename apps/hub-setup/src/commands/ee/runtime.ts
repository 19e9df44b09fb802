import type { RuntimeName, RuntimeProbe } from "../../ports.js";

export const RUNTIMES: readonly RuntimeName[] = ["buildah", "podman", "docker"];

/** The oldest version that mounts build secrets into RUN steps (`RUN --mount=type=secret`). */
const MINIMUM: Record<Exclude<RuntimeName, "docker">, [number, number]> = {
  // buildah 1.24 added RUN --mount=type=secret; podman 4.0 is the first to build with it.
  buildah: [1, 24],
  podman: [4, 0],
};

export type RuntimeSupport = { ok: true; version: string } | { ok: false; reason: string };

function versionOf(text: string): { text: string; major: number; minor: number } | undefined {
  const m = /version\s+v?(\d+)\.(\d+)(?:\.(\d+))?/i.exec(text);
  if (m == null) return undefined;
  return { text: m[0].replace(/^version\s+v?/i, ""), major: Number(m[1]), minor: Number(m[2]) };
}

/** Whether a runtime found here can build with a secret mount, and if not, why (said to the user). */
export function runtimeSupport(probe: RuntimeProbe): RuntimeSupport {
  if (!probe.found) return { ok: false, reason: `${probe.name} is not installed (not found on PATH)` };
  const version = versionOf(probe.versionText);
  if (probe.name === "docker") {
    if (probe.buildkit !== true) {
      return {
        ok: false,
        reason:
          "docker is here without BuildKit (`docker buildx version` fails): the legacy builder cannot mount build secrets, " +
          "so the token would have to be a build arg, which ends up in the image history. Install the buildx plugin (docker-buildx)",
      };
    }
    return { ok: true, version: version?.text ?? "unknown" };
  }
  if (version === undefined) {
    return {
      ok: false,
      reason: `cannot tell ${probe.name}'s version from "${probe.versionText.trim().slice(0, 80)}"`,
    };
  }
  const [major, minor] = MINIMUM[probe.name];
  if (version.major < major || (version.major === major && version.minor < minor)) {
    return {
      ok: false,
      reason: `${probe.name} ${version.text} cannot mount build secrets into RUN steps (${probe.name} ${major}.${minor} or later can)`,
    };
  }
  return { ok: true, version: version.text };
}

export type BuildRequest = {
  containerfile: string;
  context: string;
  tag: string;
  secretId: string;
  secretFile: string;
  /** The user's own runtime arguments (after `--`), passed on as given. */
  extra: readonly string[];
};

/** The runtime's build command with the secret: `--secret id=<id>,src=<file>`. Never a token on it. */
export function buildCommand(name: RuntimeName, r: BuildRequest): { command: string; args: string[] } {
  const common = ["--secret", `id=${r.secretId},src=${r.secretFile}`, "-f", r.containerfile, "-t", r.tag];
  switch (name) {
    case "buildah":
      return { command: "buildah", args: ["bud", ...common, ...r.extra, r.context] };
    case "podman":
      return { command: "podman", args: ["build", ...common, ...r.extra, r.context] };
    case "docker":
      return { command: "docker", args: ["buildx", "build", "--load", ...common, ...r.extra, r.context] };
  }
}
