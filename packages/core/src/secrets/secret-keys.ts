/**
 * Which option names hold secrets. Keys are compared lower-cased (ConfigParser's optionxform). A name
 * counts when it ends in one of the secret words after `_`, `.` or `-`, so `token`, `api_token` and
 * `become_password` count, while `token_path`, `vault_password_file` and `private_key_file` (paths)
 * and `ask_pass` (a boolean) do not.
 */
export type KeyKind = "token" | "password" | "client secret" | "api key" | "secret";

const SUFFIXES: ReadonlyArray<readonly [RegExp, KeyKind]> = [
  [/(?:^|[_.-])client[_-]?secret$/, "client secret"],
  [/(?:^|[_.-])(?:password|passwd|passphrase|pwd)$/, "password"],
  [/(?:^|[_.-])(?:api[_-]?key|apikey|access[_-]?key)$/, "api key"],
  [/(?:^|[_.-])(?:secret|secret[_-]?key)$/, "secret"],
  [
    /(?:^|[_.-])(?:token|api[_-]?token|auth[_-]?token|offline[_-]?token|refresh[_-]?token|access[_-]?token)$/,
    "token",
  ],
];

/** Every name SUFFIXES accepts ends in one of these: a cheap first test (see secretKeyKind). */
export const SECRET_WORDS = ["secret", "password", "passwd", "passphrase", "pwd", "key", "token"] as const;

/** Switches about a secret (`save_password = yes`, `ask_vault_pass`), not secrets. */
const FLAG_PREFIX = /^(?:ask|save|prompt|use|store|remember|no|allow|enable|disable)[_-]/;

/** The kind of secret an option holds by its name, or undefined when the name is not a secret's. */
export function secretKeyKind(key: string): KeyKind | undefined {
  const k = key.trim().toLowerCase();
  // Most keys end in none of the secret words: settle them without running (and so compiling) the
  // patterns, which a commit's one clean ansible.cfg would otherwise pay for on every start.
  if (!SECRET_WORDS.some((word) => k.endsWith(word))) return undefined;
  if (FLAG_PREFIX.test(k)) return undefined;
  for (const [pattern, kind] of SUFFIXES) if (pattern.test(k)) return kind;
  return undefined;
}

/**
 * In a `[galaxy]` / `[galaxy_server.*]` section every option is about one hub, so a key that only
 * abbreviates a credential (`hubtoken`, `tokens`, `token_value`, `tok`, `hubkey`, `apikey`, `api-key`,
 * `hubpat`, `pass`, `passwd`, `creds`) holds one too. Paths, files, URLs, ids, names, counts and
 * switches (`validate_certs`, `ignore_certs`) are not: their values are judged as such anyway.
 */
const GALAXY_TOKENISH = /tok|secret|passw|pass$|cred|key$|pat$/;
const NOT_A_SECRET_NAME =
  /(?:path|paths|file|files|dir|url|uri|_id|name|names|type|list|count|codes?|timeout|ring|skeleton|ignore|certs?|bypass|compat)$|^gpg/;

export function isGalaxySection(section: string | null | undefined): boolean {
  return section === "galaxy" || (section?.startsWith("galaxy_server.") ?? false);
}

/** The kind of secret a key holds in `section`: secretKeyKind, widened in galaxy sections. */
export function keyKindIn(section: string | null | undefined, key: string): KeyKind | undefined {
  const kind = secretKeyKind(key);
  if (kind !== undefined || !isGalaxySection(section)) return kind;
  const k = key.trim().toLowerCase();
  if (!GALAXY_TOKENISH.test(k) || NOT_A_SECRET_NAME.test(k) || FLAG_PREFIX.test(k)) return undefined;
  return k.includes("pass") ? "password" : "token";
}

/** A URL parameter that carries a secret: a secret key's name, or a bare `key` (`?key=…`). */
export function urlParameterKind(name: string): KeyKind | undefined {
  const k = name.trim().toLowerCase();
  return secretKeyKind(k) ?? (k === "key" || k === "apikey" || k === "access_token" ? "api key" : undefined);
}
