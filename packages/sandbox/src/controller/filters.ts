import { credentialType } from "./credential-types.js";
import type { CredentialRecord } from "./model.js";

export type Getters<T> = Record<string, (item: T) => string | number | null>;

/** Exact-match filters (`?name=…`), as AWX's field lookup does for plain field names. */
/** Exact-match filters (`?name=…`), as AWX's field lookup does for plain field names. */
export function filter<T>(items: readonly T[], url: URL, getters: Getters<T>): T[] {
  return items.filter((item) =>
    Object.entries(getters).every(([key, get]) => {
      const wanted = url.searchParams.getAll(key);
      return wanted.every((w) => String(get(item)) === w);
    }),
  );
}

export function credentialFilter(items: readonly CredentialRecord[], url: URL): CredentialRecord[] {
  return filter(items, url, {
    id: (c) => c.id,
    name: (c) => c.name,
    organization: (c) => c.organization,
    credential_type: (c) => c.credentialType,
    credential_type__namespace: (c) => credentialType(c.credentialType)?.namespace ?? "",
    credential_type__kind: (c) => credentialType(c.credentialType)?.kind ?? "",
    managed: (c) => (c.managed ? "true" : "false"),
  });
}
