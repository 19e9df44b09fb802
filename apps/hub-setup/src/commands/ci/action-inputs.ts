import type { Env } from "../../ports.js";
import type { CiInputs, InputNames } from "./plan.js";

/**
 * The action's inputs (action.yml), as the runner passes them: `INPUT_<NAME>` with the name
 * upper-cased, spaces turned into `_` and hyphens kept (`INPUT_OFFLINE-TOKEN`), as actions/toolkit's
 * getInput reads them. An input left out arrives empty, or with its default from action.yml.
 */
export const ACTION_INPUTS: Record<keyof CiInputs, string> = {
  offlineToken: "offline-token",
  cloudUrl: "cloud-url",
  authUrl: "auth-url",
  privateHubUrl: "private-hub-url",
  privateHubToken: "private-hub-token",
  repositories: "repositories",
  serverIds: "server-ids",
};

export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, "_").toUpperCase()}`;
}

export const ACTION_NAMES = Object.fromEntries(
  Object.entries(ACTION_INPUTS).map(([key, name]) => [key, `the ${name} input`]),
) as InputNames;

export function actionInputs(env: Env): CiInputs {
  const read = (key: keyof CiInputs): string | undefined => env[inputVariable(ACTION_INPUTS[key])];
  return {
    offlineToken: read("offlineToken"),
    cloudUrl: read("cloudUrl"),
    authUrl: read("authUrl"),
    privateHubUrl: read("privateHubUrl"),
    privateHubToken: read("privateHubToken"),
    repositories: read("repositories"),
    serverIds: read("serverIds"),
  };
}
