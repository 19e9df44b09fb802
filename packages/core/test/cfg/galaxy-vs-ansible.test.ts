import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { requireTool } from "@hub-setup/test-utils";
import { parseAnsibleConfig } from "../../src/cfg/index.js";
import { readGalaxyServers, type ResolvedGalaxyServer } from "../../src/galaxy/index.js";

// readGalaxyServers against ansible-core's own ConfigManager (the real one, from Debian's package):
// same server list, same value for every key, same precedence of env over file over [DEFAULT].
const galaxy = requireTool("ansible-galaxy");
const script = join(dirname(fileURLToPath(import.meta.url)), "ansible-galaxy-resolve.py");

type Case = { cfg: string; env: Record<string, string> };
type Theirs = {
  server_list: string[];
  ignore_certs: boolean | null;
  servers: Record<string, Record<string, string | boolean | null>>;
};

const HUB = "[galaxy_server.hub]\nurl = https://hub.example.com/api/galaxy/\n";
const CASES: Case[] = [
  { cfg: `[galaxy]\nserver_list = hub\n${HUB}token = file-token\n`, env: {} },
  {
    cfg: `[galaxy]\nserver_list = hub\n${HUB}token = file-token\n`,
    env: { ANSIBLE_GALAXY_SERVER_HUB_TOKEN: "env-token" },
  },
  { cfg: `[galaxy]\nserver_list = hub\n${HUB}`, env: { ANSIBLE_GALAXY_SERVER_LIST: "" } },
  { cfg: `[galaxy]\nserver_list = 'hub' ,, "x"\n${HUB}[galaxy_server.x]\nurl='https://x/'\n`, env: {} },
  {
    cfg: `[DEFAULT]\ntoken = shared\nvalidate_certs = off\n[galaxy]\nserver_list = hub, other\n${HUB}`,
    env: { ANSIBLE_GALAXY_SERVER_OTHER_URL: "https://o/" },
  },
  {
    cfg: `[galaxy]\nserver_list = hub,\n   MyHub\n${HUB}validate_certs = "yes"\n[galaxy_server.MyHub]\nurl = https://m/\nauth_url = "https://sso/"\nclient_id = c\n`,
    env: {},
  },
  {
    cfg: `[galaxy]\nserver_list = my-hub\nignore_certs = True\n`,
    env: {
      "ANSIBLE_GALAXY_SERVER_MY-HUB_URL": '"https://e/"',
      "ANSIBLE_GALAXY_SERVER_MY-HUB_VALIDATE_CERTS": "1",
    },
  },
  {
    cfg: `[galaxy]\nserver_list = hub, nourl\n${HUB}username = u\npassword = "p w"\n[galaxy_server.nourl]\ntoken = t\n`,
    env: { ANSIBLE_GALAXY_IGNORE: "yes" },
  },
  {
    cfg: "[defaults]\nforks = 5\n",
    env: {
      ANSIBLE_GALAXY_SERVER_LIST: "envhub",
      ANSIBLE_GALAXY_SERVER_ENVHUB_URL: "https://env/",
      ANSIBLE_GALAXY_SERVER_ENVHUB_TOKEN: "t",
    },
  },
];

function pythonOf(ansibleGalaxy: string): string {
  const shebang = readFileSync(ansibleGalaxy, "utf8").split("\n", 1)[0] ?? "";
  return shebang.startsWith("#!") ? (shebang.slice(2).trim().split(/\s+/).at(-1) ?? "python3") : "python3";
}

function ours(s: ResolvedGalaxyServer | undefined): Record<string, string | boolean | null> {
  const str = (v: { value: string; source: string } | undefined): string | null =>
    v === undefined || v.source === "default" ? null : v.value;
  return {
    url: str(s?.url),
    token: str(s?.token),
    auth_url: str(s?.authUrl),
    client_id: str(s?.clientId),
    username: str(s?.username),
    password: str(s?.password),
    validate_certs: s?.validateCerts?.source === "default" ? null : (s?.validateCerts?.enabled ?? null),
  };
}

describe.skipIf(!galaxy.available)("readGalaxyServers agrees with ansible-core's ConfigManager", () => {
  it(`resolves ${CASES.length} setups exactly as Ansible does`, () => {
    const python = galaxy.available ? pythonOf(galaxy.path) : "python3";
    const run = spawnSync(python, [script], {
      input: JSON.stringify(CASES),
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(run.stderr).toBe("");
    const theirs = JSON.parse(run.stdout) as Theirs[];
    CASES.forEach((c, i) => {
      const t = theirs[i] as Theirs;
      const parsed = parseAnsibleConfig(c.cfg);
      if (!parsed.ok) throw parsed.error;
      const view = readGalaxyServers(parsed.config, c.env);
      expect(view.serverList.ids, `case ${i}`).toEqual(t.server_list);
      for (const id of t.server_list) {
        const server = view.servers.find((s) => s.id === id);
        const expected = t.servers[id] ?? {};
        if ("error" in expected) {
          // Ansible stops: no url anywhere. We say so as a problem.
          expect(server?.url, `case ${i} ${id}`).toBeUndefined();
          expect(
            view.problems.some((p) => p.id === id && /URL|SECTION/.test(p.code)),
            `case ${i} ${id}`,
          ).toBe(true);
        } else {
          expect(ours(server), `case ${i} ${id}`).toEqual(expected);
          const defaultEnabled = !(t.ignore_certs ?? false);
          if (expected["validate_certs"] == null) expect(server?.validateCerts?.enabled).toBe(defaultEnabled);
        }
      }
    });
  });
});
