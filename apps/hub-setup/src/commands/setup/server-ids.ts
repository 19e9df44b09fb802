import { serverIdProblem } from "@hub-setup/core";
import { missingAnswer, type SetupOptions } from "./options.js";
import type { SetupDeps } from "./deps.js";
import type { VerifiedHub } from "./verify.js";
import { defaultServerId } from "../../servers/hub-repositories.js";

/** Default ids: rh_<repo> for Red Hat's hub, pah_<repo> for a private hub; --server-id names or prefixes them. */
export function plannedIds(hubs: readonly VerifiedHub[], serverId: string | undefined): string[] {
  const total = hubs.reduce((n, h) => n + h.repositories.length, 0);
  return hubs.flatMap((hub) =>
    hub.repositories.map((repo) => {
      const r = repo.replace(/-/g, "_");
      if (serverId === undefined) return defaultServerId(hub.kind, repo);
      if (total === 1) return serverId;
      return hubs.length === 1 ? `${serverId}_${r}` : `${serverId}_${hub.kind}_${r}`;
    }),
  );
}

/** Ids that already name a server in the file: replaced only when the person agrees (or --yes); otherwise another id is asked for. */
export async function resolveConflicts(
  ids: string[],
  existing: Set<string>,
  path: string,
  opts: SetupOptions,
  deps: SetupDeps,
): Promise<string[]> {
  const result: string[] = [];
  for (const id of ids) {
    let chosen = id;
    while (existing.has(chosen) && !result.includes(chosen)) {
      if (opts.yes) {
        deps.print(`  Replacing the existing server ${chosen} (--yes).\n`);
        break;
      }
      if (!opts.interactive) {
        throw missingAnswer(
          `server ${chosen} already exists in ${path} and nothing confirms replacing it`,
          `--yes (or --server-id <another id>)`,
        );
      }
      if (
        await deps.prompter.confirm({
          message: `A server named ${chosen} already exists in ${path}. Replace it?`,
          default: false,
        })
      )
        break;
      const taken = new Set([...existing, ...result, ...ids.filter((other) => other !== id)]);
      chosen = (
        await deps.prompter.input({
          message: `Another id for the server that was going to be ${id}`,
          validate: (v) =>
            serverIdProblem(v.trim())?.reason ?? (taken.has(v.trim()) ? `${v.trim()} is taken too` : true),
        })
      ).trim();
    }
    result.push(chosen);
  }
  return result;
}
