import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mintHubToken, mintOfflineToken, tempDir } from "@hub-setup/test-utils";
import { envFor, openSecretStore } from "../../src/node/store/index.js";

const mode = (path: string): number => statSync(path).mode & 0o777;

function setup() {
  const xdg = tempDir();
  const env = { XDG_CONFIG_HOME: xdg, HOME: "/nonexistent" };
  const dir = join(xdg, "hub-setup");
  return { env, dir, file: join(dir, "credentials") };
}

describe("the file secret store, on the real file system", () => {
  it("creates a 0700 folder and a 0600 file under $XDG_CONFIG_HOME/hub-setup, and reads back what it stored", async () => {
    const { env, dir, file } = setup();
    const store = await openSecretStore({ env, backend: "file" });
    expect(store.backend).toBe("file");
    expect(store.location).toBe(file);
    expect(existsSync(dir)).toBe(false);
    const offline = mintOfflineToken();
    const hub = mintHubToken();
    await store.set("rh_certified", offline);
    await store.set("private_hub", hub);
    expect(mode(dir)).toBe(0o700);
    expect(mode(file)).toBe(0o600);
    expect(await store.get("rh_certified")).toBe(offline);
    expect(await store.get("private_hub")).toBe(hub);
    expect(await store.get("missing")).toBeUndefined();
    expect(await store.list()).toEqual(["private_hub", "rh_certified"]);
    expect(readFileSync(file, "utf8")).toMatch(/^; hub-setup credentials/);
    expect(await store.delete("private_hub")).toBe(true);
    expect(await store.delete("private_hub")).toBe(false);
    expect(await store.list()).toEqual(["rh_certified"]);
    expect(mode(file)).toBe(0o600);
  });

  it("defaults to ~/.config/hub-setup when XDG_CONFIG_HOME is unset or relative", async () => {
    const home = tempDir();
    for (const env of [{ HOME: home }, { HOME: home, XDG_CONFIG_HOME: "relative/dir" }]) {
      const store = await openSecretStore({ env, backend: "file" });
      expect(store.location).toBe(join(home, ".config", "hub-setup", "credentials"));
    }
  });

  it("refuses a 0644 credentials file, giving the exact chmod to run", async () => {
    const { env, file } = setup();
    const store = await openSecretStore({ env, backend: "file" });
    await store.set("hub", mintHubToken());
    chmodSync(file, 0o644);
    const refused = store.get("hub");
    await expect(refused).rejects.toMatchObject({ code: "STORE_INSECURE" });
    await expect(store.get("hub")).rejects.toThrow(`chmod 600 '${file}'`);
    await expect(store.set("other", mintHubToken())).rejects.toThrow("mode 0644");
    chmodSync(file, 0o600);
    expect(await store.get("hub")).toMatch(/^[0-9a-f]{40}$/);
  });

  it("refuses a folder others can enter, with its chmod too", async () => {
    const { env, dir } = setup();
    mkdirSync(dir, { mode: 0o755 });
    chmodSync(dir, 0o755);
    const store = await openSecretStore({ env, backend: "file" });
    await expect(store.set("hub", mintHubToken())).rejects.toThrow(`chmod 700 '${dir}'`);
    expect(existsSync(join(dir, "credentials"))).toBe(false);
  });

  it("refuses ids ansible cannot export and values that are not one printable line", async () => {
    const { env } = setup();
    const store = await openSecretStore({ env, backend: "file" });
    await expect(store.set("my-hub", mintHubToken())).rejects.toMatchObject({ code: "INVALID_SERVER_ID" });
    await expect(store.set("hub", "two words")).rejects.toMatchObject({ code: "INVALID_TOKEN" });
    await expect(store.set("hub", "")).rejects.toMatchObject({ code: "INVALID_TOKEN" });
    expect(await store.list()).toEqual([]);
  });

  it("round-trips any printable one-line token through the INI file, including ; # = and quotes", async () => {
    const { env } = setup();
    const store = await openSecretStore({ env, backend: "file" });
    const printable = fc.stringMatching(/^[\x21-\x7e]{1,80}$/);
    await fc.assert(
      fc.asyncProperty(printable, async (token) => {
        await store.set("prop", token);
        expect(await store.get("prop")).toBe(token);
      }),
      { numRuns: 60 },
    );
    // Values the ini package alone would corrupt (found by this property with seed 840248317).
    for (const token of ["'", "\\#", "a\\;b", "\\\\", "base64:abc"]) {
      await store.set("prop", token);
      expect(await store.get("prop")).toBe(token);
    }
  });

  it("envFor gives ANSIBLE_GALAXY_SERVER_<ID>_TOKEN for each server whose token is stored", async () => {
    const { env } = setup();
    const store = await openSecretStore({ env, backend: "file" });
    const offline = mintOfflineToken();
    await store.set("rh_certified", offline);
    expect(await envFor([{ id: "rh_certified" }, { id: "not_stored" }], store)).toEqual({
      ANSIBLE_GALAXY_SERVER_RH_CERTIFIED_TOKEN: offline,
    });
  });

  it("auto keeps using an existing credentials file rather than moving tokens", async () => {
    const { env, dir, file } = setup();
    mkdirSync(dir, { mode: 0o700 });
    chmodSync(dir, 0o700);
    writeFileSync(file, "[tokens]\nhub = 0123456789abcdef0123456789abcdef01234567\n", { mode: 0o600 });
    const store = await openSecretStore({ env, backend: "auto" });
    expect(store.backend).toBe("file");
    expect(store.note).toContain("already kept");
    expect(await store.get("hub")).toBe("0123456789abcdef0123456789abcdef01234567");
  });
});
