import type { CredentialRecord } from "./model.js";

/**
 * The environment a project update gets for the organisation's Galaxy credentials, as
 * RunProjectUpdate.build_env builds it (awx/main/tasks/jobs.py): for the i-th credential in the
 * organisation's order, `ANSIBLE_GALAXY_SERVER_SERVER{i}_URL` always, `…_TOKEN` and `…_AUTH_URL` only
 * when set and non-empty, and `ANSIBLE_GALAXY_SERVER_LIST=server0,server1,…` only when there is at
 * least one. Nothing is added for galaxy.ansible.com there: AWX's fallback is the managed
 * "Ansible Galaxy" credential, which counts only when it is in the organisation's list.
 */
export function galaxyCredentialEnv(credentials: readonly CredentialRecord[]): Record<string, string> {
  const env: Record<string, string> = {};
  const list: string[] = [];
  credentials.forEach((cred, i) => {
    env[`ANSIBLE_GALAXY_SERVER_SERVER${i}_URL`] = cred.inputs["url"] ?? "";
    const token = cred.inputs["token"];
    const authUrl = cred.inputs["auth_url"];
    if (token) env[`ANSIBLE_GALAXY_SERVER_SERVER${i}_TOKEN`] = token;
    if (authUrl) env[`ANSIBLE_GALAXY_SERVER_SERVER${i}_AUTH_URL`] = authUrl;
    list.push(`server${i}`);
  });
  if (list.length > 0) env["ANSIBLE_GALAXY_SERVER_LIST"] = list.join(",");
  return env;
}

/**
 * AWX's build_safe_env (awx/main/models/credential/__init__.py), which is what a project update's
 * `job_env` shows: `ANSIBLE_*` variables are shown as they are, except `ANSIBLE_NET*` and
 * `ANSIBLE_GALAXY_SERVER*`, whose names matching API|TOKEN|KEY|SECRET|PASS read `**********`.
 */
export const HIDDEN_PASSWORD = "**********";

export function safeEnv(env: Record<string, string>): Record<string, string> {
  const hidden = /API|TOKEN|KEY|SECRET|PASS/i;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) {
    const plainAnsible =
      k.startsWith("ANSIBLE_") && !k.startsWith("ANSIBLE_NET") && !k.startsWith("ANSIBLE_GALAXY_SERVER");
    out[k] = !plainAnsible && hidden.test(k) ? HIDDEN_PASSWORD : v;
  }
  return out;
}
