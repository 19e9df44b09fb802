/**
 * hub-setup's exit codes, in one place (documented in the README and in --help). Imports nothing:
 * `--help` and dispatch need these numbers and nothing of what maps errors to them (exit-codes.ts).
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
