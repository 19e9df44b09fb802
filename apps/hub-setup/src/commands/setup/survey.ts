import type { SetupDeps } from "./deps.js";
import type { ConfigDiscovery } from "../../ports.js";
import { existingServers, type ExistingServer } from "./editor.js";

/** Step 1: what is already here, before anything is asked. */
export type Survey = {
  discovery: ConfigDiscovery;
  /** Galaxy servers in the file Ansible reads (empty when it reads none). */
  servers: ExistingServer[];
  ansibleVersion: string | undefined;
  proxies: string[];
};

const PROXY_VARS = ["HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "NO_PROXY", "no_proxy"];

/** A proxy URL without its password (proxies are often written https://user:password@host:port). */
export function hideProxyCredentials(value: string): string {
  return value.replace(/\/\/[^/@\s]*@/, "//***@");
}

/** Discovery's reason without its own "Ansible reads this file (…)" wrapper, which the line already says. */
export function whyChosen(reason: string): string {
  return /^Ansible reads this file \((.*)\)$/.exec(reason)?.[1] ?? reason;
}

export async function lookAround(deps: SetupDeps): Promise<Survey> {
  const { ports, style, print } = deps;
  const discovery = await ports.discoverConfig();
  const file = discovery.path === undefined ? undefined : await ports.readConfig(discovery.path);
  const servers = file === undefined ? [] : existingServers(file.text, ports.env);
  const ansibleVersion = await ports.ansibleVersion();
  const proxies = PROXY_VARS.filter((v) => (ports.env[v] ?? "") !== "").map(
    (v) => `${v}=${hideProxyCredentials(ports.env[v] ?? "")}`,
  );

  print(`${style.bold("Looking around")}\n`);
  const chosen = discovery.candidates.find((c) => c.chosen);
  if (discovery.path === undefined) {
    print("  ansible.cfg   Ansible reads none here:\n");
    for (const c of discovery.candidates) print(`                  ${c.path}: ${c.reason}\n`);
  } else {
    print(
      `  ansible.cfg   Ansible reads ${style.cyan(discovery.path)}${chosen === undefined ? "" : ` (${whyChosen(chosen.reason)})`}\n`,
    );
  }
  for (const warning of discovery.warnings) print(`                ${style.yellow("warning:")} ${warning}\n`);
  if (discovery.path !== undefined) {
    print(
      servers.length === 0
        ? "  servers       no galaxy servers configured there yet\n"
        : `  servers       ${servers.map((s) => `${s.id}${s.url === undefined ? "" : ` (${s.url})`}`).join(", ")}\n`,
    );
  }
  print(
    ansibleVersion === undefined
      ? `  ansible-core  ${style.yellow("not found")}: install ansible-core to use what this writes\n`
      : `  ansible-core  ${ansibleVersion}\n`,
  );
  print(`  proxy         ${proxies.length === 0 ? "none set" : proxies.join(", ")}\n`);
  return { discovery, servers, ansibleVersion, proxies };
}
