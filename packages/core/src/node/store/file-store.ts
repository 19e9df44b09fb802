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
import { bindingOf, bindingsFile, storedBinding, type Bindings } from "./bindings-file.js";
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

type Change<T> = { result: T; tokens?: boolean; bindings?: boolean };

export function fileSecretStore(dir: string, note?: string): SecretStore {
  const path = join(dir, CREDENTIALS_FILE);
  const lockPath = `${path}.lock`;
  const origins = bindingsFile(dir);

  async function read(): Promise<Tokens> {
    await assertPrivate(dir, path);
    const text = await readIfExists(path);
    return text === undefined ? {} : parse(text, path);
  }

  /** A read-modify-write of the tokens and their bindings under the one lock; writes what changed. */
  async function change<T>(apply: (tokens: Tokens, bindings: Bindings) => Change<T>): Promise<T> {
    await ensurePrivateDir(dir);
    await assertPrivate(dir, path);
    await assertPrivate(dir, origins.path);
    return withLock(lockPath, async () => {
      const tokens = await read();
      const bindings = await origins.read();
      const done = apply(tokens, bindings);
      if (done.tokens === true) await writePrivateAtomic(path, serialise(tokens));
      if (done.bindings === true) await origins.write(bindings);
      return done.result;
    });
  }

  /** Puts `token` (or nothing) under `id` with its binding; says which files changed. */
  function put(
    tokens: Tokens,
    bindings: Bindings,
    id: string,
    entry: StoredEntry | undefined,
  ): { tokens: boolean; bindings: boolean } {
    const hadBinding = id in bindings;
    if (entry === undefined) {
      const had = id in tokens;
      delete tokens[id];
      delete bindings[id];
      return { tokens: had, bindings: hadBinding };
    }
    tokens[id] = entry.token;
    const b = storedBinding(entry.token, entry.binding, new Date());
    if (b === undefined) delete bindings[id];
    else bindings[id] = b;
    return { tokens: true, bindings: hadBinding || b !== undefined };
  }

  const entryOf = (tokens: Tokens, bindings: Bindings, id: string): StoredEntry | undefined => {
    const token = tokens[id];
    if (token === undefined) return undefined;
    const binding = bindingOf(bindings, id, token);
    return binding === undefined ? { token } : { token, binding };
  };

  const store: SecretStore = {
    backend: "file",
    location: path,
    get: async (id) => {
      assertServerId(id);
      return (await read())[id];
    },
    set: async (id, token, binding) => {
      assertServerId(id);
      assertStorableToken(token);
      await change((t, b) => ({
        result: undefined,
        ...put(t, b, id, { token, ...(binding ? { binding } : {}) }),
      }));
    },
    delete: async (id) => {
      assertServerId(id);
      return change((t, b) => {
        const had = id in t;
        return { result: had, ...put(t, b, id, undefined) };
      });
    },
    list: async () => Object.keys(await read()).sort(),
    swap: async (id, token, binding) => {
      assertServerId(id);
      assertStorableToken(token);
      return change((t, b) => {
        const previous = entryOf(t, b, id);
        return { result: previous, ...put(t, b, id, { token, ...(binding ? { binding } : {}) }) };
      });
    },
    restore: async (id, wrote, previous) => {
      assertServerId(id);
      return change((t, b) => {
        if (t[id] !== wrote) return { result: false };
        return { result: true, ...put(t, b, id, previous) };
      });
    },
    binding: async (id, token) => {
      assertServerId(id);
      await assertPrivate(dir, origins.path);
      return bindingOf(await origins.read(), id, token);
    },
    bind: async (id, token, binding) => {
      assertServerId(id);
      return change((t, b) => {
        if (t[id] !== token) return { result: false };
        return { result: true, ...put(t, b, id, { token, binding }) };
      });
    },
  };
  return note === undefined ? store : { ...store, note };
}
