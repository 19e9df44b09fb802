// A default inside an environment reference (`${AH_TOKEN:=<token>}`, `${PW:-Hunter2Secret!}`) is the
// secret in plain text: Ansible does not expand `${…}`, and even a shell that did would fall back to it.
// It is flagged (exit 1) and never quoted, in any output format, notes included.
import { describe, expect, it } from "vitest";
import { EXIT } from "../src/exit-codes.js";
import { main } from "../src/main.js";
import type { FileReader } from "../src/source/disk.js";
import { fakeHubToken } from "./support/fake-tokens.js";
import { memoryIo } from "./support/memory-io.js";

const hex = fakeHubToken("env-default");
const password = "Hunter2Secret!";

/** Every 12-character piece of a secret: none may appear in what the checker prints. */
function pieces(secret: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 12 <= secret.length; i++) out.push(secret.slice(i, i + 12));
  return out;
}

function readerOf(files: Record<string, string>): FileReader {
  return async (path) => {
    const text = files[path];
    return text === undefined ? { ok: false, reason: "not found" } : { ok: true, bytes: Buffer.from(text) };
  };
}

async function check(cfg: string, format: string) {
  const io = memoryIo();
  const code = await main(["--format", format, "ansible.cfg"], {
    io,
    version: "0",
    ports: { readFile: readerOf({ "ansible.cfg": cfg }) },
  });
  return { code, output: io.out.join("") + io.err.join("") };
}

const cases: [string, string, string][] = [
  ["token = ${AH_TOKEN:=<hex>}", `[galaxy_server.ah]\ntoken = \${AH_TOKEN:=${hex}}\n`, hex],
  ["password = ${PW:-Hunter2Secret!}", `[galaxy_server.ah]\npassword = \${PW:-${password}}\n`, password],
  ["token = ${AH_TOKEN-<hex>}", `[galaxy_server.ah]\ntoken = \${AH_TOKEN-${hex}}\n`, hex],
  ["token = ${AH_TOKEN=<hex>}", `[galaxy_server.ah]\ntoken = \${AH_TOKEN=${hex}}\n`, hex],
  ['token = "${AH_TOKEN:-<hex>}"', `[galaxy_server.ah]\ntoken = "\${AH_TOKEN:-${hex}}"\n`, hex],
  ["# token = ${AH_TOKEN:-<hex>}", `[galaxy_server.ah]\n# token = \${AH_TOKEN:-${hex}}\n`, hex],
  [
    "password = ${PW:-Hunter2Secret!} (defaults)",
    `[defaults]\nbecome_password = \${PW:-${password}}\n`,
    password,
  ],
];

describe("a secret as the default of an environment reference", () => {
  describe.each(["text", "json", "sarif"])("--format %s", (format) => {
    it.each(cases)("%s is flagged and never printed", async (_name, cfg, secret) => {
      const { code, output } = await check(cfg, format);
      expect(code, output).toBe(EXIT.FINDINGS);
      for (const piece of pieces(secret)) expect(output).not.toContain(piece);
    });
  });

  it("points at the default itself and says what it is", async () => {
    const { output } = await check(`[galaxy_server.ah]\ntoken = \${AH_TOKEN:=${hex}}\n`, "json");
    const parsed = JSON.parse(output) as { findings: { line: number; column: number; kind: string }[] };
    expect(parsed.findings).toEqual([
      expect.objectContaining({ line: 2, column: "token = ${AH_TOKEN:=".length + 1, kind: "hub token" }),
    ]);
  });

  it("keeps a reference with no default, or a placeholder default, a note (exit 0)", async () => {
    for (const value of ["${AH_TOKEN}", "${AH_TOKEN:-}", "${AH_TOKEN:-changeme}", "${AH_TOKEN:?set it}"]) {
      const { code, output } = await check(`[galaxy_server.ah]\ntoken = ${value}\n`, "text");
      expect(code, value).toBe(EXIT.CLEAN);
      expect(output, value).toContain("is not expanded");
    }
  });
});
