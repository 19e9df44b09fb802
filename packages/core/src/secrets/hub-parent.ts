/**
 * A YAML mapping named for a hub (`automationHub:`, `galaxy:`, `privateHub:`, `pah:` in Helm values or
 * group_vars): its `token:` / `password:` are the hub's, as they are in a Galaxy credential.
 */
import type { ScanLine } from "./cfg-line.js";

const HUB_PARENT =
  /^(?:automation_?hub|private_?(?:automation_?)?hub|rh_?automation_?hub|pah|ah|galaxy|galaxy_?server)$/;
/** Not a bare `hub:` (JupyterHub's chart has one) nor `server:`: only names that say which hub. */
const PARENT_KEY = /^[ \t]*(?:-[ \t]+)?["']?([A-Za-z_][\w-]*)["']?[ \t]*:[ \t]*(?:#.*)?$/;
/** How far up a parent is looked for: a hub's mapping is short. */
const REACH = 12;

function indentOf(raw: string): number {
  let i = 0;
  while (i < raw.length && (raw[i] === " " || raw[i] === "\t")) i++;
  return i;
}

/** Whether the key at `keyColumn` on line `index` sits directly in a mapping named for a hub. */
export function isUnderHubParent(lines: readonly ScanLine[], index: number, keyColumn: number): boolean {
  for (let n = 1; n <= REACH && index - n >= 0; n++) {
    const raw = lines[index - n]?.raw ?? "";
    if (/^\s*(?:#|$)/.test(raw)) continue;
    if (indentOf(raw) >= keyColumn) continue;
    const name = PARENT_KEY.exec(raw)?.[1];
    return name !== undefined && HUB_PARENT.test(name.toLowerCase().replace(/-/g, "_"));
  }
  return false;
}
