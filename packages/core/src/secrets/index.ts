export {
  findSecrets,
  scanSecrets,
  isIniShaped,
  copiedBaseName,
  type FindSecretsOptions,
} from "./find-secrets.js";
export {
  FINDING_KINDS as SECRET_KINDS,
  type Finding as SecretFinding,
  type FindingKind as SecretKind,
  type FindingPlace as SecretPlace,
  type Note as SecretNote,
  type ScanResult as SecretScan,
} from "./finding.js";
export { secretKeyKind, keyKindIn, isGalaxySection, type KeyKind as SecretKeyKind } from "./secret-keys.js";
export { hubVariableKind, hubKeyKind } from "./hub-names.js";
export {
  judgeValue as judgeSecretValue,
  isPlaceholder,
  isElided,
  unquote as unquoteSecretValue,
  type ValueVerdict,
} from "./value-rules.js";
export { fixFor as secretFixFor, serverIdOf } from "./fix-hint.js";
export { describeSecret, offlineToken as offlineTokenIn } from "./describe.js";
export { redactFound } from "./redact-found.js";
export { gitleaksConfig, base64urlInfixes } from "./gitleaks-config.js";
export { githubCustomPatterns, type GithubCustomPattern } from "./github-patterns.js";
export { jwtSpans } from "./jwt-spans.js";
export { urlsInText } from "./urls-in-text.js";
export { binaryKind } from "./binary-kind.js";
export { decodeLenient } from "./decode-bytes.js";
