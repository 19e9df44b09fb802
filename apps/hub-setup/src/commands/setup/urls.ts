import { hubUrlProblem as coreHubUrlProblem, normalizeHubUrl } from "@hub-setup/core";
import type { HubKind, Repository } from "./options.js";

/** Why `input` cannot be this hub's address (for a prompt's validation), or undefined. */
export function hubUrlProblem(input: string, _kind: HubKind): string | undefined {
  return coreHubUrlProblem(input);
}

/**
 * The API URL of one repository of a hub, from whatever address the person gave: a UI address, an API
 * root, or another repository's URL (whose repository is swapped for this one).
 */
export function repositoryUrl(input: string, kind: HubKind, repository: Repository): string {
  const { url } = normalizeHubUrl(input, kind, repository);
  const content = /\/content\/[^/]+\/$/;
  return content.test(url) ? url.replace(content, `/content/${repository}/`) : `${url}content/${repository}/`;
}
