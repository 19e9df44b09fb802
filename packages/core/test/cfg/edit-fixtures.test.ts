import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { requireTool } from "@hub-setup/test-utils";
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
import { decodeConfigBytes, encodeConfigText } from "../../src/node/files/text-codec.js";
import { configparserViews } from "./configparser-oracle.js";
import { fixtureCases } from "./fixture-dirs.js";

// edit.<case>/input.cfg + edit.json (operations, expected warning codes) → expected.cfg, byte for byte.
// UPDATE_FIXTURES=1 rewrites expected.cfg (review the diff!).
type Op =
  | { op: "set"; section: string; key: string; value: string }
  | { op: "setLines"; section: string; key: string; lines: string[] }
  | { op: "remove"; section: string; key: string }
  | { op: "addSection"; name: string }
  | { op: "removeSection"; name: string }
  | { op: "upsertGalaxyServer"; server: GalaxyServerInput; options?: { addToList?: "end" | "start" | false } }
  | { op: "removeGalaxyServer"; id: string }
  | { op: "setServerList"; ids: string[] };

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

const cases = fixtureCases("edit.");
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

  for (const { name, dir } of cases) {
    it(`${name}: gives expected.cfg byte for byte, with the expected warnings`, () => {
      const input = readFileSync(join(dir, "input.cfg"));
      const spec = JSON.parse(readFileSync(join(dir, "edit.json"), "utf8")) as {
        ops: Op[];
        warnings: string[];
        changed?: boolean;
      };
      const parsed = parseAnsibleConfig(decodeConfigBytes(input));
      if (!parsed.ok) throw parsed.error;
      const results = spec.ops.map((op) => apply(parsed.config, op));
      const output = encodeConfigText(parsed.config.toString());
      const expectedPath = join(dir, "expected.cfg");
      if (process.env["UPDATE_FIXTURES"] === "1" || !existsSync(expectedPath))
        writeFileSync(expectedPath, output);
      expect(output.toString("utf8")).toBe(readFileSync(expectedPath, "utf8"));
      const codes = [...new Set(results.at(-1)?.warnings.map((w) => w.code))].sort();
      expect(codes).toEqual([...spec.warnings].sort());
      expect(results.at(-1)?.changed).toBe(spec.changed ?? true);
    });
  }

  it.skipIf(!python.available)(
    "every expected.cfg reads the same in Python's configparser as in ours",
    () => {
      const texts = cases.map(({ dir }) => readFileSync(join(dir, "expected.cfg"), "utf8"));
      const theirs = configparserViews("python3", texts);
      texts.forEach((text, i) => {
        expect(theirs[i]?.ok, cases[i]?.name).toBe(true);
        expect(JSON.stringify(toConfigParserView(text)), cases[i]?.name).toBe(JSON.stringify(theirs[i]));
      });
    },
  );
});
