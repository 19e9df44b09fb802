import type { Env } from "../../ports.js";
import { actionInputs, ACTION_NAMES } from "./action-inputs.js";
import { githubMode } from "./options.js";
import { ciPorts } from "./real-ports.js";
import { configureCi, type CiDeps } from "./run.js";

/**
 * The GitHub Action (action.yml at the repository root): `ci` with the action's inputs, always in
 * GitHub mode. src/action/bin.ts runs it; the bundle is apps/hub-setup/action/dist/index.cjs.
 */
export async function runAction(
  env: Env,
  io: Pick<CiDeps, "now" | "signal" | "stdout" | "stderr">,
): Promise<number> {
  return configureCi(actionInputs(env), ACTION_NAMES, githubMode(env), { ...ciPorts(env), ...io });
}
