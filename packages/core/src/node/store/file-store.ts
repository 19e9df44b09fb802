/**
 * The credentials file: `[tokens]` of `<server id> = <token>` in INI, mode 0600 in a 0700 folder.
 * Every read checks the modes first; every change is read-modify-write under a lock, written atomically.
 */
import { encode } from "ini";
import { join } from "node:path";
import { HubSetupError } from "../../errors.js";
import { withLock } from "./lock.js";
import { CREDENTIALS_FILE } from "./paths.js";
import { assertPrivate, ensurePrivateDir, readIfExists, writePrivateAtomic } from "./private-files.js";
import { assertServerId, assertStorableToken, type SecretStore } from "./secret-store.js";
import { parseCredentials, toFileValue, type Tokens } from "./credentials-file.js";

const HEADER =
  "; hub-setup credentials: tokens for ansible-galaxy servers, by server id.\n" +
  "; Keep this file mode 0600 and out of git. Edit with `hub-setup`, not by hand.\n";

function parse(text: string, path: string): Tokens {
  const parsed = parseCredentials(text);
  if (parsed.ok) return parsed.tokens;
  const shown = parsed.problems.slice(0, 5).join("; ");
  const more = parsed.problems.length > 5 ? `; and ${parsed.problems.length - 5} more` : "";
  throw new HubSetupError(
    "STORE_UNREADABLE",
    `the credentials file ${path} holds what hub-setup does not understand (${shown}${more}); nothing was read from it or written to it, so it is kept as it is.`,
    {
      hint: `edit those lines (the file holds [tokens] with one "<server id> = <token>" per line, and comments), or move the file away and store the tokens again`,
    },
  );
}

function serialise(tokens: Tokens): string {
  const sorted = Object.fromEntries(
    Object.entries(tokens)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([id, token]) => [id, toFileValue(token)]),
  );
  return `${HEADER}\n${encode({ tokens: sorted }, { whitespace: true })}`;
}

export function fileSecretStore(dir: string, note?: string): SecretStore {
  const path = join(dir, CREDENTIALS_FILE);
  const lockPath = `${path}.lock`;

  async function read(): Promise<Tokens> {
    await assertPrivate(dir, path);
    const text = await readIfExists(path);
    return text === undefined ? {} : parse(text, path);
  }

  async function change(apply: (tokens: Tokens) => boolean): Promise<boolean> {
    await ensurePrivateDir(dir);
    await assertPrivate(dir, path);
    return withLock(lockPath, async () => {
      const tokens = await read();
      const changed = apply(tokens);
      if (changed) await writePrivateAtomic(path, serialise(tokens));
      return changed;
    });
  }

  const store: SecretStore = {
    backend: "file",
    location: path,
    get: async (id) => {
      assertServerId(id);
      return (await read())[id];
    },
    set: async (id, token) => {
      assertServerId(id);
      assertStorableToken(token);
      await change((t) => {
        t[id] = token;
        return true;
      });
    },
    delete: async (id) => {
      assertServerId(id);
      return change((t) => {
        if (!(id in t)) return false;
        delete t[id];
        return true;
      });
    },
    list: async () => Object.keys(await read()).sort(),
  };
  return note === undefined ? store : { ...store, note };
}
