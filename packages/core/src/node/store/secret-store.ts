import { HubSetupError } from "../../errors.js";
import { galaxyServerEnvVar, serverIdProblem } from "../../galaxy/server-id.js";
import type { TokenBinding } from "../../token/binding.js";

/** A stored token and where it was verified (undefined: not recorded, or recorded for another token). */
export type StoredEntry = { token: string; binding?: TokenBinding };

/** Where tokens live outside ansible.cfg. Ids are galaxy server ids ([a-z0-9_]+). */
export type SecretStore = {
  backend: "keyring" | "file";
  /** For messages: the file path, or "OS keyring (service hub-setup)". */
  location: string;
  /** Why this backend was chosen when it is not the first choice (e.g. why the keyring is unusable). */
  note?: string;
  get(id: string): Promise<string | undefined>;
  /** Stores a token; with a binding, records where it was verified (without, any older binding goes). */
  set(id: string, token: string, binding?: TokenBinding): Promise<void>;
  delete(id: string): Promise<boolean>;
  list(): Promise<string[]>;
  /**
   * Stores a token and returns what it replaced, in one step under the store's lock: the value to put
   * back if what follows fails (a value read before, outside the lock, may be another run's by then).
   */
  swap(id: string, token: string, binding?: TokenBinding): Promise<StoredEntry | undefined>;
  /**
   * Undoes one's own `swap`: under the lock, puts `previous` back (or removes the entry) only if the
   * store still holds exactly `wrote` (undefined: no entry). False when it holds something else (another run's token): then
   * it is left as it is.
   */
  restore(id: string, wrote: string | undefined, previous: StoredEntry | undefined): Promise<boolean>;
  /** Where `token` (as stored under `id`) was verified; undefined when not recorded for this token. */
  binding(id: string, token: string): Promise<TokenBinding | undefined>;
  /** Records a new binding for `id`, only if the store still holds `token`; false otherwise. */
  bind(id: string, token: string, binding: TokenBinding): Promise<boolean>;
};

export function assertServerId(id: string): void {
  const problem = serverIdProblem(id);
  if (problem !== undefined) {
    throw new HubSetupError(
      "INVALID_SERVER_ID",
      `cannot store a token for server "${id}": ${problem.reason}`,
      {
        hint: `use the id "${problem.suggestion}"`,
      },
    );
  }
}

/** A token we can store and hand to ansible-galaxy: one line of printable text, of a sane size. */
export function assertStorableToken(token: string): void {
  if (token.length === 0 || token.length > 16_384 || !/^[\x21-\x7e]+$/.test(token)) {
    throw new HubSetupError(
      "INVALID_TOKEN",
      "refusing to store this value: a token is one line of printable characters without spaces (at most 16 KiB)",
    );
  }
}

/** The ANSIBLE_GALAXY_SERVER_<ID>_TOKEN variables for the servers whose token the store holds. */
export async function envFor(
  servers: readonly { id: string }[],
  store: SecretStore,
): Promise<Record<string, string>> {
  const env: Record<string, string> = {};
  for (const { id } of servers) {
    const token = await store.get(id);
    if (token !== undefined) env[galaxyServerEnvVar(id, "token")] = token;
  }
  return env;
}
