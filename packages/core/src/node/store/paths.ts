import { homedir } from "node:os";
import { isAbsolute, join } from "node:path";

export type Env = Record<string, string | undefined>;

/** `$XDG_CONFIG_HOME/hub-setup`, else `~/.config/hub-setup` (a relative XDG_CONFIG_HOME is ignored, per the spec). */
export function storeDir(env: Env): string {
  const xdg = env["XDG_CONFIG_HOME"];
  if (xdg !== undefined && xdg !== "" && isAbsolute(xdg)) return join(xdg, "hub-setup");
  const home = env["HOME"] !== undefined && env["HOME"] !== "" ? env["HOME"] : homedir();
  return join(home, ".config", "hub-setup");
}

export const CREDENTIALS_FILE = "credentials";
export const STATE_FILE = "state.ini";
export const KEYRING_INDEX_FILE = "keyring-index.ini";
export const BINDINGS_FILE = "origins.ini";
export const KEYRING_LOCK_FILE = "keyring.lock";
