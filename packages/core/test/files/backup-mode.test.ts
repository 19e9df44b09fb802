// `<file>.bak` is the owner's recovery copy of the previous content, which may hold a plaintext token
// (the very thing hub-setup moves out of ansible.cfg). It is mode 0600 whatever the file's mode was,
// and keeps the file's owner.
import { chmodSync, chownSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { mintHubToken, tempDir } from "@hub-setup/test-utils";
import { writeFileAtomic } from "../../src/node/files/atomic-write.js";

const mode = (path: string): number => statSync(path).mode & 0o7777;

function cfgWithToken(): { dir: string; file: string; old: string } {
  const dir = tempDir();
  const file = join(dir, "ansible.cfg");
  const old = `[galaxy_server.private_hub]\nurl = https://hub.example.com/api/galaxy/\ntoken = ${mintHubToken()}\n`;
  writeFileSync(file, old);
  return { dir, file, old };
}

describe("the backup writeFileAtomic keeps", () => {
  it.each(["0644", "0664", "0666", "0640", "0600"])(
    "is 0600 when the file was %s, and the file keeps its mode",
    async (octal) => {
      const fileMode = Number.parseInt(octal, 8);
      const { file, old } = cfgWithToken();
      chmodSync(file, fileMode);
      const r = await writeFileAtomic(file, "[galaxy_server.private_hub]\nurl = https://hub.example.com/\n");
      expect(r.backupPath).toBe(`${file}.bak`);
      expect(readFileSync(`${file}.bak`, "utf8")).toBe(old);
      expect(mode(`${file}.bak`)).toBe(0o600);
      expect(mode(file)).toBe(fileMode);
    },
  );

  it("replaces a world-readable .bak left by an earlier version with a 0600 one", async () => {
    const { file, old } = cfgWithToken();
    writeFileSync(`${file}.bak`, "an older copy\n", { mode: 0o644 });
    chmodSync(`${file}.bak`, 0o644);
    await writeFileAtomic(file, "[galaxy]\n");
    expect(readFileSync(`${file}.bak`, "utf8")).toBe(old);
    expect(mode(`${file}.bak`)).toBe(0o600);
  });

  it("is 0600 also when the new content is written with another mode", async () => {
    const { file } = cfgWithToken();
    chmodSync(file, 0o644);
    await writeFileAtomic(file, "[galaxy]\n", { mode: 0o640 });
    expect(mode(`${file}.bak`)).toBe(0o600);
    expect(mode(file)).toBe(0o640);
  });

  it("belongs to the file's owner (root editing another user's file hands the copy to that user)", async () => {
    const { file } = cfgWithToken();
    const asRoot = process.getuid?.() === 0;
    if (asRoot) chownSync(file, 65534, 65534);
    const { uid, gid } = statSync(file);
    const r = await writeFileAtomic(file, "[galaxy]\n");
    expect(r.warnings).toBeUndefined();
    expect(statSync(`${file}.bak`)).toMatchObject({ uid, gid });
    expect(mode(`${file}.bak`)).toBe(0o600);
    if (asRoot) expect(statSync(file)).toMatchObject({ uid: 65534, gid: 65534 });
  });
});
