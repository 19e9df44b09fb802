import { isHubSetupError, type ErrorCode } from "@hub-setup/core";
import { isFsError } from "./fs-errors.js";

/**
 * hub-setup's exit codes, in one place (documented in the README and in --help).
 */
export const EXIT = {
  OK: 0,
  /** Something failed that has no more specific code; the message says what. */
  ERROR: 1,
  /** The command line was wrong, or an answer was missing with --no-interactive. */
  USAGE: 2,
  /** A token was refused: expired, revoked, replaced, or of the wrong kind. */
  AUTH: 3,
  /** A hub or Red Hat SSO could not be reached, or kept failing (5xx, timeouts, proxy, TLS). */
  NETWORK: 4,
  /** ansible.cfg or the secret store is unusable: malformed, changed on disk, locked, insecure. */
  CONFIG: 5,
  /** Some servers succeeded and some failed (refresh, status). */
  PARTIAL: 6,
  /** `ee build`: the container runtime is missing, cannot mount build secrets, or its build failed. */
  BUILD: 7,
  /** `ee`: a token is where it must not be: in the build context (refused before building) or in the built image. */
  TOKEN_IN_BUILD: 8,
  /** The person cancelled (Ctrl-C, Esc). Nothing was written. */
  CANCELLED: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

const BY_ERROR_CODE: Record<ErrorCode, ExitCode> = {
  CONFIG_PARSE: EXIT.CONFIG,
  CONFIG_CHANGED_ON_DISK: EXIT.CONFIG,
  CONFIG_LOCKED: EXIT.CONFIG,
  CONFIG_NOT_FOUND: EXIT.CONFIG,
  CONFIG_NOT_WRITABLE: EXIT.CONFIG,
  STORE_INSECURE: EXIT.CONFIG,
  STORE_UNAVAILABLE: EXIT.CONFIG,
  STORE_UNREADABLE: EXIT.CONFIG,
  INVALID_SERVER_ID: EXIT.USAGE,
  USAGE: EXIT.USAGE,
  INVALID_URL: EXIT.USAGE,
  INVALID_CA_FILE: EXIT.USAGE,
  INVALID_EDIT: EXIT.USAGE,
  INVALID_OPTION: EXIT.USAGE,
  EE_CONTEXT: EXIT.USAGE,
  EE_RUNTIME: EXIT.BUILD,
  TOKEN_IN_BUILD: EXIT.TOKEN_IN_BUILD,
  INVALID_TOKEN: EXIT.AUTH,
  TOKEN_EXPIRED: EXIT.AUTH,
  TOKEN_REJECTED: EXIT.AUTH,
  WRONG_CLIENT: EXIT.AUTH,
  HUB_FORBIDDEN: EXIT.AUTH,
  HUB_NOT_FOUND: EXIT.ERROR,
  UNAVAILABLE: EXIT.NETWORK,
  NETWORK: EXIT.NETWORK,
  CANCELLED: EXIT.CANCELLED,
  INTERNAL: EXIT.ERROR,
};

/** A file-system failure Node reports by errno (a full disk, a folder we may not create) is exit 5. */
export function exitCodeFor(error: unknown): ExitCode {
  if (isHubSetupError(error)) return BY_ERROR_CODE[error.code];
  return isFsError(error) ? EXIT.CONFIG : EXIT.ERROR;
}
