// One detector: `ee`'s context check is core's findSecrets over every text file of the context, so a
// context holding one of core's secrets fixtures is refused on exactly the lines the detector recorded
// (ng.*), and accepted when the detector finds nothing (ok.*). Real files, the real ee-files adapter.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_BUILD_SECRET_ID } from "@hub-setup/core";
import {
  fakeHubToken,
  fakeOfflineToken,
  recordedFindings,
  secretsFixtures,
  tempDir,
  tokensOf,
  type SecretsFixture,
} from "@hub-setup/test-utils";
import { describe, expect, it } from "vitest";
import { eeFiles } from "../src/adapters/ee-files.js";
import { readContext } from "../src/commands/ee/context.js";
import { exitCodeFor, EXIT } from "../src/exit-codes.js";

const EE_FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "../../../packages/core/test/fixtures/ee");
const fixtures = secretsFixtures();

/** A clean ansible-builder 3.1 context with `files` (path → text) added under it. */
function contextWith(files: Record<string, string | Uint8Array>): string {
  const dir = join(tempDir("hub-setup-ee-detector-"), "context");
  cpSync(join(EE_FIXTURES, "ok.builder-3.1", "context"), dir, { recursive: true });
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

async function refusal(dir: string): Promise<{ message: string; hint: string; exit: number } | undefined> {
  const files = eeFiles({});
  try {
    await readContext(files, dir, DEFAULT_BUILD_SECRET_ID);
    return undefined;
  } catch (error) {
    const e = error as { message: string; hint?: string };
    return { message: e.message, hint: e.hint ?? "", exit: exitCodeFor(error) };
  }
}

/** The `path:line` each refusal line names, in order. */
function placesIn(message: string): string[] {
  return [...message.matchAll(/^ {2}- (.+?:\d+): /gm)].map((m) => m[1] ?? "");
}

function placed(f: SecretsFixture): string {
  return `_build/${f.name}/${f.file}`;
}

describe("ee's context check agrees with the detector on core's secrets fixtures", () => {
  it("has the fixtures, ok and ng", () => {
    expect(fixtures.filter((f) => f.name.startsWith("ng.")).length).toBeGreaterThanOrEqual(30);
    expect(fixtures.filter((f) => f.name.startsWith("ok.")).length).toBeGreaterThanOrEqual(15);
  });

  it.each(fixtures.map((f) => [f.name, f] as const))("%s", async (_name, f) => {
    const r = await refusal(contextWith({ [placed(f)]: f.text }));
    const recorded = recordedFindings(f).map((x) => `${placed(f)}:${x.line}`);
    if (recorded.length === 0) {
      expect(r, `${f.name}: the detector finds nothing, so ee must accept it`).toBeUndefined();
      return;
    }
    expect(r?.exit).toBe(EXIT.TOKEN_IN_BUILD);
    expect(placesIn(r?.message ?? "")).toEqual(recorded);
    for (const token of tokensOf(f)) {
      expect((r?.message ?? "") + (r?.hint ?? ""), `${f.name}: a token in full`).not.toContain(token);
    }
  });
});

describe("ee's context check, the review's repro", () => {
  it("refuses an ARG default with an offline token under any name, and a commented token in ansible.cfg (exit 8)", async () => {
    const offline = fakeOfflineToken("ee-review");
    const hub = fakeHubToken("ee-review");
    const dir = contextWith({
      "_build/configs/ansible.cfg": `[galaxy_server.hub]\nurl = https://hub.example.test/api/galaxy/\n# token = ${hub}\n`,
    });
    const containerfile = join(dir, "Containerfile");
    writeFileSync(containerfile, `${readFileSync(containerfile, "utf8")}\nARG AH_TOKEN=${offline}\n`);
    const r = await refusal(dir);
    expect(r?.exit).toBe(EXIT.TOKEN_IN_BUILD);
    expect(r?.message).toMatch(/Containerfile:\d+: AH_TOKEN = offline token /);
    expect(r?.message).toContain("_build/configs/ansible.cfg:3: token = hub API token ");
    expect(r?.hint).toContain("remove the ARG/ENV default from additional_build_steps");
    expect(r?.hint).toContain("remove the token (or password) line from that ansible.cfg");
    expect(`${r?.message}${r?.hint}`).not.toContain(offline);
    expect(`${r?.message}${r?.hint}`).not.toContain(hub);
  });

  it("shows a password by its length only, as the checker does", async () => {
    const r = await refusal(
      contextWith({ "_build/configs/ansible.cfg": "[galaxy_server.hub]\npassword = fixture-password\n" }),
    );
    expect(r?.message).toContain("_build/configs/ansible.cfg:2: password = password (16 chars)");
    expect(r?.message).not.toMatch(/fi…|…rd/);
  });

  it("skips a real binary (a collection tarball) but reads text with odd bytes", async () => {
    const offline = fakeOfflineToken("ee-binary");
    const gzip = Uint8Array.from([0x1f, 0x8b, ...Buffer.from(`ARG AH_TOKEN=${offline}\n`)]);
    expect(await refusal(contextWith({ "_build/ns-coll-1.0.0.tar.gz": gzip }))).toBeUndefined();
    const latin1 = Buffer.concat([
      Buffer.from("caf\xe9\0\n", "latin1"),
      Buffer.from(`AH_TOKEN=${offline}\n`),
    ]);
    expect((await refusal(contextWith({ "_build/notes.env": latin1 })))?.message).toContain(
      "_build/notes.env:2: ",
    );
  });
});
