import { randomBytes, randomUUID } from "node:crypto";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { HubSetupError } from "@hub-setup/core";

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
  const existing = temporary ? undefined : readState(file);
  const data = existing ?? create();
  const store: StateStore = {
    dir,
    data,
    restored: existing !== undefined,
    save: () => writeAtomic(file, `${JSON.stringify(data, null, 2)}\n`),
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

function readState(file: string): StateData | undefined {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new HubSetupError("STORE_UNAVAILABLE", `The sandbox cannot read its state file ${file}.`, {
      hint: "Check its permissions, or start the sandbox with another --state-dir.",
      cause: error,
    });
  }
  try {
    const parsed = JSON.parse(text) as Partial<StateData>;
    if (
      parsed.version !== 1 ||
      typeof parsed.signingKey !== "string" ||
      typeof parsed.sessions !== "object"
    ) {
      throw new Error("not a version 1 sandbox state");
    }
    return parsed as StateData;
  } catch (error) {
    throw new HubSetupError(
      "STORE_UNAVAILABLE",
      `The sandbox state file ${file} is not valid sandbox state.`,
      {
        hint: "Delete it to start with fresh sandbox tokens, or choose another --state-dir.",
        cause: error,
      },
    );
  }
}

function writeAtomic(file: string, text: string): void {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, text, { mode: 0o600 });
  chmodSync(temp, 0o600);
  renameSync(temp, file);
}
