import { HubSetupError, secretNeedles } from "@hub-setup/core";
import { join } from "node:path";
import type { EeDeps } from "./deps.js";
import type { ChosenRuntime } from "./choose-runtime.js";
import type { SecretPlan } from "./servers.js";

function lastLines(text: string, n = 3): string {
  return text.trim().split("\n").slice(-n).join("\n  ");
}

function place(f: { blob: string; kind: string; inConfig?: string[] }): string {
  const short = f.blob.length > 19 ? `${f.blob.slice(0, 19)}…` : f.blob;
  if (f.kind === "config") {
    const where = f.inConfig !== undefined && f.inConfig.length > 0 ? ` (${f.inConfig.join(", ")})` : "";
    return `the image config ${short}${where}`;
  }
  return f.kind === "layer" ? `layer ${short}` : `${f.kind} ${short}`;
}

/**
 * Exports the built image and searches every blob (index, manifests, the config with its history, and
 * every layer) for each token of the secret and its pieces. Returns how many layers were searched;
 * throws TOKEN_IN_BUILD naming where a token was found (redacted), EE_RUNTIME when it cannot export.
 */
export async function verifyImage(
  deps: Pick<EeDeps, "files" | "runtimes" | "scanImage" | "signal">,
  runtime: ChosenRuntime,
  tag: string,
  plan: SecretPlan,
): Promise<{ layers: number; searched: boolean }> {
  const needles: string[] = [];
  const owner: number[] = [];
  plan.tokens.forEach((t, i) => {
    for (const n of secretNeedles([t.value])) {
      needles.push(n);
      owner.push(i);
    }
  });
  if (needles.length === 0) return { layers: 0, searched: false };
  const dir = await deps.files.makePrivateDir("hub-setup-ee-image-");
  try {
    const into = join(dir, "image");
    const exported = await deps.runtimes.exportImage(runtime.name, tag, into, deps.signal);
    if (exported.code !== 0) {
      throw new HubSetupError(
        "EE_RUNTIME",
        `${tag} was built, but ${runtime.name} could not export it to check it for tokens (exit ${exported.code}):\n  ${lastLines(exported.stderr)}`,
        { hint: "Do not push the image before it is checked; run the build again once the export works." },
      );
    }
    const scan = await deps.scanImage(into, needles);
    if (scan.findings.length > 0) {
      const lines = scan.findings.map((f) => {
        const t = plan.tokens[owner[f.needle] ?? -1];
        return `  - ${t === undefined ? "a token" : `the token of ${t.serverId} (${t.redacted})`}: in ${place(f)}`;
      });
      throw new HubSetupError(
        "TOKEN_IN_BUILD",
        `a token is in the built image ${tag}:\n${[...new Set(lines)].join("\n")}`,
        {
          hint: `Do not push it: remove it (\`${runtime.name} rmi ${tag}\`), treat the token as exposed and replace it, and find the step that writes it (one that copies /run/secrets or prints the variables).`,
        },
      );
    }
    return { layers: scan.counts.layer, searched: true };
  } finally {
    await deps.files.remove(dir);
  }
}
