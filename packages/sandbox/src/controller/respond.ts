import { sendEmpty, sendJson, type Exchange } from "../http.js";

/**
 * Answers in AWX's shapes. Errors are Django REST framework's: `{"detail": "…"}` for exceptions,
 * `{"field": ["msg"]}` for validation, `{"msg": "…"}` from AWX's attach/detach views.
 */
export const PRODUCT_HEADERS = {
  "X-API-Product-Name": "AWX",
  "X-API-Product-Version": "24.6.1",
} as const;

export function reply(
  ex: Exchange,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  sendJson(ex, status, body, { ...PRODUCT_HEADERS, ...headers });
}

export function noContent(ex: Exchange): void {
  sendEmpty(ex, 204, { ...PRODUCT_HEADERS });
}

export function detail(
  ex: Exchange,
  status: number,
  text: string,
  headers: Record<string, string> = {},
): void {
  reply(ex, status, { detail: text }, headers);
}

/** DRF's PermissionDenied default text. */
export const PERMISSION_DENIED = "You do not have permission to perform this action.";

export function methodNotAllowed(ex: Exchange): void {
  detail(ex, 405, `Method "${ex.method}" not allowed.`);
}

/** An error raised while handling, carrying the exact DRF body to send. */
export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`controller API error ${status}`);
  }
}

export function badRequest(body: unknown): ApiError {
  return new ApiError(400, body);
}
