/**
 * The state file beside the store: for each server, the fingerprint of its offline token and when that
 * token was last refreshed successfully. Never a token: fingerprints are one-way. It lets `status` say
 * how many of the 30 idle days are left (daysUntilIdleExpiry).
 */
import { decode, encode } from "ini";
import { join } from "node:path";
import { assertServerId } from "./secret-store.js";
import { withLock } from "./lock.js";
import { STATE_FILE, storeDir, type Env } from "./paths.js";
import { ensurePrivateDir, readIfExists, writePrivateAtomic } from "./private-files.js";

export type ServerState = { fingerprint: string; lastRefresh: Date };
export type State = { servers: Record<string, ServerState> };

export type StateFile = {
  path: string;
  read(): Promise<State>;
  recordRefresh(serverId: string, fingerprint: string, at: Date): Promise<void>;
  /** When this token (by fingerprint) was last refreshed, through this server or any other using it. */
  lastRefresh(serverId: string, fingerprint: string): Promise<Date | undefined>;
};

const HEADER =
  "; hub-setup state: when each server's offline token was last refreshed.\n" +
  "; No tokens here: a fingerprint is a one-way hash.\n";

const FINGERPRINT = /^fp-[0-9a-f]{12}$/;

function parse(text: string): State {
  const servers: Record<string, ServerState> = {};
  let data: Record<string, unknown> = {};
  try {
    data = decode(text);
  } catch {
    return { servers }; // unreadable state only costs the countdown; it never blocks a refresh
  }
  for (const [id, section] of Object.entries(data)) {
    if (typeof section !== "object" || section == null) continue;
    const { fingerprint, last_refresh: at } = section as Record<string, unknown>;
    const when = typeof at === "string" ? new Date(at) : undefined;
    if (
      typeof fingerprint === "string" &&
      FINGERPRINT.test(fingerprint) &&
      when &&
      !Number.isNaN(when.getTime())
    ) {
      servers[id] = { fingerprint, lastRefresh: when };
    }
  }
  return { servers };
}

function serialise(state: State): string {
  const sections = Object.fromEntries(
    Object.entries(state.servers)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([id, s]) => [id, { fingerprint: s.fingerprint, last_refresh: s.lastRefresh.toISOString() }]),
  );
  return `${HEADER}\n${encode(sections, { whitespace: true })}`;
}

export function openStateFile(options: { env: Env }): StateFile {
  const dir = storeDir(options.env);
  const path = join(dir, STATE_FILE);
  const read = async (): Promise<State> => {
    const text = await readIfExists(path);
    return text === undefined ? { servers: {} } : parse(text);
  };
  return {
    path,
    read,
    recordRefresh: async (serverId, fingerprint, at) => {
      assertServerId(serverId);
      if (!FINGERPRINT.test(fingerprint))
        throw new TypeError("recordRefresh takes tokenFingerprint(token), never a token");
      await ensurePrivateDir(dir);
      await withLock(`${path}.lock`, async () => {
        const state = await read();
        const before = state.servers[serverId];
        if (before?.fingerprint === fingerprint && before.lastRefresh >= at) return;
        state.servers[serverId] = { fingerprint, lastRefresh: at };
        await writePrivateAtomic(path, serialise(state));
      });
    },
    lastRefresh: async (_serverId, fingerprint) => {
      let latest: Date | undefined;
      for (const s of Object.values((await read()).servers)) {
        if (s.fingerprint === fingerprint && (latest === undefined || s.lastRefresh > latest))
          latest = s.lastRefresh;
      }
      return latest;
    },
  };
}
