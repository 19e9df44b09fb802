/**
 * A hub URL as status may print it: a password in it (`https://user:pass@host/`) becomes `***`, and so
 * does every query value (`?token=…`); the rest is kept exactly as written (no normalising), and any
 * token-shaped run left over (in the path, a user name) is redacted by safeArg.
 */
import { safeArg } from "../../safe-arg.js";

const HIDDEN = "***";
/** scheme://userinfo@ — the userinfo ends at the last `@` before the path, query or fragment. */
const USERINFO = /^([A-Za-z][A-Za-z0-9+.-]*:\/\/)([^/?#]*)@/;
/** URLs inside a message: a scheme, `://`, then anything up to a space or a closing quote/bracket. */
const URL_IN_TEXT = /[A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s"'<>()]+/g;

/** Whether the URL carries a password (`user:password@`), as Ansible would send it. */
export function urlHasPassword(url: string): boolean {
  const userinfo = USERINFO.exec(url)?.[2];
  return userinfo !== undefined && userinfo.includes(":");
}

function hideQuery(query: string): string {
  return query
    .split("&")
    .map((pair) => {
      const eq = pair.indexOf("=");
      if (eq !== -1) return `${pair.slice(0, eq)}=${HIDDEN}`;
      return pair === "" ? pair : safeArg(pair);
    })
    .join("&");
}

export function displayUrl(url: string): string {
  let out = url.replace(USERINFO, (_all, scheme: string, userinfo: string) => {
    const colon = userinfo.indexOf(":");
    const user = colon === -1 ? userinfo : userinfo.slice(0, colon);
    return `${scheme}${user}${colon === -1 ? "" : `:${HIDDEN}`}@`;
  });
  const hash = out.indexOf("#");
  const fragment = hash === -1 ? "" : `#${HIDDEN}`;
  if (hash !== -1) out = out.slice(0, hash);
  const question = out.indexOf("?");
  if (question !== -1) out = `${out.slice(0, question)}?${hideQuery(out.slice(question + 1))}`;
  return `${safeArg(out)}${fragment}`;
}

/** Every URL in a message (a check's answer names the URL it tried) shown as displayUrl shows it. */
export function displayUrlsIn(text: string): string {
  return text.replace(URL_IN_TEXT, (url) => displayUrl(url));
}
