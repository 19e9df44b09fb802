/**
 * What the scanner reports. A finding never holds the secret: only where it is, what kind it is, its
 * redacted form and how to fix it.
 */
export type FindingKind =
  | "offline token"
  /** A Red Hat SSO refresh token (`typ: Refresh`, a browser session's): as good as a password until it ends. */
  | "refresh token"
  | "access token"
  | "hub token"
  | "gateway token"
  | "token"
  | "password"
  | "client secret"
  | "api key"
  | "secret"
  /** The password of a URL's userinfo (`https://user:PASSWORD@host/`), or a `password=` parameter. */
  | "password in url"
  /** A URL parameter named like a token or key (`?token=…`, `&api_key=…`). */
  | "token in url";

export const FINDING_KINDS: readonly FindingKind[] = [
  "offline token",
  "refresh token",
  "access token",
  "hub token",
  "gateway token",
  "token",
  "password",
  "client secret",
  "api key",
  "secret",
  "password in url",
  "token in url",
];

/** Where in the file the secret was: an option's value, a commented-out option, or free text. */
export type FindingPlace = "value" | "comment" | "text";

export type Finding = {
  path: string;
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units (SARIF's default). */
  column: number;
  /** 1-based column just past the secret (SARIF's endColumn); not part of the JSON output. */
  endColumn: number;
  kind: FindingKind;
  /** The option's key (lower-cased), or null for a token in free text. */
  key: string | null;
  /** The section name as written, or null before the first section header. */
  section: string | null;
  redacted: string;
  /** The environment variable to use instead (`ANSIBLE_GALAXY_SERVER_<ID>_TOKEN`), or `hub-setup`. */
  fix: string;
  place: FindingPlace;
};

/** Something the user should know that is not a leak (a `${VAR}` Ansible will not expand). */
export type Note = {
  path: string;
  line: number;
  column: number;
  key: string | null;
  section: string | null;
  message: string;
};

/** What scanning one file gives: its findings and notes. */
export type ScanResult = { findings: Finding[]; notes: Note[] };

/** A file that was not scanned, and why (binary, too big, not UTF-8, unreadable). */
export type Skipped = { path: string; reason: string };
