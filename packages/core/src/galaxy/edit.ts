/**
 * Galaxy-level edits: create or update a `[galaxy_server.<id>]` section and keep `[galaxy] server_list`
 * in step, changing only the lines they must. Each runs as one transaction (all or nothing) and reports
 * the setup's remaining problems as warnings; nothing is "fixed" behind the user's back.
 */
import type { AnsibleConfig } from "../cfg/document.js";
import type { SectionPlacement } from "../cfg/plan-section.js";
import { ConfigEditError, type ConfigWarning, type EditResult } from "../cfg/edit-result.js";
import { ansibleBoolean, ansibleList, unquote } from "./ansible-values.js";
import { readGalaxyServers, SERVER_SECTION_PREFIX } from "./read.js";
import { appendId, formatList, isEmptyList, listParts, prependId, removeId } from "./server-list.js";
import type { GalaxyServerInput } from "./types.js";

/** Ids we refuse to write at all: they would break the section header or the comma-separated list. */
function assertWritableId(id: string): void {
  if (id === "" || /[\s,;#'"[\]=:]/u.test(id)) {
    throw new ConfigEditError(
      "INVALID_SERVER_ID",
      `cannot write galaxy server id ${JSON.stringify(id)}: ids are written into [galaxy_server.<id>] and a comma-separated server_list`,
      { code: "INVALID_SERVER_ID", hint: "Use lower-case letters, digits and _ only, e.g. private_hub." },
    );
  }
}

function serverSections(config: AnsibleConfig): string[] {
  return config.sectionNames().filter((n) => n.startsWith(SERVER_SECTION_PREFIX));
}

function placeNewServer(config: AnsibleConfig): SectionPlacement {
  const last = serverSections(config).at(-1);
  if (last !== undefined) return { after: last };
  return config.hasSection("galaxy") ? { after: "galaxy" } : "end";
}

function currentListParts(config: AnsibleConfig): string[] {
  const own = config.getOwn("galaxy", "server_list");
  if (own !== undefined) return listParts(own);
  const inherited = config.get("galaxy", "server_list");
  return inherited === undefined ? [] : [ansibleList(inherited).join(", ")];
}

function writeList(config: AnsibleConfig, parts: string[], warnings: ConfigWarning[]): boolean {
  if (isEmptyList(parts)) return config.remove("galaxy", "server_list").changed;
  const first = serverSections(config)[0];
  let changed = config.addSection("galaxy", first === undefined ? "end" : { before: first }).changed;
  const r = config.setLines("galaxy", "server_list", parts);
  warnings.push(...r.warnings);
  changed = r.changed || changed;
  return changed;
}

function withProblems(config: AnsibleConfig, changed: boolean, warnings: ConfigWarning[]): EditResult {
  const all = [...warnings, ...readGalaxyServers(config, {}).problems];
  const seen = new Set<string>();
  return {
    changed,
    warnings: all.filter((w) => {
      const k = `${w.code}|${w.id ?? ""}|${w.section ?? ""}|${w.key ?? ""}`;
      return seen.has(k) ? false : (seen.add(k), true);
    }),
  };
}

export function upsertGalaxyServer(
  config: AnsibleConfig,
  server: GalaxyServerInput,
  options: { addToList?: "end" | "start" | false } = {},
): EditResult {
  assertWritableId(server.id);
  const section = SERVER_SECTION_PREFIX + server.id;
  return config.transaction(() => {
    const warnings: ConfigWarning[] = [];
    let changed = config.addSection(
      section,
      config.hasSection(section) ? "end" : placeNewServer(config),
    ).changed;
    const strings: [string, string | undefined][] = [
      ["url", server.url],
      ["auth_url", server.authUrl],
      ["client_id", server.clientId],
      ["token", server.token],
    ];
    for (const [key, value] of strings) {
      if (value === undefined) continue;
      const current = config.getOwn(section, key);
      if (current !== undefined && unquote(current) === value) continue;
      const r = config.set(section, key, value);
      warnings.push(...r.warnings);
      changed = r.changed || changed;
    }
    if (server.validateCerts !== undefined) {
      const current = config.getOwn(section, "validate_certs");
      if (current === undefined || ansibleBoolean(current) !== server.validateCerts) {
        const r = config.set(section, "validate_certs", server.validateCerts ? "true" : "false");
        warnings.push(...r.warnings);
        changed = r.changed || changed;
      }
    }
    const where = options.addToList ?? "end";
    const parts = currentListParts(config);
    if (where !== false && !ansibleList(parts.join("\n")).includes(server.id)) {
      const next = where === "start" ? prependId(parts, server.id) : appendId(parts, server.id);
      changed = writeList(config, next, warnings) || changed;
    }
    return withProblems(config, changed, warnings);
  });
}

export function removeGalaxyServer(config: AnsibleConfig, id: string): EditResult {
  return config.transaction(() => {
    const warnings: ConfigWarning[] = [];
    let changed = config.removeSection(SERVER_SECTION_PREFIX + id).changed;
    const parts = currentListParts(config);
    if (ansibleList(parts.join("\n")).includes(id))
      changed = writeList(config, removeId(parts, id), warnings) || changed;
    return withProblems(config, changed, warnings);
  });
}

/** Replaces server_list with exactly `ids`, in that order, in the layout the user had (none: removed). */
export function setServerList(config: AnsibleConfig, ids: readonly string[]): EditResult {
  ids.forEach(assertWritableId);
  return config.transaction(() => {
    const warnings: ConfigWarning[] = [];
    const parts = currentListParts(config);
    const same =
      ansibleList(parts.join("\n")).join(",") === ids.join(",") &&
      config.getOwn("galaxy", "server_list") !== undefined;
    const changed = same ? false : writeList(config, formatList(ids, parts), warnings);
    return withProblems(config, changed, warnings);
  });
}
