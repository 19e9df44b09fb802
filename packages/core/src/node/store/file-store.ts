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
import { assertServerId, assertStorableToken, type SecretStore, type StoredEntry } from "./secret-store.js";
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

  /** A read-modify-write under the lock: `apply` says what to return and whether the tokens changed. */
  async function change<T>(apply: (tokens: Tokens) => { result: T; changed: boolean }): Promise<T> {
    await ensurePrivateDir(dir);
    await assertPrivate(dir, path);
    return withLock(lockPath, async () => {
      const tokens = await read();
      const done = apply(tokens);
      if (done.changed) await writePrivateAtomic(path, serialise(tokens));
      return done.result;
    });
  }

  /** Puts `token` (or nothing) under `id`; whether that changed anything. */
  function put(tokens: Tokens, id: string, entry: StoredEntry | undefined): boolean {
    if (entry === undefined) {
      const had = id in tokens;
      delete tokens[id];
      return had;
    }
    tokens[id] = entry.token;
    return true;
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
      await change((t) => ({ result: undefined, changed: put(t, id, { token }) }));
    },
    delete: async (id) => {
      assertServerId(id);
      return change((t) => {
        const had = put(t, id, undefined);
        return { result: had, changed: had };
      });
    },
    list: async () => Object.keys(await read()).sort(),
    swap: async (id, token) => {
      assertServerId(id);
      assertStorableToken(token);
      return change((t) => {
        const held = t[id];
        return { result: held === undefined ? undefined : { token: held }, changed: put(t, id, { token }) };
      });
    },
    restore: async (id, wrote, previous) => {
      assertServerId(id);
      return change((t) => {
        if (t[id] !== wrote) return { result: false, changed: false };
        return { result: true, changed: put(t, id, previous) };
      });
    },
  };
  return note === undefined ? store : { ...store, note };
}
