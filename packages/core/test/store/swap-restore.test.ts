/**
 * Undo only one's own write (#16 item 2), and bindings kept with the token (#16 item 3), for both
 * backends: `swap` returns what it replaced under the lock, `restore` puts it back only over its own
 * value (with its binding), `bind` records origins only for the token still stored, and no token
 * reaches origins.ini.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
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
const HUB = { hub: "https://hub.example.test" };
const CLOUD = { hub: "https://console.redhat.com", auth: "https://sso.redhat.com" };

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

  it("swap returns what it replaced with its binding, and a rollback puts both back", async () => {
    const store = await open(tempDir());
    await store.set("rh", OLD, CLOUD);
    const previous = await store.swap("rh", A, HUB);
    expect(previous).toEqual({ token: OLD, binding: CLOUD });
    expect(await store.binding("rh", A)).toEqual(HUB);
    expect(await store.restore("rh", A, previous)).toBe(true);
    expect(await store.get("rh")).toBe(OLD);
    expect(await store.binding("rh", OLD)).toEqual(CLOUD);
    expect(await store.swap("rh", B)).toEqual({ token: OLD, binding: CLOUD });
    expect(await store.binding("rh", B), "a token stored without a binding has none").toBeUndefined();
  });

  it("binds only the token still stored, and a binding belongs to that very token", async () => {
    const xdg = tempDir();
    const store = await open(xdg);
    await store.set("pah", A);
    expect(await store.binding("pah", A)).toBeUndefined();
    expect(await store.bind("pah", B, HUB)).toBe(false);
    expect(await store.binding("pah", B)).toBeUndefined();
    expect(await store.bind("pah", A, HUB)).toBe(true);
    expect(await store.binding("pah", A)).toEqual(HUB);
    expect(await store.binding("pah", B), "another token under the same id is unbound").toBeUndefined();
    const origins = join(xdg, "hub-setup", "origins.ini");
    expect(statSync(origins).mode & 0o777).toBe(0o600);
    const text = readFileSync(origins, "utf8");
    expect(text).toContain("hub = https://hub.example.test");
    expect(text.includes(A) || text.includes(A.slice(0, 12)), "no token in origins.ini").toBe(false);
    expect(await store.delete("pah")).toBe(true);
    expect(readFileSync(origins, "utf8")).not.toContain("[pah]");
  });

  it("reports an origins.ini it cannot read as a store problem, and never rewrites it", async () => {
    const xdg = tempDir();
    const store = await open(xdg);
    await store.set("pah", A, HUB);
    const origins = join(xdg, "hub-setup", "origins.ini");
    mkdirSync(join(xdg, "hub-setup"), { recursive: true });
    const junk =
      "[pah]\nfingerprint = not-one\nhub = https://hub.example.test/some/path\n[mine]\nnote = kept\n";
    writeFileSync(origins, junk, { mode: 0o600 });
    await expect(store.binding("pah", A)).rejects.toMatchObject({ code: "STORE_UNREADABLE" });
    await expect(store.swap("pah", B, HUB)).rejects.toMatchObject({ code: "STORE_UNREADABLE" });
    await expect(store.set("pah", B, HUB)).rejects.toMatchObject({ code: "STORE_UNREADABLE" });
    await expect(store.delete("pah")).rejects.toMatchObject({ code: "STORE_UNREADABLE" });
    expect(readFileSync(origins, "utf8")).toBe(junk);
    expect(await store.get("pah")).toBe(A);
  });
});
