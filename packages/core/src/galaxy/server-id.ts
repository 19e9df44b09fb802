/**
 * Galaxy server ids. Ansible derives environment variable names from an id as
 * ANSIBLE_GALAXY_SERVER_<ID.upper()>_<KEY.upper()>, keeping any `-` or `.`; such names cannot be set
 * with a shell `export`, and ids differing only in case share one variable. So we accept [a-z0-9_]+.
 */
const VALID_ID = /^[a-z0-9_]+$/;

export type ServerIdProblem = { id: string; reason: string; suggestion: string };

export function serverIdProblem(id: string): ServerIdProblem | undefined {
  if (VALID_ID.test(id)) return undefined;
  const suggestion = suggestServerId(id);
  if (id.length === 0) return { id, reason: "a server id cannot be empty", suggestion };
  if (/[A-Z]/.test(id) && VALID_ID.test(id.toLowerCase())) {
    return {
      id,
      reason: `upper-case letters: Ansible upper-cases the id for its environment variable, so "${id}" and "${id.toLowerCase()}" would share ${galaxyServerEnvVar(id, "token")}`,
      suggestion,
    };
  }
  return {
    id,
    reason: `its environment variable ${galaxyServerEnvVar(id, "token")} is not a valid shell name, so it cannot be exported`,
    suggestion,
  };
}

/** The nearest valid id: lower-cased, every other character turned into `_`. */
export function suggestServerId(id: string): string {
  const s = id
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, "_")
    .replace(/^_+|_+$/g, "");
  return s.length > 0 ? s : "hub";
}

/** The environment variable Ansible reads for `key` of server `id` (exactly as ansible-core builds it). */
export function galaxyServerEnvVar(id: string, key: string): string {
  return `ANSIBLE_GALAXY_SERVER_${id.toUpperCase()}_${key.toUpperCase()}`;
}
