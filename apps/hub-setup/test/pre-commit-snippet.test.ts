import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { PRE_COMMIT_SNIPPET } from "../src/commands/setup/extras.js";

// The wizard's .pre-commit-config.yaml entry checks the same files as this repository's hook definition
// (and as `hub-token-check install` prints): every text file (issue #12), so backups and left-over temp
// files of every *.cfg / *.ini too.
it("the wizard's pre-commit snippet matches the files this repository's hook matches", () => {
  const hooks = readFileSync(
    fileURLToPath(new URL("../../../.pre-commit-hooks.yaml", import.meta.url)),
    "utf8",
  );
  const selection = (text: string) => /^\s*((?:types|files):.+)$/m.exec(text)?.[1];
  expect(selection(PRE_COMMIT_SNIPPET)).toBeDefined();
  expect(selection(PRE_COMMIT_SNIPPET)).toBe(selection(hooks));
});
