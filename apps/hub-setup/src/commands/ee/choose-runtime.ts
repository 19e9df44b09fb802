import { HubSetupError } from "@hub-setup/core";
import type { ContainerRuntimes, RuntimeName } from "../../ports.js";
import { RUNTIMES, runtimeSupport } from "./runtime.js";

export type ChosenRuntime = { name: RuntimeName; version: string };

/**
 * The runtime named with --runtime, refused with the reason when it cannot mount build secrets; else
 * the first of buildah, podman and docker found here that can.
 */
export async function chooseRuntime(
  runtimes: Pick<ContainerRuntimes, "probe">,
  preferred: RuntimeName | undefined,
): Promise<ChosenRuntime> {
  const reasons: string[] = [];
  for (const name of preferred === undefined ? RUNTIMES : [preferred]) {
    const support = runtimeSupport(await runtimes.probe(name));
    if (support.ok) return { name, version: support.version };
    reasons.push(support.reason);
  }
  throw new HubSetupError(
    "EE_RUNTIME",
    preferred === undefined
      ? `no container runtime here can build with a build secret:\n${reasons.map((r) => `  - ${r}`).join("\n")}`
      : `cannot build with ${preferred}: ${reasons[0] ?? "unknown"}`,
    {
      hint: "Nothing was built. Install buildah 1.24+ or podman 4.0+ (or docker with the buildx plugin), or name another with --runtime.",
    },
  );
}
