import type { IncomingMessage, ServerResponse } from "node:http";
import type { CredentialKind } from "./types.js";

/** One request as the handlers see it; handlers fill in what the request log should say. */
export type Exchange = {
  req: IncomingMessage;
  res: ServerResponse;
  method: string;
  url: URL;
  credential: CredentialKind;
  clientId?: string;
  redacted?: string;
};

export function sendJson(
  ex: Exchange,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  ex.res
    .writeHead(status, {
      "Content-Type": "application/json",
      "Content-Length": String(Buffer.byteLength(text)),
      ...headers,
    })
    .end(text);
}

export function sendEmpty(ex: Exchange, status: number, headers: Record<string, string> = {}): void {
  ex.res.writeHead(status, { "Content-Length": "0", ...headers }).end();
}

export class BodyTooLargeError extends Error {
  override name = "BodyTooLargeError";
}

/** The request body as text, refusing more than `limit` bytes. */
export function readBody(req: IncomingMessage, limit = 64 * 1024): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new BodyTooLargeError(`request body over ${limit} bytes`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** galaxy_ng's error body: `{"errors":[{status, code, title, detail?}]}` with status as a string. */
export function galaxyError(status: number, code: string, title: string, detail?: string): unknown {
  const error: Record<string, string> = {};
  if (detail !== undefined) error["detail"] = detail;
  error["code"] = code;
  error["status"] = String(status);
  error["title"] = title;
  return { errors: [error] };
}

export function sendNotFound(ex: Exchange): void {
  sendJson(ex, 404, galaxyError(404, "not_found", "Not found.", `${ex.method} ${ex.url.pathname}`));
}
