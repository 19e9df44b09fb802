// A store folder that is a symbolic link (a dotfiles setup: ~/.config/hub-setup → ~/dotfiles/hub-setup)
// is judged by the folder it leads to: a private target is used, a loose one is refused naming the real
// path, so that the printed chmod fixes it (chmod on a link changes nothing a later check looks at).
import { execFileSync } from "node:child_process";
import {
  chmodSync,
  chownSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  realpathSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { mintHubToken, tempDir } from "@hub-setup/test-utils";
import { HubSetupError } from "../../src/errors.js";
import { openSecretStore } from "../../src/node/store/index.js";

const mode = (path: string): number => statSync(path).mode & 0o777;

/** $XDG_CONFIG_HOME/hub-setup as a link to <tmp>/dotfiles/hub-setup, created with `targetMode`. */
function linkedStore(targetMode: number) {
  const root = realpathSync(tempDir());
  const xdg = join(root, "config");
  const target = join(root, "dotfiles", "hub-setup");
  mkdirSync(xdg);
  mkdirSync(target, { recursive: true });
  chmodSync(target, targetMode);
  symlinkSync("../dotfiles/hub-setup", join(xdg, "hub-setup"));
  return { env: { XDG_CONFIG_HOME: xdg, HOME: "/nonexistent" }, link: join(xdg, "hub-setup"), target };
}

async function refusal(p: Promise<unknown>): Promise<HubSetupError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  if (!(e instanceof HubSetupError)) throw new Error(`expected a HubSetupError, got ${String(e)}`);
  return e;
}

describe("a store folder that is a symbolic link", () => {
  it("to a 0700 folder: used, and the 0600 credentials file lands in the real folder", async () => {
    const { env, link, target } = linkedStore(0o700);
    const store = await openSecretStore({ env, backend: "file" });
    const token = mintHubToken();
    await store.set("private_hub", token);
    expect(await store.get("private_hub")).toBe(token);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(mode(target)).toBe(0o700);
    expect(mode(join(target, "credentials"))).toBe(0o600);
    expect(readFileSync(join(target, "credentials"), "utf8")).toContain("private_hub = ");
  });

  it.each(["0755", "0750", "0705", "0777"])(
    "to a %s folder: refused, naming the real folder; the printed chmod makes it usable",
    async (octal) => {
      const { env, link, target } = linkedStore(Number.parseInt(octal, 8));
      const store = await openSecretStore({ env, backend: "file" });
      const e = await refusal(store.set("private_hub", mintHubToken()));
      expect(e.code).toBe("STORE_INSECURE");
      expect(e.message).toContain(`${link} (a link to ${target}) has mode ${octal}, so others can read it`);
      expect(e.hint).toBe(`run: chmod 700 '${target}'`);
      execFileSync("sh", ["-c", e.hint?.replace(/^run: /, "") ?? "false"]);
      await store.set("private_hub", mintHubToken());
      expect(mode(join(target, "credentials"))).toBe(0o600);
    },
  );

  it("with a credentials file others can read: refused, naming the real file", async () => {
    const { env, link, target } = linkedStore(0o700);
    writeFileSync(join(target, "credentials"), "[tokens]\n", { mode: 0o644 });
    chmodSync(join(target, "credentials"), 0o644);
    const store = await openSecretStore({ env, backend: "file" });
    const e = await refusal(store.get("private_hub"));
    expect(e.code).toBe("STORE_INSECURE");
    expect(e.message).toContain(
      `${join(link, "credentials")} (${join(target, "credentials")}) has mode 0644`,
    );
    expect(e.hint).toBe(`run: chmod 600 '${join(target, "credentials")}'`);
  });

  const asRoot = process.getuid?.() === 0;
  if (!asRoot) console.warn("[skip] only root can give the link's target to another user");
  it.skipIf(!asRoot)(
    "to a 0700 folder of another user: refused, naming the real folder and its owner",
    async () => {
      const { env, link, target } = linkedStore(0o700);
      chownSync(target, 65534, 65534);
      const store = await openSecretStore({ env, backend: "file" });
      const e = await refusal(store.get("private_hub"));
      expect(e.code).toBe("STORE_INSECURE");
      expect(e.message).toContain(`${link} (a link to ${target}) belongs to user id 65534, not to you`);
    },
  );
});
