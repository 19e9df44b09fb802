/**
 * Which secrets ansible.cfg holds in plaintext, as core's one detector (findSecrets) decides: a server's
 * live `token =` / `password =` is plaintext when the detector finds a secret on its line, so a
 * reference or placeholder (`${VAR}`, `token = env`) is not, and every other secret it finds in the
 * file (commented out, another section, another key) is reported on its own.
 */
import { findSecrets, type SecretFinding } from "@hub-setup/core";
import type { ConfiguredServer, PlaintextKey } from "../ports.js";

/** Every secret the detector finds in the text of an ansible.cfg, read as Ansible reads it (an ini file). */
export function secretsInConfig(text: string): SecretFinding[] {
  // Ansible parses whatever file it reads as ansible.cfg, whatever its name: so does the detector here.
  return findSecrets(text, { path: "ansible.cfg" });
}

function found(
  setting: ConfiguredServer["token"],
  findings: readonly SecretFinding[],
): SecretFinding | undefined {
  if (setting?.source !== "file" || setting.line === undefined) return undefined;
  return findings.find((f) => f.line === setting.line && f.place === "value");
}

/** The server's live settings read from the file that the detector calls a plaintext secret. */
export function plaintextSettings(
  server: Pick<ConfiguredServer, "token" | "password">,
  findings: readonly SecretFinding[],
): PlaintextKey[] {
  return (["token", "password"] as const).filter((key) => found(server[key], findings) !== undefined);
}

/** The findings that are no server's live setting (reported once for the file, not per server). */
export function secretsElsewhere(
  servers: ReadonlyArray<Pick<ConfiguredServer, "token" | "password">>,
  findings: readonly SecretFinding[],
): SecretFinding[] {
  const live = new Set<SecretFinding>();
  for (const server of servers) {
    for (const key of ["token", "password"] as const) {
      const f = found(server[key], findings);
      if (f !== undefined) live.add(f);
    }
  }
  return findings.filter((f) => !live.has(f));
}

/** One line for a secret written elsewhere in ansible.cfg: where, what, redacted (never the secret). */
export function describeElsewhere(f: SecretFinding, configPath: string | undefined): string {
  const where = `${configPath ?? "ansible.cfg"} line ${f.line}`;
  const what =
    f.key == null ? f.kind : `${f.kind} (${f.key}${f.section == null ? "" : ` in [${f.section}]`})`;
  const place = f.place === "comment" ? ", in a comment git still keeps" : "";
  return `a ${what} written in plaintext at ${where}${place}: ${f.redacted}; anyone who can read the file (or its git history) can use it; remove it and use ${f.fix}`;
}
