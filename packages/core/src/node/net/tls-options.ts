/**
 * TLS trust for one HTTP client: the system roots, plus NODE_EXTRA_CA_CERTS, plus a per-server CA file;
 * or no verification at all, but only when the user turned validate_certs off themselves.
 */
import { readFileSync } from "node:fs";
import { rootCertificates } from "node:tls";
import { HubSetupError } from "../../errors.js";

export type TlsTrust = { ca?: string[]; rejectUnauthorized: boolean };

function readPem(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

export function tlsTrust(
  options: { caFile?: string; validateCerts?: boolean },
  env: Record<string, string | undefined>,
): TlsTrust {
  if (options.validateCerts === false) return { rejectUnauthorized: false };
  const extraPath = env["NODE_EXTRA_CA_CERTS"];
  if (options.caFile === undefined && (extraPath === undefined || extraPath === "")) {
    // Node's defaults already hold the roots and the NODE_EXTRA_CA_CERTS it read at start-up.
    return { rejectUnauthorized: true };
  }
  const ca = [...rootCertificates];
  // Like Node itself, an unreadable NODE_EXTRA_CA_CERTS is skipped, not fatal.
  const extra = extraPath === undefined || extraPath === "" ? undefined : readPem(extraPath);
  if (extra !== undefined) ca.push(extra);
  if (options.caFile !== undefined) {
    const own = readPem(options.caFile);
    if (own === undefined || !own.includes("-----BEGIN CERTIFICATE-----")) {
      throw new HubSetupError(
        "INVALID_CA_FILE",
        `the CA file ${options.caFile} ${own === undefined ? "cannot be read" : "holds no PEM certificate"}`,
        { hint: "give the path of a PEM bundle (-----BEGIN CERTIFICATE-----) for this server" },
      );
    }
    ca.push(own);
  }
  return { ca, rejectUnauthorized: true };
}
