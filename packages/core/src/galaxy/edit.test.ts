import { describe, expect, it } from "vitest";
import { ConfigEditError } from "../cfg/edit-result.js";
import { parseAnsibleConfig } from "../cfg/parse.js";
import type { AnsibleConfig } from "../cfg/document.js";
import { removeGalaxyServer, setServerList, upsertGalaxyServer } from "./edit.js";

function parse(text: string): AnsibleConfig {
  const r = parseAnsibleConfig(text);
  if (!r.ok) throw r.error;
  return r.config;
}

describe("galaxy server edits", () => {
  it("refuses ids that would break the header or the list, with INVALID_SERVER_ID", () => {
    const c = parse("[defaults]\n");
    for (const id of ["", "a b", "a,b", "a]", "'a'", "a;b"]) {
      const e = (() => {
        try {
          upsertGalaxyServer(c, { id, url: "https://x/" });
        } catch (error) {
          return error;
        }
        return undefined;
      })();
      expect(e).toBeInstanceOf(ConfigEditError);
      expect((e as ConfigEditError).code).toBe("INVALID_SERVER_ID");
    }
    expect(c.toString()).toBe("[defaults]\n");
  });

  it("writes an id like my-hub but warns that its env var cannot be exported", () => {
    const c = parse("");
    const r = upsertGalaxyServer(c, { id: "my-hub", url: "https://x/" });
    expect(r.warnings.map((w) => w.code)).toEqual(["SERVER_ID_PROBLEM"]);
    expect(c.toString()).toBe("[galaxy]\nserver_list = my-hub\n\n[galaxy_server.my-hub]\nurl = https://x/\n");
  });

  it("writes token only when given, validate_certs as a boolean, and nothing when nothing changes", () => {
    const c = parse(
      "[galaxy]\nserver_list = a\n\n[galaxy_server.a]\nurl = https://a/\ntoken = keep\nvalidate_certs = no\n",
    );
    const before = c.toString();
    expect(upsertGalaxyServer(c, { id: "a", url: "https://a/", validateCerts: false }).changed).toBe(false);
    expect(c.toString()).toBe(before);
    upsertGalaxyServer(c, { id: "a", url: "https://a/", validateCerts: true });
    expect(c.get("galaxy_server.a", "validate_certs")).toBe("true");
    expect(c.get("galaxy_server.a", "token")).toBe("keep");
  });

  it("can leave server_list alone, and then says the section is not listed", () => {
    const c = parse("[galaxy]\nserver_list = a\n[galaxy_server.a]\nurl = https://a/\n");
    const r = upsertGalaxyServer(c, { id: "b", url: "https://b/" }, { addToList: false });
    expect(c.get("galaxy", "server_list")).toBe("a");
    expect(r.warnings.map((w) => [w.code, w.id])).toEqual([["SECTION_NOT_LISTED", "b"]]);
  });

  it("keeps ids inherited from [DEFAULT] server_list when it has to write its own", () => {
    const c = parse("[DEFAULT]\nserver_list = a\n[galaxy]\n[galaxy_server.a]\nurl = https://a/\n");
    const r = upsertGalaxyServer(c, { id: "b", url: "https://b/" });
    expect(c.getOwn("galaxy", "server_list")).toBe("a, b");
    expect(r.warnings.map((w) => w.code)).toContain("SHADOWS_DEFAULT");
  });

  it("removes a server: its section and its list entry; an emptied list goes", () => {
    const c = parse("[galaxy]\nserver_list = a\n\n[galaxy_server.a]\nurl = https://a/\n");
    expect(removeGalaxyServer(c, "a").changed).toBe(true);
    expect(c.toString()).toBe("[galaxy]\n");
    expect(removeGalaxyServer(c, "a").changed).toBe(false);
  });

  it("setServerList replaces the order exactly, and creates [galaxy] before the server sections", () => {
    const c = parse("[defaults]\nx = 1\n\n# hubs\n[galaxy_server.b]\nurl = https://b/\n");
    const r = setServerList(c, ["b", "a"]);
    expect(c.toString()).toBe(
      "[defaults]\nx = 1\n\n[galaxy]\nserver_list = b, a\n\n# hubs\n[galaxy_server.b]\nurl = https://b/\n",
    );
    expect(r.warnings.map((w) => [w.code, w.id])).toEqual([["LISTED_WITHOUT_SECTION", "a"]]);
    expect(setServerList(c, ["b", "a"]).changed).toBe(false);
    setServerList(c, []);
    expect(c.getOwn("galaxy", "server_list")).toBeUndefined();
  });
});
