import { openHubChecks } from "../../adapters/hub.js";
import { appendRunnerFile, randomDelimiter } from "../../adapters/runner-files.js";
import type { Env } from "../../ports.js";
import type { CiDeps } from "./run.js";

/** The real ports of `ci` (the command and the GitHub Action build theirs here). */
export function ciPorts(env: Env): Pick<CiDeps, "openChecks" | "appendFile" | "delimiter"> {
  return {
    openChecks: () => openHubChecks(env),
    appendFile: appendRunnerFile,
    delimiter: randomDelimiter,
  };
}
