import { readBody, type Exchange } from "../http.js";
import { ApiError } from "./respond.js";

/** The JSON body; an empty body is `{}`; malformed JSON is DRF's ParseError. */
export async function jsonBody(ex: Exchange): Promise<unknown> {
  const text = await readBody(ex.req);
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // DRF quotes Python's parser message; V8's quotes the body, which may hold a token, so not here.
    throw new ApiError(400, { detail: "JSON parse error - the request body is not valid JSON" });
  }
}
