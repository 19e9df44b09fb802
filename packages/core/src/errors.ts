/**
 * The error vocabulary of @hub-setup/core. Every error we throw on purpose is a HubSetupError with a
 * stable string `code`; the apps map codes to exit codes in one place. Messages say what happened and
 * what to do, and never carry a token in full (only its redacted form).
 */
export type ErrorCode =
  | "CONFIG_PARSE"
  | "CONFIG_CHANGED_ON_DISK"
  | "CONFIG_LOCKED"
  | "CONFIG_NOT_FOUND"
  | "CONFIG_NOT_WRITABLE"
  | "INVALID_SERVER_ID"
  /** Text given as a hub address cannot be one (no host, another scheme, spaces). */
  | "INVALID_URL"
  /** A server's CA file (ca_file) cannot be read or holds no PEM certificate. */
  | "INVALID_CA_FILE"
  /** An ansible.cfg edit that would write something Ansible reads differently; nothing was changed. */
  | "INVALID_EDIT"
  /** An option given to a core function cannot be used (an empty server list, a duplicate id, a line break in a value). */
  | "INVALID_OPTION"
  /** A folder given as an ansible-builder context is not one we recognise, or cannot be rewritten safely. */
  | "EE_CONTEXT"
  /** The container runtime for an EE build is missing, too old for build secrets, or its build failed. */
  | "EE_RUNTIME"
  /** A token is where it must not be: in an EE build context, or in a built image's config, history or layers. */
  | "TOKEN_IN_BUILD"
  | "INVALID_TOKEN"
  | "TOKEN_EXPIRED"
  | "TOKEN_REJECTED"
  | "WRONG_CLIENT"
  | "HUB_NOT_FOUND"
  | "HUB_FORBIDDEN"
  | "UNAVAILABLE"
  | "NETWORK"
  | "STORE_INSECURE"
  | "STORE_UNAVAILABLE"
  /** The credentials file holds what we do not understand (a hand edit); it is neither read nor written. */
  | "STORE_UNREADABLE"
  /**
   * The apps' own code for a wrong command line (their flag parsers throw it). Core never throws it:
   * core's codes name what failed in the domain, and each app decides which of them are usage errors.
   */
  | "USAGE"
  | "CANCELLED"
  | "INTERNAL";

export class HubSetupError extends Error {
  override name = "HubSetupError";
  readonly code: ErrorCode;
  /** What the user should do next, in one sentence, when there is something to do. */
  readonly hint: string | undefined;

  constructor(code: ErrorCode, message: string, options: { hint?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.hint = options.hint;
  }

  /** JSON.stringify(error) gives the code, message and hint: never a cause that might hold a secret. */
  toJSON(): { name: string; code: ErrorCode; message: string; hint?: string } {
    return this.hint === undefined
      ? { name: this.name, code: this.code, message: this.message }
      : { name: this.name, code: this.code, message: this.message, hint: this.hint };
  }
}

export function isHubSetupError(value: unknown): value is HubSetupError {
  return value instanceof HubSetupError;
}
