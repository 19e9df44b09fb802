/**
 * Choosing where tokens live. "auto": the credentials file if one already exists (tokens stay where
 * they are), else the OS keyring if it really works here, else a new credentials file, saying why.
 */
import { join } from "node:path";
import { HubSetupError } from "../../errors.js";
import { fileSecretStore } from "./file-store.js";
import {
  KEYRING_SERVICE,
  keyringIds,
  keyringProblem,
  keyringSecretStore,
  loadNativeKeyring,
  probeKeyring,
  type KeyringPort,
} from "./keyring-store.js";
import { CREDENTIALS_FILE, storeDir, type Env } from "./paths.js";
import { readIfExists } from "./private-files.js";
import type { SecretStore } from "./secret-store.js";

export type OpenStoreOptions = {
  env: Env;
  backend?: "auto" | "keyring" | "file";
  /** A keyring to use instead of @napi-rs/keyring (tests). */
  keyring?: KeyringPort;
  /** The keyring service name; "hub-setup" by default. */
  service?: string;
  /** How long the keyring may take to answer the probe (a locked D-Bus keyring can hang). */
  probeTimeoutMs?: number;
};

async function usableKeyring(
  options: OpenStoreOptions,
): Promise<{ ok: true; port: KeyringPort } | { ok: false; reason: string }> {
  const loaded =
    options.keyring === undefined ? await loadNativeKeyring() : { ok: true as const, port: options.keyring };
  if (!loaded.ok) return loaded;
  const problem = await probeKeyring(loaded.port, options.service ?? KEYRING_SERVICE, options.probeTimeoutMs);
  return problem === undefined ? loaded : { ok: false, reason: problem };
}

export async function openSecretStore(options: OpenStoreOptions): Promise<SecretStore> {
  const dir = storeDir(options.env);
  const backend = options.backend ?? "auto";
  const service = options.service ?? KEYRING_SERVICE;
  if (backend === "file") return fileSecretStore(dir);
  if (backend === "auto" && (await readIfExists(join(dir, CREDENTIALS_FILE))) !== undefined) {
    // Tokens stay where they are; an empty file (left by a run that was rolled back) decides nothing.
    const file = fileSecretStore(dir, "tokens are already kept in this credentials file");
    if ((await file.list()).length > 0) return file;
  }
  const keyring = await usableKeyring(options);
  if (keyring.ok) return keyringSecretStore(keyring.port, dir, service);
  const { reason, hint } = keyringProblem(keyring.reason);
  if (backend === "keyring") {
    throw new HubSetupError("STORE_UNAVAILABLE", `the OS keyring cannot be used here: ${reason}`, { hint });
  }
  // Tokens already in the keyring stay there: a fresh file store would hide them (a locked keyring
  // would look like "no tokens" and new ones would land in a file by surprise).
  const held = await keyringIds(dir);
  if (held.length > 0) {
    throw new HubSetupError(
      "STORE_UNAVAILABLE",
      `the OS keyring holds the tokens of ${held.join(", ")} but cannot be used here: ${reason}`,
      { hint },
    );
  }
  return fileSecretStore(dir, `the OS keyring cannot be used here (${reason}), so tokens go to a 0600 file`);
}
