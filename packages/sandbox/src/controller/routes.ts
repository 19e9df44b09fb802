/**
 * The controller URL space below an API root (`/api/v2/` on AWX and AAP 2.4, `/api/controller/v2/`
 * behind the AAP 2.5+ platform gateway). Like Django's URL patterns in awx/api/urls/: ids are digits
 * and every path ends in a slash; anything else is a 404 before authentication.
 */
export type ControllerRoute =
  | { kind: "root" }
  | { kind: "ping" }
  | { kind: "me" }
  | { kind: "credential_types" }
  | { kind: "credential_type"; id: number }
  | { kind: "credentials" }
  | { kind: "credential"; id: number }
  | { kind: "organizations" }
  | { kind: "organization"; id: number }
  | { kind: "galaxy_credentials"; id: number }
  | { kind: "projects" }
  | { kind: "project"; id: number }
  | { kind: "project_update_start"; id: number }
  | { kind: "project_updates" }
  | { kind: "project_update"; id: number }
  | { kind: "project_update_stdout"; id: number };

const COLLECTIONS = [
  "ping",
  "me",
  "credential_types",
  "credentials",
  "organizations",
  "projects",
  "project_updates",
] as const;

export function parseControllerPath(rest: string): ControllerRoute | undefined {
  if (rest === "") return { kind: "root" };
  const list = /^([a-z_]+)\/$/.exec(rest);
  if (list) {
    const name = list[1] as (typeof COLLECTIONS)[number];
    return COLLECTIONS.includes(name) ? { kind: name } : undefined;
  }
  const m = /^([a-z_]+)\/(\d+)\/(?:([a-z_]+)\/)?$/.exec(rest);
  if (!m) return undefined;
  const id = Number(m[2]);
  const key = `${m[1] ?? ""}/${m[3] ?? ""}`;
  switch (key) {
    case "credential_types/":
      return { kind: "credential_type", id };
    case "credentials/":
      return { kind: "credential", id };
    case "organizations/":
      return { kind: "organization", id };
    case "organizations/galaxy_credentials":
      return { kind: "galaxy_credentials", id };
    case "projects/":
      return { kind: "project", id };
    case "projects/update":
      return { kind: "project_update_start", id };
    case "project_updates/":
      return { kind: "project_update", id };
    case "project_updates/stdout":
      return { kind: "project_update_stdout", id };
    default:
      return undefined;
  }
}
