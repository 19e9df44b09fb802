/** hub-token-check's exit codes, in one place (documented in the README and in --help). */
export const EXIT = {
  /** No plaintext token in what was scanned. */
  CLEAN: 0,
  /** At least one plaintext token or password was found. */
  FINDINGS: 1,
  /** Usage error, or the scan itself could not run (not a git repository, unreadable baseline…). */
  ERROR: 2,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
