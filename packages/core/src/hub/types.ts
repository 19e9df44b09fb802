/**
 * The words of the hub check, shared by verify.ts and its messages (kept here so neither imports the
 * other): which kind of hub, where it is, and how a check can end.
 */
import type { HubSetupError } from "../errors.js";

export type HubKind = "cloud" | "private";

export type HubServer = { kind: HubKind; url: string; authUrl?: string; clientId?: string };

export type VerifyOutcome =
  | "unauthorized"
  | "forbidden"
  | "not-found"
  | "expired"
  | "wrong-client"
  | "rejected"
  | "unavailable"
  | "network"
  | "wrong-token-kind";

export type VerifyResult =
  | { ok: true; apiVersions: string[]; url: string }
  | { ok: false; outcome: VerifyOutcome; message: string; expectedUrl?: string; error: HubSetupError };
