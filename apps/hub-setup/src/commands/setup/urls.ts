import { hubUrlProblem as coreHubUrlProblem } from "@hub-setup/core";
import type { HubKind } from "./options.js";

export { repositoryUrl } from "../../servers/hub-repositories.js";

/** Why `input` cannot be this hub's address (for a prompt's validation), or undefined. */
export function hubUrlProblem(input: string, _kind: HubKind): string | undefined {
  return coreHubUrlProblem(input);
}
