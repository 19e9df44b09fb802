/**
 * Reading what a server answered without trusting it: JSON only when it says JSON and parses as an
 * object; anything else described in a few words (an HTML page and its title, another content type).
 */
import { scrubServerText } from "./http-port.js";
import type { HttpResponse } from "./http-port.js";

export type JsonBody = { ok: true; json: Record<string, unknown> } | { ok: false; what: string };

function contentType(res: HttpResponse): string {
  const raw = res.headers["content-type"];
  if (raw === "application/json") return raw; // what token endpoints send: no split, trim or copy
  return (raw ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}

function isJsonType(type: string): boolean {
  return type === "application/json" || /^application\/[\w.+-]+\+json$/.test(type);
}

function looksLikeHtml(res: HttpResponse): boolean {
  return contentType(res) === "text/html" || /^\s*<(?:!doctype|html|head|body)\b/i.test(res.body);
}

/** A short description of a body that is not the JSON we wanted, safe to show (secrets scrubbed). */
function describeOther(res: HttpResponse, secrets: readonly string[]): string {
  const type = contentType(res) || "no Content-Type";
  if (looksLikeHtml(res)) {
    const title = /<title[^>]*>([\s\S]{0,200}?)<\/title>/i.exec(res.body)?.[1]?.replace(/\s+/g, " ").trim();
    const named =
      title === undefined || title === "" ? "" : ` titled "${scrubServerText(title, secrets).slice(0, 80)}"`;
    return `an HTML page${named} (${type})`;
  }
  return res.body.trim() === "" ? `an empty body (${type})` : `a ${type} body, not JSON`;
}

export function readJsonBody(res: HttpResponse, secrets: readonly string[]): JsonBody {
  const type = contentType(res);
  if (!isJsonType(type)) return { ok: false, what: describeOther(res, secrets) };
  try {
    const parsed: unknown = JSON.parse(res.body);
    if (typeof parsed === "object" && parsed != null && !Array.isArray(parsed)) {
      return { ok: true, json: parsed as Record<string, unknown> };
    }
    return { ok: false, what: "JSON that is not an object" };
  } catch {
    return { ok: false, what: `a body that says ${type} but is not valid JSON` };
  }
}

export function stringField(json: Record<string, unknown>, key: string): string | undefined {
  const v = json[key];
  return typeof v === "string" ? v : undefined;
}
