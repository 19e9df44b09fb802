// The HTTP vocabulary of the pure core: the injected port, its clock, retries under one deadline, reading
// response bodies, and the messages for failures every caller shares. The undici adapter is in core/node.
export {
  HttpRequestError,
  describeUrl,
  isHttpRequestError,
  scrub,
  scrubServerText,
  type HttpMethod,
  type HttpPort,
  type HttpRequest,
  type HttpResponse,
  type NetworkFailureKind,
} from "./http-port.js";
export { type CancelTimer, type Clock } from "./clock.js";
export {
  DEFAULT_DEADLINE_MS,
  DEFAULT_RETRY,
  backoffMs,
  parseRetryAfter,
  type Pacing,
  type RetryPolicy,
  type Sleep,
} from "./retry.js";
export { readJsonBody, stringField, type JsonBody } from "./response-body.js";
