/**
 * Edits of `[galaxy] server_list` that keep the user's layout: the separator they use (`a, b` or `a,b`),
 * one id per continuation line when they wrote it so, a trailing comma when they had one. A list is
 * handled as its lines ("parts": the key line's value, then each continuation line).
 */
import { pyStrip } from "../cfg/python-text.js";
import { ansibleList, unquote } from "./ansible-values.js";

/** The value's lines; blank lines inside a value are dropped (they cannot be written back). */
export function listParts(value: string | undefined): string[] {
  if (value === undefined) return [];
  return value.split("\n").filter((p, i) => i === 0 || p !== "");
}

export function isEmptyList(parts: readonly string[]): boolean {
  return ansibleList(parts.join("\n")).length === 0;
}

/** What the user puts between ids on one line: ", " unless they write otherwise. */
export function listSeparator(parts: readonly string[]): string {
  for (const p of parts) {
    const m = /([ \t]*),([ \t]*)(?=\S)/.exec(p);
    if (m != null) return `${m[1] ?? ""},${m[2] ?? ""}`;
  }
  return ", ";
}

const holdsOneId = (part: string): boolean => !part.replace(/,$/, "").includes(",");

export function appendId(parts: readonly string[], id: string): string[] {
  if (isEmptyList(parts)) return [id];
  const p = [...parts];
  const last = p.length - 1;
  const lastPart = p[last] ?? "";
  if (p.length > 1 && holdsOneId(lastPart)) {
    const trailing = lastPart.endsWith(",");
    if (!trailing) p[last] = `${lastPart},`;
    p.push(trailing ? `${id},` : id);
    return p;
  }
  const sep = listSeparator(p);
  p[last] = lastPart.endsWith(",")
    ? `${lastPart}${sep.slice(sep.indexOf(",") + 1)}${id},`
    : lastPart + sep + id;
  return p;
}

export function prependId(parts: readonly string[], id: string): string[] {
  if (isEmptyList(parts)) return [id];
  const p = [...parts];
  if (p[0] === "") {
    p.splice(1, 0, `${id},`);
    return p;
  }
  p[0] = id + listSeparator(p) + (p[0] ?? "");
  return p;
}

/** Removes every occurrence of `id`; lines left empty go, and so does a trailing comma it leaves. */
export function removeId(parts: readonly string[], id: string): string[] {
  const trailingBefore = (parts[parts.length - 1] ?? "").endsWith(",");
  const out: string[] = [];
  parts.forEach((part, i) => {
    const pieces = part.split(",");
    const kept = pieces.filter((piece) => unquote(pyStrip(piece)) !== id);
    if (kept.length === pieces.length) {
      out.push(part);
      return;
    }
    const rest = pyStrip(kept.join(","));
    if (rest === "" && i > 0) return;
    out.push(rest === "," ? "" : rest);
  });
  const last = out.length - 1;
  const lastPart = out[last];
  if (lastPart !== undefined && !trailingBefore && lastPart.endsWith(","))
    out[last] = pyStrip(lastPart.slice(0, -1));
  return out;
}

/** A whole new list in the layout of `template` (one line, or one id per line). */
export function formatList(ids: readonly string[], template: readonly string[]): string[] {
  if (ids.length === 0) return [];
  if (template.length <= 1) return [ids.join(listSeparator(template))];
  const lines = ids.map((id, i) => (i < ids.length - 1 ? `${id},` : id));
  return template[0] === "" ? ["", ...lines] : lines;
}
