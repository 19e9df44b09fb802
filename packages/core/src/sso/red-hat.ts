/**
 * Red Hat's fixed addresses and names (reference §8), and where each kind of token is loaded.
 * Source document: "Creating the API token in automation hub" (shared/seeds).
 */

/** The issuer of Red Hat SSO tokens: the redhat-external realm. */
export const RED_HAT_SSO_ISSUER = "https://sso.redhat.com/auth/realms/redhat-external";

/** The token endpoint ansible-galaxy posts the refresh_token grant to (`auth_url`). */
export const RED_HAT_SSO_TOKEN_URL = `${RED_HAT_SSO_ISSUER}/protocol/openid-connect/token`;

/** The realm path every issuer we accept ends with (the sandbox serves it on 127.0.0.1). */
export const RED_HAT_REALM_PATH = "/auth/realms/redhat-external";

/** The client every Red Hat Automation Hub offline token is issued to (its `azp`). */
export const CLOUD_CLIENT_ID = "cloud-services";

/** The API root of console.redhat.com's Automation Hub (galaxy_ng in insights mode). */
export const RED_HAT_CLOUD_API_ROOT = "https://console.redhat.com/api/automation-hub/";

/** The cloud hub URL for one content repository: `published` (certified) or `validated`. */
export function RED_HAT_CLOUD_HUB_URL(repository = "published"): string {
  return `${RED_HAT_CLOUD_API_ROOT}content/${repository}/`;
}

/** Where a Red Hat offline token is loaded (reference §8: the former direct address still leads there). */
export const CLOUD_TOKEN_PAGE = "https://console.redhat.com/ansible/automation-hub/token";

/** The same page as a path through the console, for when the direct address moves again. */
export const CLOUD_TOKEN_PAGE_PATH =
  "console.redhat.com › Ansible Automation Platform › Automation Hub › Connect to Hub › Load token";

/** Where a private automation hub API token is loaded: the hub's own UI. */
export const PRIVATE_HUB_TOKEN_PAGE_PATH =
  "your private automation hub › Collections › API token › Load token";

/** The private hub page for a given hub URL: its host, then the menu path. */
export function privateHubTokenPage(hubUrl: string): string {
  let origin: string | undefined;
  try {
    origin = new URL(hubUrl).origin;
  } catch {
    origin = undefined;
  }
  const where = origin === undefined || origin === "null" ? "your private automation hub" : origin;
  return `${where} › Collections › API token › Load token`;
}

/** Days of disuse after which Red Hat SSO drops an offline token's session. */
export const OFFLINE_TOKEN_IDLE_DAYS = 30;
