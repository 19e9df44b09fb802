/**
 * How ansible-core turns a raw config value into a setting (config/manager.py `ensure_type`, 2.14):
 * strings lose one pair of matching outer quotes (`unquote`), lists are split on `,` with each item
 * stripped and unquoted, booleans are matched loosely (anything unknown is False).
 */
import { pyStrip } from "../cfg/python-text.js";

/** ansible.parsing.quoting.unquote: `"x"` or `'x'` → `x`, unless the closing quote is escaped. */
export function unquote(value: string): string {
  const n = value.length;
  if (n > 1 && value[0] === value[n - 1] && (value[0] === '"' || value[0] === "'") && value[n - 2] !== "\\") {
    return value.slice(1, -1);
  }
  return value;
}

const TRUE = new Set(["y", "yes", "on", "1", "true", "t"]);

/** ansible's boolean(value, strict=False), as used for type: bool settings (no unquoting). */
export function ansibleBoolean(value: string): boolean {
  return TRUE.has(pyStrip(value.toLowerCase()));
}

/** A type: list setting, as the galaxy CLI uses server_list: empty items dropped. */
export function ansibleList(value: string): string[] {
  return value
    .split(",")
    .map((item) => unquote(pyStrip(item)))
    .filter((item) => item.length > 0);
}
