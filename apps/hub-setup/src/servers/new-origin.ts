import { cleartextWarning, describeBinding, type BindingCheck, type TokenBinding } from "@hub-setup/core";
import type { Prompter } from "../prompter/prompter.js";

/** The question's opening words (tests key the scripted Prompter on them). */
export const NEW_ORIGIN_QUESTION = "Send the stored token for";

/**
 * In a terminal, the question --allow-new-origin answers for one server: its stored token was verified
 * elsewhere than where the ansible.cfg read here now points it. It names the server, both sets of
 * origins and a plain-http hop to another machine; the default is No, which keeps the refusal.
 */
export async function confirmNewOrigin(
  prompter: Prompter,
  serverId: string,
  check: Extract<BindingCheck, { ok: false }>,
  current: TokenBinding,
  urls: { url: string | undefined; authUrl: string | undefined },
): Promise<boolean> {
  const was =
    check.bound === undefined
      ? "It has no recorded origins, and Red Hat SSO issued it (it only works at Red Hat)"
      : `It was verified at ${describeBinding(check.bound)}`;
  const clear = [cleartextWarning(urls.url, "the hub"), cleartextWarning(urls.authUrl, "the SSO (auth_url)")]
    .filter((w): w is string => w !== undefined)
    .map((w) => ` WARNING: ${w}.`)
    .join("");
  return prompter.confirm({
    message: `${NEW_ORIGIN_QUESTION} ${serverId} to ${describeBinding(current)}? ${was}; the ansible.cfg read here points the server elsewhere now.${clear} Say yes only if you moved it there yourself (the token is then bound there)`,
    default: false,
  });
}
