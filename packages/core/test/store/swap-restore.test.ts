/**
 * Undo only one's own write (#16 item 2), for both backends: `swap` returns what it replaced under the
 * lock, `restore` puts it back only over its own value, or removes only its own entry.
 */
import { describe, expect, it } from "vitest";
import { tempDir } from "@hub-setup/test-utils";
import { openSecretStore, type KeyringPort, type SecretStore } from "../../src/node/store/index.js";

function memoryKeyring(): KeyringPort {
  const entries = new Map<string, string>();
  return {
    get: async (s, a) => entries.get(`${s}/${a}`),
    set: async (s, a, v) => void entries.set(`${s}/${a}`, v),
    delete: async (s, a) => entries.delete(`${s}/${a}`),
  };
}

const A = "a".repeat(40);
const B = "b".repeat(40);
const OLD = "c".repeat(40);

const backends: Array<[string, (xdg: string) => Promise<SecretStore>]> = [
  ["file", (xdg) => openSecretStore({ env: { XDG_CONFIG_HOME: xdg }, backend: "file" })],
  [
    "keyring",
    (xdg) => openSecretStore({ env: { XDG_CONFIG_HOME: xdg }, backend: "keyring", keyring: memoryKeyring() }),
  ],
];

describe.each(backends)("the %s store", (_name, open) => {
  it("swap returns what it replaced", async () => {
    const store = await open(tempDir());
    expect(await store.swap("pah", A)).toBeUndefined();
    expect(await store.swap("pah", B)).toEqual({ token: A });
    expect(await store.get("pah")).toBe(B);
  });

  it("restore puts the previous value back only over its own write, else leaves the other run's", async () => {
    const store = await open(tempDir());
    await store.set("rh", OLD);
    const mine = await store.swap("rh", A); // this run
    const theirs = await store.swap("rh", B); // another run, after it
    expect(mine).toEqual({ token: OLD });
    expect(theirs).toEqual({ token: A });
    expect(await store.restore("rh", A, mine)).toBe(false); // this run's rollback: B is not its value
    expect(await store.get("rh")).toBe(B);
    expect(await store.restore("rh", B, theirs)).toBe(true); // the other run's rollback
    expect(await store.get("rh")).toBe(A);
  });

  it("restore of a first write removes the entry, and removes only the value it names", async () => {
    const store = await open(tempDir());
    expect(await store.swap("pah", A)).toBeUndefined();
    expect(await store.restore("pah", B, undefined)).toBe(false);
    expect(await store.get("pah")).toBe(A);
    expect(await store.restore("pah", A, undefined)).toBe(true);
    expect(await store.get("pah")).toBeUndefined();
    expect(await store.list()).toEqual([]);
  });
});
