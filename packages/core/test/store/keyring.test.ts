import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { mintOfflineToken, tempDir } from "@hub-setup/test-utils";
import {
  loadNativeKeyring,
  openSecretStore,
  probeKeyring,
  type KeyringPort,
} from "../../src/node/store/index.js";

/** An in-memory keyring, for the logic of the keyring backend. */
function memoryKeyring(): KeyringPort & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return {
    entries,
    get: async (s, a) => entries.get(`${s}/${a}`),
    set: async (s, a, v) => void entries.set(`${s}/${a}`, v),
    delete: async (s, a) => entries.delete(`${s}/${a}`),
  };
}

/** A keyring that fails as @napi-rs/keyring does on a headless Linux. */
function deniedKeyring(): KeyringPort {
  const fail = async (): Promise<never> => {
    throw Object.assign(new Error("Couldn't access platform storage: AccessDenied"), {
      code: "GenericFailure",
    });
  };
  return { get: fail, set: fail, delete: fail };
}

const envIn = (xdg: string) => ({ XDG_CONFIG_HOME: xdg });

describe("the keyring backend", () => {
  it("the real OS keyring: used where it works, else a clean fallback to the file that says why", async () => {
    const xdg = tempDir();
    const native = await loadNativeKeyring();
    const reason = native.ok ? await probeKeyring(native.port, "hub-setup-test") : native.reason;
    if (reason === undefined) {
      const store = await openSecretStore({ env: envIn(xdg), backend: "keyring", service: "hub-setup-test" });
      expect(store.backend).toBe("keyring");
      const id = `test_${process.pid}`;
      const token = mintOfflineToken();
      try {
        await store.set(id, token);
        expect(await store.get(id)).toBe(token);
        expect(await store.list()).toContain(id);
      } finally {
        expect(await store.delete(id)).toBe(true);
      }
      return;
    }
    console.log(`[keyring] not usable on this machine, so the fallback is what is tested: ${reason}`);
    const store = await openSecretStore({ env: envIn(xdg), service: "hub-setup-test" });
    expect(store.backend).toBe("file");
    expect(store.note).toContain(reason);
    expect(store.note).toContain("0600 file");
    await store.set("hub", mintOfflineToken());
    expect(statSync(join(xdg, "hub-setup", "credentials")).mode & 0o777).toBe(0o600);
    await expect(
      openSecretStore({ env: envIn(tempDir()), backend: "keyring", service: "hub-setup-test" }),
    ).rejects.toMatchObject({
      code: "STORE_UNAVAILABLE",
    });
  });

  it("with a working keyring, auto keeps tokens there and only ids (never tokens) in the index file", async () => {
    const xdg = tempDir();
    const keyring = memoryKeyring();
    const store = await openSecretStore({ env: envIn(xdg), keyring });
    expect(store.backend).toBe("keyring");
    expect(store.location).toBe("OS keyring (service hub-setup)");
    expect(keyring.entries.size).toBe(0); // the probe cleaned up after itself
    const token = mintOfflineToken();
    await store.set("rh_certified", token);
    expect(keyring.entries.get("hub-setup/rh_certified")).toBe(token);
    expect(await store.get("rh_certified")).toBe(token);
    expect(await store.list()).toEqual(["rh_certified"]);
    const index = join(xdg, "hub-setup", "keyring-index.ini");
    expect(readFileSync(index, "utf8")).not.toContain(token);
    expect(statSync(index).mode & 0o777).toBe(0o600);
    expect(existsSync(join(xdg, "hub-setup", "credentials"))).toBe(false);
    expect(await store.delete("rh_certified")).toBe(true);
    expect(await store.list()).toEqual([]);
  });

  it("an empty credentials file (left by a rolled-back run) does not keep auto off a working keyring", async () => {
    const xdg = tempDir();
    const file = await openSecretStore({ env: envIn(xdg), backend: "file" });
    await file.set("hub", mintOfflineToken());
    await file.delete("hub");
    expect(existsSync(join(xdg, "hub-setup", "credentials"))).toBe(true);
    const store = await openSecretStore({ env: envIn(xdg), keyring: memoryKeyring() });
    expect(store.backend).toBe("keyring");
    await file.set("hub", mintOfflineToken());
    expect((await openSecretStore({ env: envIn(xdg), keyring: memoryKeyring() })).backend).toBe("file");
  });

  it("a keyring that answers AccessDenied: auto falls back to the file, and says so", async () => {
    const store = await openSecretStore({ env: envIn(tempDir()), keyring: deniedKeyring() });
    expect(store.backend).toBe("file");
    expect(store.note).toContain("AccessDenied");
  });

  it("a keyring that never answers the probe: fallback after the probe timeout", async () => {
    const hanging: KeyringPort = {
      get: () => new Promise(() => {}),
      set: () => new Promise(() => {}),
      delete: async () => false,
    };
    const store = await openSecretStore({ env: envIn(tempDir()), keyring: hanging, probeTimeoutMs: 50 });
    expect(store.backend).toBe("file");
    expect(store.note).toContain("did not answer");
  });

  it("a keyring that fails after the probe gives a typed error, not a crash", async () => {
    const keyring = memoryKeyring();
    const store = await openSecretStore({ env: envIn(tempDir()), keyring, backend: "keyring" });
    const denied = deniedKeyring();
    keyring.get = (s, a) => denied.get(s, a);
    await expect(store.get("hub")).rejects.toMatchObject({ code: "STORE_UNAVAILABLE" });
    await expect(store.get("hub")).rejects.toThrow(
      "the OS keyring failed to read a token: Couldn't access platform storage: AccessDenied",
    );
  });
});
