/**
 * The credentials file: `[tokens]` of `<server id> = <token>` in INI, mode 0600 in a 0700 folder.
 * Every read checks the modes first; every change is read-modify-write under a lock, written atomically.
 */
import { decode, encode } from "ini";
import { join } from "node:path";
import { HubSetupError } from "../../errors.js";
import { withLock } from "./lock.js";
import { CREDENTIALS_FILE } from "./paths.js";
import { assertPrivate, ensurePrivateDir, readIfExists, writePrivateAtomic } from "./private-files.js";
import { assertServerId, assertStorableToken, type SecretStore } from "./secret-store.js";

const HEADER =
  "; hub-setup credentials: tokens for ansible-galaxy servers, by server id.\n" +
  "; Keep this file mode 0600 and out of git. Edit with `hub-setup`, not by hand.\n";

type Tokens = Record<string, string>;

// `ini` is not lossless for every printable string (a lone `'`, backslash sequences, `\;`…). Real tokens
// (JWTs, hex, base64, opaque gateway tokens) are written as they are; anything else is written as
// `base64:<bytes>`, a form no plain value can take (plain values never contain `:`).
const PLAIN_VALUE = /^[A-Za-z0-9._~+/=-]+$/;
const ENCODED_PREFIX = "base64:";

function toFileValue(token: string): string {
  return PLAIN_VALUE.test(token) ? token : ENCODED_PREFIX + Buffer.from(token, "utf8").toString("base64");
}

function fromFileValue(value: string): string {
  return value.startsWith(ENCODED_PREFIX)
    ? Buffer.from(value.slice(ENCODED_PREFIX.length), "base64").toString("utf8")
    : value;
}

function parse(text: string, path: string): Tokens {
  let data: Record<string, unknown>;
  try {
    data = decode(text);
  } catch {
    throw new HubSetupError("STORE_UNAVAILABLE", `the credentials file ${path} cannot be read as INI`);
  }
  const section = data["tokens"];
  const out: Tokens = {};
  if (typeof section === "object" && section != null) {
    for (const [k, v] of Object.entries(section)) if (typeof v === "string") out[k] = fromFileValue(v);
  }
  return out;
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
