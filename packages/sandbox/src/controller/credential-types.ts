/**
 * The managed credential types the sandbox knows. The Galaxy one is AWX's definition
 * (awx/main/models/credential/__init__.py, `ManagedCredentialType(namespace='galaxy_api_token', …)`):
 * inputs `url` (required), `auth_url`, `token` (secret), no injectors — project updates inject it
 * themselves (awx/main/tasks/jobs.py). Two others exist so that filtering and the "must be a Galaxy
 * credential" refusal have something to tell apart. Ids are fixed; on a real controller they depend on
 * the installation, which is why clients look them up by namespace.
 */
export type CredentialField = {
  id: string;
  label: string;
  type: "string" | "boolean";
  secret?: boolean;
  help_text?: string;
};

export type CredentialTypeDef = {
  id: number;
  name: string;
  kind: string;
  namespace: string;
  inputs: { fields: CredentialField[]; required: string[] };
};

export const GALAXY_NAMESPACE = "galaxy_api_token";

export const CREDENTIAL_TYPES: readonly CredentialTypeDef[] = [
  {
    id: 1,
    name: "Machine",
    kind: "ssh",
    namespace: "ssh",
    inputs: {
      fields: [
        { id: "username", label: "Username", type: "string" },
        { id: "password", label: "Password", type: "string", secret: true },
      ],
      required: [],
    },
  },
  {
    id: 2,
    name: "Source Control",
    kind: "scm",
    namespace: "scm",
    inputs: {
      fields: [
        { id: "username", label: "Username", type: "string" },
        { id: "password", label: "Password", type: "string", secret: true },
      ],
      required: [],
    },
  },
  {
    id: 18,
    name: "Ansible Galaxy/Automation Hub API Token",
    kind: "galaxy",
    namespace: GALAXY_NAMESPACE,
    inputs: {
      fields: [
        {
          id: "url",
          label: "Galaxy Server URL",
          type: "string",
          help_text: "The URL of the Galaxy instance to connect to.",
        },
        {
          id: "auth_url",
          label: "Auth Server URL",
          type: "string",
          help_text: "The URL of a Keycloak server token_endpoint, if using SSO auth.",
        },
        {
          id: "token",
          label: "API Token",
          type: "string",
          secret: true,
          help_text: "A token to use for authentication against the Galaxy instance.",
        },
      ],
      required: ["url"],
    },
  },
];

export function credentialType(id: number): CredentialTypeDef | undefined {
  return CREDENTIAL_TYPES.find((t) => t.id === id);
}

export function secretFields(type: CredentialTypeDef): string[] {
  return type.inputs.fields.filter((f) => f.secret === true).map((f) => f.id);
}
