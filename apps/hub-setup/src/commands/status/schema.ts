/**
 * The JSON Schema (draft 2020-12) of `hub-setup status --json`, schemaVersion 1. docs/commands.md shows
 * the same shape; test/status-schema.test.ts validates real output against this object. Adding a field
 * is compatible; renaming, removing or retyping one bumps schemaVersion.
 */
const str = { type: "string" } as const;
const strOrNull = { type: ["string", "null"] } as const;
const failure = { enum: ["auth", "network", "config", "error"] } as const;

const errorInfo = {
  type: ["object", "null"],
  additionalProperties: false,
  required: ["code", "message", "hint"],
  properties: { code: str, message: str, hint: strOrNull },
} as const;

const problem = {
  type: "object",
  additionalProperties: false,
  required: ["severity", "message"],
  properties: { severity: { enum: ["error", "warning"] }, failure, message: str },
} as const;

const server = {
  type: "object",
  additionalProperties: false,
  required: [
    "id",
    "kind",
    "url",
    "urlSource",
    "authUrl",
    "auth",
    "token",
    "plaintextInFile",
    "check",
    "idleExpiry",
    "health",
    "failure",
    "problems",
  ],
  properties: {
    id: str,
    kind: { enum: ["cloud", "private", "galaxy"] },
    url: strOrNull,
    urlSource: { enum: ["file", "env", "default", null] },
    authUrl: strOrNull,
    auth: { enum: ["token", "basic", "none"] },
    token: {
      type: ["object", "null"],
      additionalProperties: false,
      required: ["origin", "kind", "redacted", "envVar"],
      properties: {
        origin: { enum: ["env", "store", "file"] },
        kind: { enum: ["offline", "access", "hub-api", "gateway", "unknown", "invalid"] },
        redacted: str,
        envVar: str,
      },
    },
    plaintextInFile: { type: "array", items: { enum: ["token", "password"] } },
    check: {
      type: "object",
      additionalProperties: false,
      required: ["state", "outcome", "message"],
      properties: { state: { enum: ["ok", "failed", "skipped"] }, outcome: strOrNull, message: str },
    },
    idleExpiry: {
      type: ["object", "null"],
      additionalProperties: false,
      required: ["daysLeft", "lastRefreshedAt", "expiresAt"],
      properties: {
        daysLeft: { type: ["integer", "null"] },
        lastRefreshedAt: { type: ["string", "null"], format: "date-time" },
        expiresAt: { type: ["string", "null"], format: "date-time" },
      },
    },
    health: { enum: ["ok", "warning", "broken"] },
    failure: { enum: ["auth", "network", "config", "error", null] },
    problems: { type: "array", items: problem },
  },
} as const;

export const STATUS_JSON_SCHEMA = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  title: "hub-setup status --json",
  type: "object",
  additionalProperties: false,
  required: ["schemaVersion", "exitCode", "config", "store", "servers", "problems"],
  properties: {
    schemaVersion: { const: 1 },
    exitCode: { enum: [0, 1, 3, 4, 5, 6, 130] },
    config: {
      type: "object",
      additionalProperties: false,
      required: ["path", "reason", "candidates", "warnings", "error"],
      properties: {
        path: strOrNull,
        reason: strOrNull,
        candidates: {
          type: "array",
          items: {
            type: "object",
            additionalProperties: false,
            required: ["path", "chosen", "reason"],
            properties: { path: str, chosen: { type: "boolean" }, reason: str },
          },
        },
        warnings: { type: "array", items: str },
        error: errorInfo,
      },
    },
    store: {
      type: "object",
      additionalProperties: false,
      required: ["backend", "location", "error"],
      properties: { backend: strOrNull, location: strOrNull, error: errorInfo },
    },
    servers: { type: "array", items: server },
    problems: { type: "array", items: problem },
  },
} as const;
