// Start-up cost of each bundled CLI, against a bare `node -e 0` in the same run.
import { compareCommands } from "./lib.mjs";

const node = process.execPath;
compareCommands({
  name: "hub-token-check --version vs node -e 0",
  baseline: [node, "-e", "0"],
  subject: [node, "apps/hub-token-check/bin/hub-token-check.cjs", "--version"],
  aim: 1.5,
});
compareCommands({
  name: "hub-setup --help vs node -e 0",
  baseline: [node, "-e", "0"],
  subject: [node, "apps/hub-setup/bin/hub-setup.mjs", "--help"],
  aim: 2,
});
