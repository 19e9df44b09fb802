import { galaxyCredentialEnv } from "./galaxy-env.js";
import type { ControllerContext } from "./context.js";
import type { ProjectUpdateRecord } from "./model.js";

/**
 * `POST /projects/<id>/update/`: a new project update for the project's organisation's Galaxy
 * credentials, in their order. Without any, AWX leaves the collections step off
 * (build_extra_vars_file sets collections_enabled only when the organisation has Galaxy credentials),
 * so nothing runs and the update succeeds.
 */
export function startUpdate(
  ctx: ControllerContext,
  project: number,
  orgId: number,
  requirements: string,
): ProjectUpdateRecord {
  const { data } = ctx;
  const org = data.organizations.find((o) => o.id === orgId);
  const creds = (org?.galaxyCredentials ?? []).flatMap((id) => data.credentials.filter((c) => c.id === id));
  const record: ProjectUpdateRecord = {
    id: data.nextId.projectUpdate,
    project,
    status: "running",
    started: ctx.now().toISOString(),
    finished: null,
    stdout: "",
    jobEnv: {},
    jobExplanation: "",
    rc: null,
    installed: [],
  };
  data.nextId.projectUpdate += 1;
  data.projectUpdates.push(record);
  const secrets = creds.map((c) => c.inputs["token"] ?? "").filter((t) => t !== "");
  if (creds.length === 0) {
    Object.assign(record, { status: "successful", finished: record.started });
  } else {
    try {
      ctx.runner.start(record, { requirements, galaxyEnv: galaxyCredentialEnv(creds), secrets });
    } catch (error) {
      // The temp folder could not be made: the update never started.
      const reason = (error as NodeJS.ErrnoException).code ?? "unknown error";
      Object.assign(record, { status: "error", finished: record.started });
      record.jobExplanation = `The project update could not be prepared (${reason}).`;
    }
  }
  ctx.save();
  return record;
}
