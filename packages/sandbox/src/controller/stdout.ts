import type { Exchange } from "../http.js";
import { PRODUCT_HEADERS, reply } from "./respond.js";

/**
 * `GET /project_updates/<id>/stdout/`: `?format=txt` (and `ansi`) is the plain text, `txt_download`
 * the same as an attachment; `json` (or no format) is `{range: {start, end, absolute_end}, content}`
 * as AWX's UnifiedJobStdout renders it. The text is the stored, redacted stdout.
 */
export function listStdout(ex: Exchange, text: string): void {
  const format = ex.url.searchParams.get("format") ?? "json";
  if (format === "json" || format === "api") {
    const lines = text === "" ? 0 : text.split("\n").length;
    return reply(ex, 200, { range: { start: 0, end: lines, absolute_end: lines }, content: text });
  }
  if (!["txt", "ansi", "txt_download", "ansi_download"].includes(format)) {
    return reply(ex, 404, { detail: "Not found." });
  }
  const headers: Record<string, string> = {
    ...PRODUCT_HEADERS,
    "Content-Type": "text/plain; charset=utf-8",
    "Content-Length": String(Buffer.byteLength(text)),
  };
  if (format.endsWith("_download")) headers["Content-Disposition"] = 'attachment; filename="stdout.txt"';
  ex.res.writeHead(200, headers).end(ex.method === "HEAD" ? undefined : text);
}
