import { isHubSetupError, type ErrorCode } from "@hub-setup/core";
import { EXIT, type ExitCode } from "./exit.js";
import { isFsError } from "./fs-errors.js";

/** The exit codes themselves live in exit.ts (light, for dispatch); commands take them from here too. */
export { EXIT, type ExitCode };

/** Each error code's exit code: the one table (README, "Exit codes"). */
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
