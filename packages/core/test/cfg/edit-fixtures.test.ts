import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { fixtureFolders, requireTool } from "@hub-setup/test-utils";
import {
  parseAnsibleConfig,
  toConfigParserView,
  type AnsibleConfig,
  type EditResult,
} from "../../src/cfg/index.js";
import {
  removeGalaxyServer,
  setServerList,
  upsertGalaxyServer,
  type GalaxyServerInput,
} from "../../src/galaxy/index.js";
import { decodeConfigBytes, encodeConfigText } from "../../src/cfg/text-codec.js";
import { configparserViews } from "./configparser-oracle.js";

// edit.<case>/input.cfg + edit.json → expected.cfg, byte for byte. edit.json is `{ "ops": [...] }`; each
// op may say which warning codes it gives (`"warnings"`, default none) and whether it changes the text
// (`"changed"`, default true), and every op is checked against its own. UPDATE_FIXTURES=1 (re)writes
// expected.cfg (review the diff!); without it a missing expected.cfg is a failure, never written.
type Expect = { warnings?: string[]; changed?: boolean };
type Op = Expect &
  (
    | { op: "set"; section: string; key: string; value: string }
    | { op: "setLines"; section: string; key: string; lines: string[] }
    | { op: "remove"; section: string; key: string }
    | { op: "addSection"; name: string }
    | { op: "removeSection"; name: string }
    | {
        op: "upsertGalaxyServer";
        server: GalaxyServerInput;
        options?: { addToList?: "end" | "start" | false };
      }
    | { op: "removeGalaxyServer"; id: string }
    | { op: "setServerList"; ids: string[] }
  );

function apply(config: AnsibleConfig, op: Op): EditResult {
  switch (op.op) {
    case "set":
      return config.set(op.section, op.key, op.value);
    case "setLines":
      return config.setLines(op.section, op.key, op.lines);
    case "remove":
      return config.remove(op.section, op.key);
    case "addSection":
      return config.addSection(op.name);
    case "removeSection":
      return config.removeSection(op.name);
    case "upsertGalaxyServer":
      return upsertGalaxyServer(config, op.server, op.options);
    case "removeGalaxyServer":
      return removeGalaxyServer(config, op.id);
    case "setServerList":
      return setServerList(config, op.ids);
  }
}

const cases = fixtureFolders(fileURLToPath(new URL("../fixtures/cfg", import.meta.url)), "edit");
const python = requireTool("python3", "apt-get install python3");

describe("edit.* fixtures", () => {
  it("cover the cases the issue names", () => {
    const names = cases.map((c) => c.name);
    for (const needed of [
      "edit.add-first-server",
      "edit.add-second-server",
      "edit.replace-token",
      "edit.remove-token-after-continuation",
      "edit.crlf",
      "edit.no-trailing-newline",
      "edit.colon-delimiter",
      "edit.server-before-galaxy",
    ]) {
      expect(names).toContain(needed);
    }
  });

  for (const c of cases) {
    it(`${c.name}: gives expected.cfg byte for byte, with the expected warnings`, () => {
      const input = c.bytes("input.cfg");
      const spec = c.json<{ ops: Op[] }>("edit.json");
      // Only "ops": an old top-level "warnings"/"changed" would otherwise be silently ignored.
      expect(Object.keys(spec), "edit.json holds only ops").toEqual(["ops"]);
      expect(spec.ops.length, "edit.json has at least one op").toBeGreaterThan(0);
      const parsed = parseAnsibleConfig(decodeConfigBytes(input));
      if (!parsed.ok) throw parsed.error;
      spec.ops.forEach((op, i) => {
        const result = apply(parsed.config, op);
        const what = `op ${i + 1} (${op.op})`;
        expect(result.warnings.map((w) => w.code).sort(), `${what}: warning codes`).toEqual(
          [...(op.warnings ?? [])].sort(),
        );
        expect(result.changed, `${what}: changed`).toBe(op.changed ?? true);
      });
      c.expectFile("expected.cfg", encodeConfigText(parsed.config.toString()));
    });
  }

  it.skipIf(!python.available)(
    "every expected.cfg reads the same in Python's configparser as in ours",
    () => {
      const texts = cases.map((c) => c.text("expected.cfg"));
      const theirs = configparserViews("python3", texts);
      texts.forEach((text, i) => {
        expect(theirs[i]?.ok, cases[i]?.name).toBe(true);
        expect(JSON.stringify(toConfigParserView(text)), cases[i]?.name).toBe(JSON.stringify(theirs[i]));
      });
    },
  );
});
