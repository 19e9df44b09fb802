/**
 * The OS keyring backend. The native module is optional and loaded only when wanted; on Linux we pin
 * it to the Secret Service (persistent), never the kernel keyring (gone at logout). Usability is probed
 * with a real write/read/delete, because a headless Linux has the module but no Secret Service.
 */
import { join } from "node:path";
import { decode, encode } from "ini";
import { HubSetupError } from "../../errors.js";
import { scrub } from "../../http/http-port.js";
import { withLock } from "./lock.js";
import { KEYRING_INDEX_FILE, KEYRING_LOCK_FILE } from "./paths.js";
import { bindingOf, bindingsFile, storedBinding } from "./bindings-file.js";
import { ensurePrivateDir, readIfExists, writePrivateAtomic } from "./private-files.js";
import { assertServerId, assertStorableToken, type SecretStore, type StoredEntry } from "./secret-store.js";

/** The few keyring operations we use; tests inject their own. */
export interface KeyringPort {
  get(service: string, account: string): Promise<string | undefined>;
  set(service: string, account: string, secret: string): Promise<void>;
  delete(service: string, account: string): Promise<boolean>;
}

export const KEYRING_SERVICE = "hub-setup";

type KeyringModule = {
  AsyncEntry: new (
    service: string,
    account: string,
    options?: { linux?: { store?: "secret-service" | "keyutils" } },
  ) => {
    getPassword(): Promise<string | null>;
    setPassword(password: string): Promise<void>;
    deletePassword(): Promise<boolean>;
  };
};

/** @napi-rs/keyring behind the port, or the reason it cannot be used here. */
export async function loadNativeKeyring(): Promise<
  { ok: true; port: KeyringPort } | { ok: false; reason: string }
> {
  let mod: KeyringModule;
  try {
    mod = await import("@napi-rs/keyring");
  } catch (e) {
    return {
      ok: false,
      reason: `the optional @napi-rs/keyring module is not installed (${(e as Error).message.split("\n")[0] ?? ""})`,
    };
  }
  const entry = (service: string, account: string) =>
    new mod.AsyncEntry(service, account, { linux: { store: "secret-service" } });
  const port: KeyringPort = {
    get: async (s, a) => (await entry(s, a).getPassword()) ?? undefined,
    set: (s, a, secret) => entry(s, a).setPassword(secret),
    delete: (s, a) => entry(s, a).deletePassword(),
  };
  return { ok: true, port };
}

/** A real write, read and delete of a probe entry, within `timeoutMs`; the reason on failure. */
export async function probeKeyring(
  port: KeyringPort,
  service: string,
  timeoutMs = 3_000,
): Promise<string | undefined> {
  const account = `probe-${process.pid}`;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`the keyring did not answer within ${timeoutMs / 1000} s`), timeoutMs);
  });
  const probe = (async () => {
    try {
      await port.set(service, account, "probe");
      const back = await port.get(service, account);
      await port.delete(service, account);
      return back === "probe" ? undefined : "the keyring did not give back what was stored";
    } catch (e) {
      return (e instanceof Error ? e.message : String(e)).split("\n")[0] ?? "unknown error";
    }
  })();
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const USE_FILE = "or keep tokens in a 0600 file under $XDG_CONFIG_HOME/hub-setup instead (--store file)";

/**
 * What a keyring failure (the native module's first line) means, said plainly, and what to do.
 * Linux's Secret Service fails in three ways people meet: locked, no keyring daemon, no session bus.
 */
export function keyringProblem(raw: string): { reason: string; hint: string } {
  if (/prompt was dismissed|\blocked\b/i.test(raw)) {
    return {
      reason: `it is locked (${raw})`,
      hint: `unlock it (log in to the desktop session, or run \`gnome-keyring-daemon --unlock\` and type the keyring password), then run this again; ${USE_FILE}`,
    };
  }
  if (/org\.freedesktop\.secrets/.test(raw)) {
    return {
      reason: `no keyring service (such as gnome-keyring) runs on the D-Bus session bus (${raw})`,
      hint: `start one (\`gnome-keyring-daemon --unlock --components=secrets\`), ${USE_FILE}`,
    };
  }
  if (/Failed to connect to socket|DBUS_SESSION_BUS_ADDRESS|autolaunch/i.test(raw)) {
    return {
      reason: `no D-Bus session bus answers, so the keyring cannot be reached (${raw})`,
      hint: `run this in a desktop session, or in \`dbus-run-session -- $SHELL\` with an unlocked gnome-keyring; ${USE_FILE}`,
    };
  }
  return { reason: raw, hint: `unlock or repair the keyring, ${USE_FILE}` };
}

/** Ids stored in the keyring, kept in a small index file (keyrings cannot always list by service). */
function keyringIndex(dir: string) {
  const path = join(dir, KEYRING_INDEX_FILE);
  const read = async (): Promise<string[]> => {
    const text = await readIfExists(path);
    const ids = text === undefined ? {} : ((decode(text)["ids"] ?? {}) as Record<string, unknown>);
    return Object.keys(ids).sort();
  };
  const update = async (fn: (ids: Set<string>) => void): Promise<void> => {
    await ensurePrivateDir(dir);
    await withLock(`${path}.lock`, async () => {
      const ids = new Set(await read());
      fn(ids);
      const body = encode(
        { ids: Object.fromEntries([...ids].sort().map((id) => [id, "keyring"])) },
        { whitespace: true },
      );
      await writePrivateAtomic(
        path,
        `; hub-setup: server ids whose token is in the OS keyring (no tokens here)\n\n${body}`,
      );
    });
  };
  return { read, update };
}

/** The server ids whose token the keyring holds, per the index file (no keyring access). */
export function keyringIds(dir: string): Promise<string[]> {
  return keyringIndex(dir).read();
}

export function keyringSecretStore(port: KeyringPort, dir: string, service = KEYRING_SERVICE): SecretStore {
  const index = keyringIndex(dir);
  const origins = bindingsFile(dir);
  const wrap = async <T>(what: string, fn: () => Promise<T>, secret?: string): Promise<T> => {
    try {
      return await fn();
    } catch (e) {
      if (e instanceof HubSetupError) throw e;
      const raw = (e instanceof Error ? e.message : String(e)).split("\n")[0] ?? "";
      const { reason, hint } = keyringProblem(scrub(raw, secret === undefined ? [] : [secret]));
      throw new HubSetupError("STORE_UNAVAILABLE", `the OS keyring failed to ${what}: ${reason}`, { hint });
    }
  };
  /** Changes that read before they write hold this lock, so two runs never interleave them. */
  const locked = async <T>(fn: () => Promise<T>): Promise<T> => {
    await ensurePrivateDir(dir);
    return withLock(join(dir, KEYRING_LOCK_FILE), fn);
  };
  const read = (id: string) => wrap("read a token", () => port.get(service, id));
  /** Puts an entry (or none) with its binding; the caller holds the lock. */
  const put = async (id: string, entry: StoredEntry | undefined): Promise<boolean> => {
    // Read first: an origins.ini hub-setup cannot read stops the change before the keyring is touched.
    const bindings = await origins.read();
    let deleted = false;
    if (entry === undefined) {
      deleted = await wrap("delete a token", () => port.delete(service, id));
      await index.update((ids) => ids.delete(id));
    } else {
      await wrap("store a token", () => port.set(service, id, entry.token), entry.token);
      await index.update((ids) => ids.add(id));
    }
    const b = entry === undefined ? undefined : storedBinding(entry.token, entry.binding, new Date());
    if (b === undefined && !(id in bindings)) return deleted;
    if (b === undefined) delete bindings[id];
    else bindings[id] = b;
    await origins.write(bindings);
    return deleted;
  };
  const entryOf = async (id: string): Promise<StoredEntry | undefined> => {
    const token = await read(id);
    if (token === undefined) return undefined;
    const binding = bindingOf(await origins.read(), id, token);
    return binding === undefined ? { token } : { token, binding };
  };
  return {
    backend: "keyring",
    location: `OS keyring (service ${service})`,
    get: (id) => {
      assertServerId(id);
      return read(id);
    },
    set: async (id, token, binding) => {
      assertServerId(id);
      assertStorableToken(token);
      await locked(() => put(id, { token, ...(binding ? { binding } : {}) }));
      return;
    },
    delete: async (id) => {
      assertServerId(id);
      return locked(() => put(id, undefined));
    },
    list: () => index.read(),
    swap: async (id, token, binding) => {
      assertServerId(id);
      assertStorableToken(token);
      return locked(async () => {
        const previous = await entryOf(id);
        await put(id, { token, ...(binding ? { binding } : {}) });
        return previous;
      });
    },
    restore: async (id, wrote, previous) => {
      assertServerId(id);
      return locked(async () => {
        if ((await read(id)) !== wrote) return false;
        await put(id, previous);
        return true;
      });
    },
    binding: async (id, token) => {
      assertServerId(id);
      return bindingOf(await origins.read(), id, token);
    },
    bind: async (id, token, binding) => {
      assertServerId(id);
      return locked(async () => {
        if ((await read(id)) !== token) return false;
        await put(id, { token, binding });
        return true;
      });
    },
  };
}
