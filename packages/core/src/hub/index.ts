// SSO refresh and hub verification over an injected HTTP port (the undici adapter is in core/node).
export {
  HttpRequestError,
  describeUrl,
  isHttpRequestError,
  scrub,
  type HttpMethod,
  type HttpPort,
  type HttpRequest,
  type HttpResponse,
  type NetworkFailureKind,
} from "./http-port.js";
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
  DEFAULT_DEADLINE_MS,
  DEFAULT_RETRY,
  backoffMs,
  parseRetryAfter,
  type Pacing,
  type RetryPolicy,
  type Sleep,
} from "./retry.js";
export {
  refreshOfflineToken,
  type RefreshOptions,
  type RefreshOutcome,
  type RefreshResult,
} from "./refresh.js";
export { hubUrlProblem, normalizeHubUrl, type HubKind, type NormalizedHubUrl } from "./hub-url.js";
export {
  verifyHub,
  type HubServer,
  type VerifyOptions,
  type VerifyOutcome,
  type VerifyResult,
} from "./verify.js";
export { tokenKindProblem } from "./verify-messages.js";
