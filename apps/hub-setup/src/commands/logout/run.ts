import { HubSetupError, parseAnsibleConfig, removeGalaxyServer } from "@hub-setup/core";
import { parseFlags, usageError } from "../../flags.js";
import type { Prompter } from "../../prompter/prompter.js";
import type { ConfigFile, LoadedConfig, TokenStore } from "../../ports.js";
import { pickServer } from "../../servers/pick-server.js";
import { LOGOUT } from "../specs.js";

export type LogoutDeps = {
  loadConfig: () => Promise<LoadedConfig>;
  readConfig: (path: string) => Promise<ConfigFile | undefined>;
  writeConfig: (
    path: string,
    text: string,
    expected: ConfigFile | undefined,
    options?: { backup?: boolean },
  ) => Promise<{ backupPath?: string }>;
  /** Deletes the backups of `path` that hold any of `secrets`; the paths removed. */
  removeBackupsHolding: (path: string, secrets: readonly string[]) => Promise<string[]>;
  openStore: () => Promise<TokenStore>;
  terminal: boolean;
  prompter: (interactive: boolean) => Prompter;
  stdout: (text: string) => void;
};

const SECTION = "galaxy_server.";

/** `hub-setup logout`: the token out of the store, ansible.cfg and backups; the server too, if agreed. */
export async function runLogout(argv: string[], deps: LogoutDeps): Promise<number> {
  const { values } = parseFlags(LOGOUT, argv);
  if (values.help === true) {
    deps.stdout(LOGOUT.usage);
    return 0;
  }
  if (values.all === true && values.server !== undefined)
    throw usageError(LOGOUT, "--all and --server contradict each other");
  if (values["remove-server"] === true && values["keep-server"] === true)
    throw usageError(LOGOUT, "--remove-server and --keep-server contradict each other");
  const interactive = deps.terminal && values["no-interactive"] !== true;
  const prompter = deps.prompter(interactive);
  const config = await deps.loadConfig();
  const store = await deps.openStore();
  const ids =
    values.all === true
      ? [...new Set([...config.servers.map((s) => s.id), ...(await store.list())])]
      : [
          await pickServer(config, values.server, {
            prompter,
            interactive,
            question: "Log out of which server?",
            command: "logout",
            orAll: true,
          }),
        ];
  if (ids.length === 0) {
    deps.stdout("Nothing to log out of: no server configured and no token stored.\n");
    return 0;
  }

  // 1. The store.
  const secrets: string[] = [];
  for (const id of ids) {
    const token = await store.get(id);
    if (token === undefined) {
      deps.stdout(`  ${id}: no token in the ${store.backend} store\n`);
      continue;
    }
    secrets.push(token);
    await store.delete(id);
    deps.stdout(`  ✔ ${id}: token removed from the ${store.backend} store (${store.location})\n`);
  }

  // 2. ansible.cfg and its backups: a plaintext token line, and (with consent) the section and its server_list entry.
  const path = config.path;
  const file = path === undefined ? undefined : await deps.readConfig(path);
  if (path !== undefined && file !== undefined) {
    const parsed = parseAnsibleConfig(file.text);
    if (!parsed.ok) throw parsed.error;
    const cfg = parsed.config;
    const present = ids.filter((id) => cfg.hasSection(SECTION + id));
    for (const id of present) {
      const plaintext = cfg.getOwn(SECTION + id, "token");
      if (plaintext !== undefined && plaintext.trim() !== "") {
        secrets.push(plaintext.trim());
        cfg.remove(SECTION + id, "token");
        deps.stdout(`  ✔ ${id}: plaintext token removed from ${path}\n`);
      }
    }
    let remove = values["remove-server"] === true;
    if (
      present.length > 0 &&
      values["remove-server"] !== true &&
      values["keep-server"] !== true &&
      interactive
    ) {
      remove = await prompter.confirm({
        message: `Also remove ${present.map((id) => `[${SECTION}${id}]`).join(", ")} from ${path} and from server_list?`,
        default: false,
      });
    }
    if (remove) {
      for (const id of present) removeGalaxyServer(cfg, id);
    }
    // Backups of ansible.cfg that hold the token go first (the write below may make a new, clean one).
    for (const gone of await deps.removeBackupsHolding(path, secrets))
      deps.stdout(`  ✔ removed the backup ${gone}: it held the token\n`);
    const after = cfg.toString();
    if (after !== file.text) {
      // The old file held the token: a backup of it would keep the token, so none is made.
      const heldToken = secrets.some((s) => file.text.includes(s));
      const written = await deps.writeConfig(path, after, file, { backup: !heldToken });
      if (remove) deps.stdout(`  ✔ removed ${present.join(", ")} from ${path} (section and server_list)\n`);
      deps.stdout(
        heldToken
          ? "    no backup kept: the old file held the token\n"
          : written.backupPath === undefined
            ? ""
            : `    the old file is kept as ${written.backupPath}\n`,
      );
    }
    if (!remove && present.length > 0) {
      deps.stdout(
        `  Kept ${present.map((id) => `[${SECTION}${id}]`).join(", ")} in ${path}: \`hub-setup login --server ${present[0] ?? ""}\` sets a new token, \`hub-setup logout --remove-server\` removes ${present.length === 1 ? "it" : "them"}\n`,
      );
    }
  } else if (values["remove-server"] === true) {
    throw new HubSetupError(
      "CONFIG_PARSE",
      "no ansible.cfg is read here: there is no server section to remove",
    );
  }
  return 0;
}
