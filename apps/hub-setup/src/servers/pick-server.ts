import { HubSetupError } from "@hub-setup/core";
import type { Prompter } from "../prompter/prompter.js";
import type { LoadedConfig } from "../ports.js";
import { safeArg } from "../safe-arg.js";

/**
 * The server a command acts on (login, logout): `--server ID`, else the only one, else a question in
 * a terminal, else a usage error naming the ids. Only servers with a url are candidates.
 */
export async function pickServer(
  config: LoadedConfig,
  given: string | undefined,
  ask: {
    prompter: Prompter;
    interactive: boolean;
    question: string;
    command: string;
    /** The command also takes --all (logout): the hint offers it. */
    orAll?: boolean;
  },
): Promise<string> {
  const where = config.path ?? "ansible.cfg";
  const ids = config.servers.filter((s) => s.url !== undefined).map((s) => s.id);
  if (ids.length === 0) {
    throw new HubSetupError(
      "CONFIG_PARSE",
      `no galaxy server is configured in ${config.path ?? "any ansible.cfg read here"}`,
      { hint: "run `hub-setup` first to connect a hub" },
    );
  }
  // Every id to choose from: naming just one would read as the answer.
  const hint = `pass --server <id> (one of: ${ids.join(", ")})${ask.orAll === true ? ", or --all" : ""}`;
  if (given !== undefined) {
    if (ids.includes(given)) return given;
    throw new HubSetupError(
      "USAGE",
      `${ask.command}: no server ${safeArg(JSON.stringify(given))} in ${where} (it has ${ids.join(", ")})`,
      { hint },
    );
  }
  if (ids.length === 1) return ids[0]!;
  if (!ask.interactive) {
    throw new HubSetupError("USAGE", `${ask.command}: which server? ${where} has ${ids.join(", ")}`, {
      hint,
    });
  }
  return ask.prompter.select({
    message: ask.question,
    choices: config.servers
      .filter((s) => s.url !== undefined)
      .map((s) => ({ value: s.id, name: `${s.id} (${s.url?.value ?? ""})` })),
  });
}
