import { normalizeHubUrl, type HubKind } from "@hub-setup/core";

/**
 * The content repositories of the two hub kinds (reference §7, §8), one galaxy server each, and the URL
 * of each: what the wizard writes into ansible.cfg and `ci` exports, so both derive them alike.
 */
export type Repository = "published" | "validated" | "rh-certified" | "community";

export const REPOSITORIES: readonly Repository[] = ["published", "validated", "rh-certified", "community"];

/** What each kind of hub serves. */
export const OFFERED: Record<HubKind, readonly Repository[]> = {
  cloud: ["published", "validated"],
  private: ["published", "rh-certified", "community", "validated"],
};

/**
 * The API URL of one repository of a hub, from whatever address the person gave: a UI address, an API
 * root, or another repository's URL (whose repository is swapped for this one).
 */
export function repositoryUrl(input: string, kind: HubKind, repository: Repository): string {
  const { url } = normalizeHubUrl(input, kind, repository);
  const content = /\/content\/[^/]+\/$/;
  return content.test(url) ? url.replace(content, `/content/${repository}/`) : `${url}content/${repository}/`;
}

/** The default server id: rh_<repository> for Red Hat's hub, pah_<repository> for a private hub. */
export function defaultServerId(kind: HubKind, repository: Repository): string {
  return `${kind === "cloud" ? "rh" : "pah"}_${repository.replace(/-/g, "_")}`;
}
