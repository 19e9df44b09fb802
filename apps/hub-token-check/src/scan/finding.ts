/**
 * What the checker reports: core's detector findings (`@hub-setup/core` secrets), named as the
 * checker's reports, baseline and fix have always named them. A file not scanned is the checker's own.
 */
export {
  SECRET_KINDS as FINDING_KINDS,
  type SecretFinding as Finding,
  type SecretKind as FindingKind,
  type SecretPlace as FindingPlace,
  type SecretNote as Note,
  type SecretScan as ScanResult,
} from "@hub-setup/core";

/** A file that was not scanned, and why (binary, a symbolic link, unreadable). */
export type Skipped = { path: string; reason: string };
