export { redactValue } from "./redact.js";
export {
  classifyToken,
  redact,
  type TokenInfo,
  type TokenKind,
  type TokenRealm,
  type TokenRejection,
} from "./classify.js";
export { decodeJwt, looksLikeJwt, type DecodedJwt, type JwtClaims } from "./jwt.js";
export { normalizeTokenInput, type NormalizedInput } from "./normalize.js";
export { tokenFingerprint } from "./fingerprint.js";
export { daysUntilIdleExpiry, idleExpiryDate } from "./idle-expiry.js";
export {
  adoptable,
  bindingFor,
  checkBinding,
  cleartextWarning,
  describeBinding,
  originOf,
  sameBinding,
  type BindingCheck,
  type TokenBinding,
} from "./binding.js";
