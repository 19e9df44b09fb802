import { randomBytes, randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readJsonFile, writeJsonFile, type JsonFileKind } from "./json-file.js";

/**
 * Everything the sandbox must remember across a restart with the same state dir: the realm's signing
 * key, the SSO sessions behind offline tokens, the current private-hub token and the clock offset.
 * Kept as one JSON file, mode 0600, written atomically (temp file + rename) after every change.
 */
export type SessionRecord = {
  sid: string;
  userId: string;
  username: string;
  clientId: string;
  /** Sandbox-clock milliseconds. */
  createdAt: number;
  lastRefreshAt: number;
};

export type StateData = {
  version: 1;
  /** base64url HMAC key of the realm. */
  signingKey: string;
  kid: string;
  /** The realm issuer the tokens carry, fixed when the state was created. */
  issuer: string;
  clockOffsetMs: number;
  offlineToken: string;
  /** The current private-hub API token; undefined after a DELETE on the token endpoint. */
  hubToken: string | undefined;
  hubPassword: string;
  sessions: Record<string, SessionRecord>;
};

export type StateStore = {
  dir: string;
  data: StateData;
  /** True when the data was read from an existing state file. */
  restored: boolean;
  save(): void;
  /** Removes the folder when it was a temporary one. */
  dispose(): void;
};

export const STATE_FILE = "sandbox-state.json";

export function openStateStore(stateDir: string | undefined, create: () => StateData): StateStore {
  const temporary = stateDir === undefined;
  const dir = stateDir ?? mkdtempSync(join(tmpdir(), "hub-setup-sandbox-"));
  if (!temporary) mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, STATE_FILE);
  const existing = temporary ? undefined : readJsonFile(file, SANDBOX_STATE);
  const data = existing ?? create();
  const store: StateStore = {
    dir,
    data,
    restored: existing !== undefined,
    save: () => writeJsonFile(file, data),
    dispose: () => {
      if (temporary) rmSync(dir, { recursive: true, force: true });
    },
  };
  if (existing === undefined) store.save();
  return store;
}

/**
 * A fresh realm key. The key id is a UUID starting with a letter, as on Red Hat SSO, so that the
 * header's base64 begins exactly like a real offline token's (…`ia2lkIiA6ICJ`).
 */
export function newSigningKey(): { signingKey: string; kid: string } {
  const bytes = randomBytes(33);
  const kid = `${"abcdef"[(bytes[32] ?? 0) % 6] ?? "a"}${randomUUID().slice(1)}`;
  return { signingKey: bytes.subarray(0, 32).toString("base64url"), kid };
}

const SANDBOX_STATE: JsonFileKind<StateData> = {
  what: "sandbox state",
  valid: (value): value is StateData => {
    const data = value as Partial<StateData> | null;
    return data?.version === 1 && typeof data.signingKey === "string" && typeof data.sessions === "object";
  },
  freshHint: "Delete it to start with fresh sandbox tokens, or choose another --state-dir.",
};
