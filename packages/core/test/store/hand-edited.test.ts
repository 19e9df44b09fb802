// Issue #16 item 8: a credentials file edited by hand (another section, another key shape, junk lines)
// was read as "no token" and the next write dropped what it did not understand. Now anything the store
// cannot read is a store problem (STORE_UNREADABLE, the wizard's exit 5) on every read and write, the
// file is left byte for byte as it was, and the message points at the lines without quoting them.
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fakeHubToken, mintHubToken, mintOfflineToken, tempDir } from "@hub-setup/test-utils";
import { HubSetupError } from "../../src/errors.js";
import { openSecretStore } from "../../src/node/store/index.js";

function storeWith(content: string) {
  const xdg = tempDir();
  const env = { XDG_CONFIG_HOME: xdg, HOME: "/nonexistent" };
  const dir = join(xdg, "hub-setup");
  mkdirSync(dir, { mode: 0o700 });
  chmodSync(dir, 0o700);
  const file = join(dir, "credentials");
  writeFileSync(file, content, { mode: 0o600 });
  return { env, file };
}

async function refusal(p: Promise<unknown>): Promise<HubSetupError> {
  const e = await p.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(e instanceof HubSetupError)) throw new Error(`expected a HubSetupError, got ${String(e)}`);
  return e;
}

const secret = fakeHubToken("hand-edited");
const mine = mintOfflineToken();
const hub = fakeHubToken("stored");

const cases: [string, string, number][] = [
  ["an unknown section", `[tokens]\nhub = ${hub}\n\n[mine]\nwork = ${secret}\n`, 4],
  ["an entry before any section", `work = ${secret}\n[tokens]\nhub = ${hub}\n`, 1],
  ["a key that is not a server id", `[tokens]\nhub = ${hub}\nMy Hub = ${secret}\n`, 3],
  ["a junk line", `[tokens]\nhub = ${hub}\n${secret}\n`, 3],
  ["a value with an inline comment", `[tokens]\nhub = ${hub} ; ${secret}\n`, 2],
  ["a value with spaces", `[tokens]\nhub = ${hub} ${secret}\n`, 2],
  ["the same server twice", `[tokens]\nhub = ${hub}\nhub = ${secret}\n`, 3],
];

describe("a hand-edited credentials file", () => {
  for (const [what, content, line] of cases) {
    it(`${what}: every read and write is refused as a store problem, naming line ${line}, file untouched`, async () => {
      const { env, file } = storeWith(content);
      const store = await openSecretStore({ env, backend: "file" });
      const errors = [
        await refusal(store.get("hub")),
        await refusal(store.list()),
        await refusal(store.set("other", mintHubToken())),
        await refusal(store.delete("hub")),
      ];
      for (const e of errors) {
        expect(e.code).toBe("STORE_UNREADABLE");
        expect(e.message).toContain(file);
        expect(e.message).toContain(`line ${line}`);
        expect(`${e.message} ${e.hint ?? ""} ${JSON.stringify(e)}`).not.toContain(secret);
        expect(`${e.message} ${e.hint ?? ""}`).not.toContain(hub);
      }
      expect(readFileSync(file, "utf8")).toBe(content);
    });
  }

  it("auto does not leave a damaged file for the keyring: it reports the file", async () => {
    const { env, file } = storeWith(`[tokens]\nhub = ${hub}\n[mine]\nwork = ${mine}\n`);
    const e = await refusal(openSecretStore({ env, backend: "auto" }));
    expect(e.code).toBe("STORE_UNREADABLE");
    expect(readFileSync(file, "utf8")).toContain("[mine]");
  });

  it("still reads what hub-setup writes, and hand-made files in its format: comments, blank lines, CRLF, quotes", async () => {
    const quoted = "abc=def";
    const { env } = storeWith(
      `\uFEFF; my notes\r\n# more notes\r\n\r\n[tokens]\r\nhub = ${hub}\r\n  offline=${mine}  \r\nq = "${quoted}"\r\n`,
    );
    const store = await openSecretStore({ env, backend: "file" });
    expect(await store.list()).toEqual(["hub", "offline", "q"]);
    expect(await store.get("offline")).toBe(mine);
    expect(await store.get("q")).toBe(quoted);
    await store.set("new_one", hub);
    expect(await store.get("hub")).toBe(hub);
    expect(await store.get("new_one")).toBe(hub);
  });
});
