/**
 * Where each stored token was verified: `origins.ini` beside the store (both backends), mode 0600, one
 * section per server id with the token's fingerprint and the hub and auth origins. Never a token: a
 * fingerprint is one-way, and it ties the binding to that very token (a token replaced by hand, or a
 * write cut short between the two files, finds no binding: it is bound again where it is next used, see
 * token/binding.ts). A file or section hub-setup cannot read is a store problem, reported and never
 * rewritten: reading it as "no binding" would re-bind every token wherever it is next sent.
 * Callers hold the store's lock around a read-modify-write.
 */
import { decode, encode } from "ini";
import { join } from "node:path";
import { HubSetupError } from "../../errors.js";
import { tokenFingerprint } from "../../token/fingerprint.js";
import { originOf, type TokenBinding } from "../../token/binding.js";
import { BINDINGS_FILE } from "./paths.js";
import { readIfExists, writePrivateAtomic } from "./private-files.js";

export type StoredBinding = TokenBinding & { fingerprint: string; boundAt: string };
export type Bindings = Record<string, StoredBinding>;

const HEADER =
  "; hub-setup: where each stored token was verified (hub and auth URL origins), by server id.\n" +
  "; No tokens here: a fingerprint is a one-way hash. A token is sent only to these origins.\n";

const FINGERPRINT = /^fp-[0-9a-f]{12}$/;

function unreadable(path: string, what: string): HubSetupError {
  return new HubSetupError(
    "STORE_UNREADABLE",
    `${path} (where hub-setup records where each stored token was verified) holds ${what}; nothing was read from it or written to it, so it is kept as it is.`,
    {
      hint: "fix that section by hand (fingerprint, hub and auth origins, bound_at), or move the file away: each stored token is then bound again where it is next used",
    },
  );
}

function parse(text: string, path: string): Bindings {
  let data: Record<string, unknown>;
  try {
    data = decode(text);
  } catch {
    throw unreadable(path, "what is not INI");
  }
  const out: Bindings = {};
  for (const [id, section] of Object.entries(data)) {
    if (typeof section !== "object" || section == null)
      throw unreadable(path, `a line "${id}" outside any section`);
    const { fingerprint, hub, auth, bound_at: boundAt } = section as Record<string, unknown>;
    const valid =
      typeof fingerprint === "string" &&
      FINGERPRINT.test(fingerprint) &&
      typeof hub === "string" &&
      originOf(hub) === hub &&
      (auth === undefined || (typeof auth === "string" && originOf(auth) === auth));
    if (!valid) throw unreadable(path, `a section [${id}] it does not understand`);
    out[id] = {
      fingerprint,
      hub,
      ...(typeof auth === "string" ? { auth } : {}),
      boundAt: typeof boundAt === "string" ? boundAt : "",
    };
  }
  return out;
}

function serialise(bindings: Bindings): string {
  const sections = Object.fromEntries(
    Object.entries(bindings)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([id, b]) => [
        id,
        {
          fingerprint: b.fingerprint,
          hub: b.hub,
          ...(b.auth === undefined ? {} : { auth: b.auth }),
          bound_at: b.boundAt,
        },
      ]),
  );
  return `${HEADER}\n${encode(sections, { whitespace: true })}`;
}

export function bindingsFile(dir: string) {
  const path = join(dir, BINDINGS_FILE);
  return {
    path,
    read: async (): Promise<Bindings> => {
      const text = await readIfExists(path);
      return text === undefined ? {} : parse(text, path);
    },
    write: (bindings: Bindings): Promise<void> => writePrivateAtomic(path, serialise(bindings)),
  };
}

/** The binding to record for `token`, or undefined to record none. */
export function storedBinding(
  token: string,
  binding: TokenBinding | undefined,
  at: Date,
): StoredBinding | undefined {
  if (binding === undefined) return undefined;
  return { ...binding, fingerprint: tokenFingerprint(token), boundAt: at.toISOString() };
}

/** The recorded binding of `token` under `id`, only when it was recorded for this very token. */
export function bindingOf(bindings: Bindings, id: string, token: string): TokenBinding | undefined {
  const b = bindings[id];
  if (b === undefined || b.fingerprint !== tokenFingerprint(token)) return undefined;
  return b.auth === undefined ? { hub: b.hub } : { hub: b.hub, auth: b.auth };
}
