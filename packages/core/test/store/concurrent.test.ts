import { spawn } from "node:child_process";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { decode } from "ini";
import { describe, expect, it } from "vitest";
import { tempDir } from "@hub-setup/test-utils";
import { openSecretStore } from "../../src/node/store/index.js";

const dist = fileURLToPath(new URL("../../dist/node/index.js", import.meta.url));
const writer = fileURLToPath(new URL("../support-token/store-writer.mjs", import.meta.url));

function run(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, out, err });
    });
  });
}

describe("the file store written by several processes at once", () => {
  it("stays valid INI, mode 0600, and keeps every entry from every writer", async () => {
    expect(
      existsSync(dist),
      `build core first: npx turbo run build --filter=@hub-setup/core (${dist} is missing)`,
    ).toBe(true);
    const xdg = tempDir();
    const env = { ...process.env, XDG_CONFIG_HOME: xdg };
    const startAt = String(Date.now() + 400);
    const writers = ["alpha", "bravo", "charlie"];
    const results = await Promise.all(writers.map((w) => run([w, "15", startAt], env)));
    for (const r of results) {
      expect(r.err).toBe("");
      expect(r.code).toBe(0);
      expect(r.out).toBe("done\n");
    }
    const dir = join(xdg, "hub-setup");
    const file = join(dir, "credentials");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const parsed = decode(readFileSync(file, "utf8")) as { tokens: Record<string, string> };
    expect(Object.keys(parsed.tokens)).toHaveLength(45);
    const store = await openSecretStore({ env: { XDG_CONFIG_HOME: xdg }, backend: "file" });
    for (const w of writers) {
      for (let i = 0; i < 15; i++)
        expect(await store.get(`${w}_${i}`)).toBe(`${w}-token-${i}-${"x".repeat(40)}`);
    }
    // No lock or temp file is left behind.
    expect(readdirSync(dir).sort()).toEqual(["credentials"]);
  });
});
