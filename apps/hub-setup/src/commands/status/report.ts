/**
 * The status of every server, as data: what `status --json` prints and the text form is made from.
 * The shape is documented in docs/commands.md and described by status-schema.ts.
 */
import type { TokenKind } from "@hub-setup/core";
import type { ErrorInfo } from "../../error-info.js";
import type { FailureClass } from "../../servers/outcome.js";
import type { ConfigCandidate, ServerKind, ValueSource } from "../../ports.js";
import type { Problem, TokenOrigin } from "../../servers/servers.js";

export const STATUS_SCHEMA_VERSION = 1;

export type CheckState =
  | { state: "ok"; outcome: null; message: string }
  | { state: "failed"; outcome: string; message: string }
  | { state: "skipped"; outcome: null; message: string };

export type IdleExpiry = {
  /** Whole days before Red Hat SSO drops the token if unused; negative: most likely gone. */
  daysLeft: number | null;
  /** ISO time of the last successful refresh hub-setup saw (refresh, or a live check). */
  lastRefreshedAt: string | null;
  expiresAt: string | null;
};

export type ServerStatus = {
  id: string;
  kind: ServerKind;
  url: string | null;
  urlSource: ValueSource | null;
  authUrl: string | null;
  auth: "token" | "basic" | "none";
  token: { origin: TokenOrigin; kind: TokenKind | "invalid"; redacted: string; envVar: string } | null;
  /** Secrets written in ansible.cfg itself ("token", "password"): a leak risk. */
  plaintextInFile: string[];
  check: CheckState;
  /** Offline tokens only. */
  idleExpiry: IdleExpiry | null;
  health: "ok" | "warning" | "broken";
  failure: FailureClass | null;
  problems: Problem[];
};

export type StatusReport = {
  schemaVersion: typeof STATUS_SCHEMA_VERSION;
  exitCode: number;
  config: {
    path: string | null;
    reason: string | null;
    candidates: ConfigCandidate[];
    warnings: string[];
    error: ErrorInfo | null;
  };
  store: { backend: string | null; location: string | null; error: ErrorInfo | null };
  servers: ServerStatus[];
  /** Problems not tied to one server (no server configured, the store or state unusable). */
  problems: Problem[];
};

export function healthOf(problems: readonly Problem[], check: CheckState): ServerStatus["health"] {
  if (check.state === "failed" || problems.some((p) => p.severity === "error")) return "broken";
  return problems.length > 0 ? "warning" : "ok";
}
