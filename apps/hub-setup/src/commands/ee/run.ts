import { EXIT } from "../../exit-codes.js";
import { splitSubcommand } from "./args.js";
import { runBuild } from "./build.js";
import type { EeDeps } from "./deps.js";
import { runPrepare } from "./prepare.js";
import { runSecret } from "./secret.js";
import { EE } from "../specs.js";

export async function runEe(argv: readonly string[], deps: EeDeps): Promise<number> {
  const { sub, rest } = splitSubcommand(argv);
  switch (sub) {
    case "help":
      deps.stdout(EE.usage);
      return EXIT.OK;
    case "build":
      return runBuild(rest, deps);
    case "prepare":
      return runPrepare(rest, deps);
    case "secret":
      return runSecret(rest, deps);
  }
}
