// Red Hat SSO: its fixed addresses, the offline-token refresh, and what each Keycloak refusal means.
export {
  CLOUD_CLIENT_ID,
  CLOUD_TOKEN_PAGE,
  CLOUD_TOKEN_PAGE_PATH,
  OFFLINE_TOKEN_IDLE_DAYS,
  PRIVATE_HUB_TOKEN_PAGE_PATH,
  RED_HAT_CLOUD_API_ROOT,
  RED_HAT_CLOUD_HUB_URL,
  RED_HAT_REALM_PATH,
  RED_HAT_SSO_ISSUER,
  RED_HAT_SSO_TOKEN_URL,
  privateHubTokenPage,
} from "./red-hat.js";
export {
  refreshOfflineToken,
  type RefreshOptions,
  type RefreshOutcome,
  type RefreshResult,
} from "./refresh.js";
