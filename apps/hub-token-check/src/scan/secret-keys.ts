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

/** Switches about a secret (`save_password = yes`, `ask_vault_pass`), not secrets. */
const FLAG_PREFIX = /^(?:ask|save|prompt|use|store|remember|no|allow|enable|disable)[_-]/;

/** The kind of secret an option holds by its name, or undefined when the name is not a secret's. */
export function secretKeyKind(key: string): KeyKind | undefined {
  const k = key.trim().toLowerCase();
  if (FLAG_PREFIX.test(k)) return undefined;
  for (const [pattern, kind] of SUFFIXES) if (pattern.test(k)) return kind;
  return undefined;
}
