/**
 * The controller's records, as kept in memory and in `controller-state.json`. Ids are per table and
 * start at 1, as in AWX's database. Secret credential inputs are stored as given (the sandbox does not
 * encrypt); they leave the sandbox only as `$encrypted$`.
 */
export type ControllerUser = {
  id: number;
  username: string;
  password: string;
  /** An OAuth2 personal access token (`Authorization: Bearer …`). */
  token: string;
  /** A system administrator may write; a system auditor only reads (403 on every write). */
  role: "admin" | "auditor";
};

export type CredentialRecord = {
  id: number;
  name: string;
  description: string;
  credentialType: number;
  organization: number | null;
  managed: boolean;
  inputs: Record<string, string>;
  created: string;
  modified: string;
};

export type OrganizationRecord = {
  id: number;
  name: string;
  description: string;
  /** Credential ids in order: server0, server1, … in a project update. */
  galaxyCredentials: number[];
};

export type ProjectRecord = { id: number; name: string; organization: number; requirements: string };

export type InstalledCollection = { name: string; version: string };

export type ProjectUpdateStatus = "running" | "successful" | "failed" | "error" | "canceled";

export type ProjectUpdateRecord = {
  id: number;
  project: number;
  status: ProjectUpdateStatus;
  started: string;
  finished: string | null;
  /** Combined stdout and stderr of ansible-galaxy, with every token replaced by its redacted form. */
  stdout: string;
  /** The environment as AWX shows it (`build_safe_env`): token variables read `**********`. */
  jobEnv: Record<string, string>;
  jobExplanation: string;
  /** The exit code of ansible-galaxy; null while running or when it never started. */
  rc: number | null;
  /** What ansible-galaxy left in the collections path (sandbox-only; AWX keeps it in its cache). */
  installed: InstalledCollection[];
};

export type ControllerData = {
  version: 1;
  users: ControllerUser[];
  credentials: CredentialRecord[];
  organizations: OrganizationRecord[];
  projects: ProjectRecord[];
  projectUpdates: ProjectUpdateRecord[];
  nextId: { credential: number; projectUpdate: number };
};
