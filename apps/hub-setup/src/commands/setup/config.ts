import { join, resolve } from "node:path";
import { HubSetupError } from "@hub-setup/core";
import { readOnlyConfigError } from "../../fs-errors.js";
import type { Choice } from "../../prompter/prompter.js";
import { renderDiff } from "./diff.js";
import { existingServers, serverListOf, withServerList, withServers, type ServerEntry } from "./editor.js";
import { hubLabel } from "./hubs.js";
import { missingAnswer, type SetupOptions } from "./options.js";
import type { SetupDeps } from "./deps.js";
import type { ConfigFile } from "../../ports.js";
import type { StorePlan } from "./store.js";
import type { Survey } from "./survey.js";
import { plannedIds, resolveConflicts } from "./server-ids.js";
import { repositoryUrl } from "./urls.js";
import type { VerifiedHub } from "./verify.js";

/** One galaxy server to write, and the token it uses (kept in the store, or written when plaintext). */
export type PlannedServer = ServerEntry & { hub: VerifiedHub; tokenValue: string };

export type WritePlan = {
  path: string;
  before: ConfigFile | undefined;
  after: string;
  servers: PlannedServer[];
};

/**
 * The ansible.cfg to write, always absolute: a relative --config or ANSIBLE_CONFIG is read against the
 * current folder, as Ansible reads it, so that it compares equal to the file Ansible reads here.
 */
async function chooseFile(opts: SetupOptions, deps: SetupDeps, survey: Survey): Promise<string> {
  const { ports } = deps;
  if (opts.configPath !== undefined) return resolve(ports.cwd, opts.configPath);
  const rawEnv = ports.env["ANSIBLE_CONFIG"];
  const fromEnv = rawEnv === undefined || rawEnv === "" ? rawEnv : resolve(ports.cwd, rawEnv);
  const options: { path: string; label: string }[] = [];
  if (fromEnv !== undefined && fromEnv !== "")
    options.push({
      path: fromEnv.endsWith(".cfg") || fromEnv.endsWith(".ini") ? fromEnv : join(fromEnv, "ansible.cfg"),
      label: "the file ANSIBLE_CONFIG names",
    });
  options.push({ path: join(ports.cwd, "ansible.cfg"), label: "this project's" });
  options.push({ path: join(ports.home, ".ansible.cfg"), label: "yours, for every project" });
  const unique = options.filter((o, i) => options.findIndex((p) => p.path === o.path) === i);
  const user = unique.find((o) => o.path === join(ports.home, ".ansible.cfg"))!;
  const preferred =
    unique.find((o) => o.path === survey.discovery.path) ??
    (fromEnv === undefined || fromEnv === "" ? user : unique[0]!);
  if (!opts.interactive) return preferred.path;
  const choices: Choice<string>[] = unique.map((o) => ({
    value: o.path,
    name: `${o.path} (${o.label})`,
    description:
      o.path === survey.discovery.path
        ? "Ansible reads this one here"
        : survey.discovery.path === undefined
          ? "Ansible reads no ansible.cfg here yet"
          : `Ansible reads ${survey.discovery.path} here instead`,
  }));
  return deps.prompter.select({
    message: "Which ansible.cfg should hold the servers?",
    choices,
    default: preferred.path,
  });
}

/**
 * The order step (issue #13 item 6): ansible-galaxy tries the servers of server_list in turn and takes
 * each collection from the first that has it, so where the new servers go matters when others are
 * listed. Shows the resulting server_list; asks first or last (--order; default last, as before).
 */
async function orderServers(
  text: string,
  newIds: readonly string[],
  opts: SetupOptions,
  deps: SetupDeps,
): Promise<string> {
  const { print, style } = deps;
  const others = serverListOf(text).filter((id) => !newIds.includes(id));
  let order = opts.order;
  if (order === undefined && others.length > 0 && opts.interactive) {
    order = await deps.prompter.select<"first" | "last">({
      message: `ansible-galaxy tries the servers in server_list in order. Where should ${newIds.join(", ")} go?`,
      choices: [
        {
          value: "last",
          name: `Last, after ${others.join(", ")}`,
          description: "collections the other servers have still come from them",
        },
        {
          value: "first",
          name: `First, before ${others.join(", ")}`,
          description: `a collection ${newIds.length === 1 ? "this server has" : "these servers have"} comes from ${newIds.length === 1 ? "it" : "them"}`,
        },
      ],
      default: "last",
    });
  }
  const ordered =
    order === "first" && others.length > 0 ? withServerList(text, [...newIds, ...others]) : text;
  print(
    `\n  ${style.bold("server_list")} = ${serverListOf(ordered).join(", ")}\n  ansible-galaxy tries these servers in this order and installs each collection from the first that has it${others.length > 0 ? " (change it with --order first|last)" : ""}.\n`,
  );
  return ordered;
}

/** Step 5: which ansible.cfg, the servers to write into it, the diff; confirmed before anything is written. */
export async function planWrite(
  hubs: VerifiedHub[],
  store: StorePlan,
  opts: SetupOptions,
  deps: SetupDeps,
  survey: Survey,
): Promise<WritePlan> {
  const { print, style } = deps;
  print(`\n${style.bold("ansible.cfg")}\n`);
  const path = await chooseFile(opts, deps, survey);
  if (survey.discovery.path !== undefined && survey.discovery.path !== path) {
    print(
      `  ${style.yellow("warning:")} Ansible reads ${survey.discovery.path} here, not ${path}: files are never merged, so run ansible-galaxy where ${path} is the one it reads (or set ANSIBLE_CONFIG=${path}).\n`,
    );
  }
  const before = await deps.ports.readConfig(path);
  if (before?.readOnly === true) throw readOnlyConfigError(path);
  const existing = new Set(before === undefined ? [] : existingServers(before.text, {}).map((s) => s.id));
  const ids = await resolveConflicts(plannedIds(hubs, opts.serverId), existing, path, opts, deps);
  const servers: PlannedServer[] = [];
  let k = 0;
  for (const hub of hubs) {
    for (const repository of hub.repositories) {
      const entry: PlannedServer = {
        id: ids[k++]!,
        url: repositoryUrl(hub.url, hub.kind, repository),
        hub,
        tokenValue: hub.token.value,
      };
      if (hub.authUrl !== undefined) entry.authUrl = hub.authUrl;
      if (hub.token.clientId !== undefined) entry.clientId = hub.token.clientId;
      if (store.choice === "plaintext") entry.token = hub.token.value;
      servers.push(entry);
    }
  }
  const version = /^(\d+)\.(\d+)/.exec(survey.ansibleVersion ?? "");
  if (
    version != null &&
    Number(version[1]) === 2 &&
    Number(version[2]) < 12 &&
    servers.some((s) => s.clientId !== undefined)
  ) {
    print(
      `  ${style.yellow("warning:")} ansible-core ${survey.ansibleVersion ?? ""} ignores client_id (it arrived in 2.12): upgrade ansible-core, or this token will be refused\n`,
    );
  }
  const edited = withServers(
    before?.text ?? "",
    servers.map(({ hub: _h, tokenValue: _t, ...entry }) => entry),
  );
  for (const warning of edited.warnings) print(`  ${style.yellow("warning:")} ${warning}\n`);
  const text = await orderServers(
    edited.text,
    servers.map((s) => s.id),
    opts,
    deps,
  );
  const secrets = hubs.map((h) => ({ value: h.token.value, redacted: h.token.redacted }));
  print(renderDiff(path, before?.text, text, { style, secrets }));
  if (store.choice !== "plaintext") {
    print("\n");
    for (const s of servers)
      print(`  ${s.id}: token for ${hubLabel(s.hub)} → ${store.choice} store (${s.hub.token.redacted})\n`);
  }
  if (!opts.yes) {
    if (!opts.interactive) throw missingAnswer(`nothing confirms writing ${path}`, "--yes");
    const ok = await deps.prompter.confirm({ message: `Write these changes to ${path}?`, default: true });
    if (!ok) throw new HubSetupError("CANCELLED", "not confirmed");
  }
  return { path, before, after: text, servers };
}
