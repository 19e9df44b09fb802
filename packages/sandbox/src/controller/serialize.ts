import {
  CREDENTIAL_TYPES,
  credentialType,
  secretFields,
  type CredentialTypeDef,
} from "./credential-types.js";
import type {
  ControllerData,
  ControllerUser,
  CredentialRecord,
  OrganizationRecord,
  ProjectRecord,
  ProjectUpdateRecord,
} from "./model.js";

/**
 * The JSON AWX's serializers give for each record, trimmed to the fields a client uses. `url` and the
 * `related` links are under the API root the request came in on (`/api/v2/` or `/api/controller/v2/`),
 * as AWX's reverse() does behind the platform gateway. Secret inputs read back as `$encrypted$`
 * (Credential.display_inputs).
 */
export const ENCRYPTED = "$encrypted$";

export function credentialJson(root: string, data: ControllerData, c: CredentialRecord): unknown {
  const type = credentialType(c.credentialType);
  const secrets = type === undefined ? [] : secretFields(type);
  const inputs = Object.fromEntries(
    Object.entries(c.inputs).map(([k, v]) => [k, secrets.includes(k) ? ENCRYPTED : v]),
  );
  const org = data.organizations.find((o) => o.id === c.organization);
  return {
    id: c.id,
    type: "credential",
    url: `${root}credentials/${c.id}/`,
    related: {
      credential_type: `${root}credential_types/${c.credentialType}/`,
      ...(org === undefined ? {} : { organization: `${root}organizations/${org.id}/` }),
    },
    summary_fields: {
      ...(org === undefined
        ? {}
        : { organization: { id: org.id, name: org.name, description: org.description } }),
      ...(type === undefined ? {} : { credential_type: { id: type.id, name: type.name, description: "" } }),
    },
    created: c.created,
    modified: c.modified,
    name: c.name,
    description: c.description,
    organization: c.organization,
    credential_type: c.credentialType,
    managed: c.managed,
    inputs,
    kind: type?.namespace ?? "",
    cloud: type?.kind === "cloud",
    kubernetes: type?.kind === "kubernetes",
  };
}

export function credentialTypeJson(root: string, t: CredentialTypeDef): unknown {
  return {
    id: t.id,
    type: "credential_type",
    url: `${root}credential_types/${t.id}/`,
    related: { credentials: `${root}credential_types/${t.id}/credentials/` },
    name: t.name,
    description: "",
    kind: t.kind,
    namespace: t.namespace,
    managed: true,
    inputs: t.inputs,
    injectors: {},
  };
}

export function organizationJson(root: string, o: OrganizationRecord): unknown {
  return {
    id: o.id,
    type: "organization",
    url: `${root}organizations/${o.id}/`,
    related: { galaxy_credentials: `${root}organizations/${o.id}/galaxy_credentials/` },
    name: o.name,
    description: o.description,
  };
}

export function projectJson(root: string, data: ControllerData, p: ProjectRecord): unknown {
  const last = [...data.projectUpdates].reverse().find((u) => u.project === p.id);
  return {
    id: p.id,
    type: "project",
    url: `${root}projects/${p.id}/`,
    related: {
      update: `${root}projects/${p.id}/update/`,
      organization: `${root}organizations/${p.organization}/`,
      ...(last === undefined ? {} : { last_update: `${root}project_updates/${last.id}/` }),
    },
    name: p.name,
    organization: p.organization,
    scm_type: "git",
    status: last?.status ?? "never updated",
  };
}

export function projectUpdateJson(root: string, u: ProjectUpdateRecord): unknown {
  const elapsed =
    u.finished == null ? 0 : Math.round((Date.parse(u.finished) - Date.parse(u.started)) / 10) / 100;
  return {
    id: u.id,
    type: "project_update",
    url: `${root}project_updates/${u.id}/`,
    related: { project: `${root}projects/${u.project}/`, stdout: `${root}project_updates/${u.id}/stdout/` },
    project: u.project,
    job_type: "check",
    launch_type: "manual",
    status: u.status,
    failed: u.status === "failed" || u.status === "error",
    started: u.started,
    finished: u.finished,
    elapsed,
    job_explanation: u.jobExplanation,
    job_env: u.jobEnv,
    result_traceback: "",
  };
}

export function userJson(root: string, u: ControllerUser): unknown {
  return {
    id: u.id,
    type: "user",
    url: `${root}users/${u.id}/`,
    username: u.username,
    first_name: "",
    last_name: "",
    email: "",
    is_superuser: u.role === "admin",
    is_system_auditor: u.role === "auditor",
  };
}

export function apiRootJson(root: string): unknown {
  const names = [
    "ping",
    "me",
    "credential_types",
    "credentials",
    "organizations",
    "projects",
    "project_updates",
  ];
  return Object.fromEntries(names.map((n) => [n, `${root}${n}/`]));
}

export function allCredentialTypes(): readonly CredentialTypeDef[] {
  return [...CREDENTIAL_TYPES].sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name));
}

/** `GET /ping/`: AWX answers it without authentication. */
export function pingJson(): unknown {
  return {
    ha: false,
    version: "24.6.1",
    active_node: "sandbox",
    install_uuid: "00000000-0000-4000-8000-000000000000",
    instances: [
      {
        node: "sandbox",
        node_type: "hybrid",
        uuid: "00000000-0000-4000-8000-000000000001",
        heartbeat: null,
        capacity: 0,
        version: "24.6.1",
      },
    ],
    instance_groups: [{ name: "default", capacity: 0, instances: ["sandbox"] }],
  };
}
