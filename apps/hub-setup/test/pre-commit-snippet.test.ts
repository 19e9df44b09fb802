import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { PRE_COMMIT_SNIPPET } from "../src/commands/setup/extras.js";

// The wizard's .pre-commit-config.yaml entry checks the same files as this repository's hook definition
// (and as `hub-token-check install` prints): backups and left-over temp files of every *.cfg / *.ini too.
it("the wizard's pre-commit snippet matches the files this repository's hook matches", () => {
  const hooks = readFileSync(
    fileURLToPath(new URL("../../../.pre-commit-hooks.yaml", import.meta.url)),
    "utf8",
  );
  const files = (text: string) => /^\s*files:\s*(.+)$/m.exec(text)?.[1];
  expect(files(PRE_COMMIT_SNIPPET)).toBeDefined();
  expect(files(PRE_COMMIT_SNIPPET)).toBe(files(hooks));
});
