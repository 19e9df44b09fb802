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

/**
 * A place a server's token was pushed to (a controller's Galaxy credential), so that a new token can
 * follow it there. Never the token: where it went, under which server id, and when.
 */
export type ConsumerRecord = {
  kind: "controller";
  controllerUrl: string;
  credentialId: number;
  credentialName: string;
  serverId: string;
  pushedAt: Date;
};

export type State = { servers: Record<string, ServerState>; consumers: ConsumerRecord[] };

export type StateFile = {
  path: string;
  read(): Promise<State>;
  recordRefresh(serverId: string, fingerprint: string, at: Date): Promise<void>;
  /** When this token (by fingerprint) was last refreshed, through this server or any other using it. */
  lastRefresh(serverId: string, fingerprint: string): Promise<Date | undefined>;
  /** Adds a consumer, or replaces the one with the same controller and credential id. */
  recordConsumer(consumer: ConsumerRecord): Promise<void>;
};

const HEADER =
  "; hub-setup state: when each server's offline token was last refreshed, and where its token was\n" +
  "; pushed (consumer-N). No tokens here: a fingerprint is a one-way hash.\n";

/** Consumer sections: a name no server id can have ([a-z0-9_]+), numbered afresh on each write. */
const CONSUMER_SECTION = /^consumer-[0-9]+$/;

function parseConsumer(section: Record<string, unknown>): ConsumerRecord | undefined {
  const { kind, controller_url: url, credential_id: id, credential_name: name } = section;
  const { server_id: serverId, pushed_at: at } = section;
  const credentialId = typeof id === "string" ? Number(id) : NaN;
  const pushedAt = typeof at === "string" ? new Date(at) : new Date(NaN);
  if (
    kind !== "controller" ||
    typeof url !== "string" ||
    !Number.isInteger(credentialId) ||
    typeof name !== "string" ||
    typeof serverId !== "string" ||
    Number.isNaN(pushedAt.getTime())
  )
    return undefined;
  return { kind, controllerUrl: url, credentialId, credentialName: name, serverId, pushedAt };
}

const FINGERPRINT = /^fp-[0-9a-f]{12}$/;

function parse(text: string): State {
  const servers: Record<string, ServerState> = {};
  const consumers: ConsumerRecord[] = [];
  let data: Record<string, unknown> = {};
  try {
    data = decode(text);
  } catch {
    return { servers, consumers }; // unreadable state only costs the countdown; it never blocks a refresh
  }
  for (const [id, section] of Object.entries(data)) {
    if (typeof section !== "object" || section == null) continue;
    if (CONSUMER_SECTION.test(id)) {
      const consumer = parseConsumer(section as Record<string, unknown>);
      if (consumer !== undefined) consumers.push(consumer);
      continue;
    }
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
  return { servers, consumers };
}

function serialise(state: State): string {
  const sections: Record<string, Record<string, string>> = Object.fromEntries(
    Object.entries(state.servers)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([id, s]) => [id, { fingerprint: s.fingerprint, last_refresh: s.lastRefresh.toISOString() }]),
  );
  state.consumers.forEach((c, i) => {
    sections[`consumer-${i + 1}`] = {
      kind: c.kind,
      controller_url: c.controllerUrl,
      credential_id: String(c.credentialId),
      credential_name: c.credentialName,
      server_id: c.serverId,
      pushed_at: c.pushedAt.toISOString(),
    };
  });
  return `${HEADER}\n${encode(sections, { whitespace: true })}`;
}

export function openStateFile(options: { env: Env }): StateFile {
  const dir = storeDir(options.env);
  const path = join(dir, STATE_FILE);
  const read = async (): Promise<State> => {
    const text = await readIfExists(path);
    return text === undefined ? { servers: {}, consumers: [] } : parse(text);
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
    recordConsumer: async (consumer) => {
      assertServerId(consumer.serverId);
      await ensurePrivateDir(dir);
      await withLock(`${path}.lock`, async () => {
        const state = await read();
        const same = (c: ConsumerRecord) =>
          c.controllerUrl === consumer.controllerUrl && c.credentialId === consumer.credentialId;
        state.consumers = [...state.consumers.filter((c) => !same(c)), consumer];
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
