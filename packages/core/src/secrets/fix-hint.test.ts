import { describe, expect, it } from "vitest";
import { fixFor, serverIdOf } from "./fix-hint.js";

describe("fixFor", () => {
  it("names the exact environment variable of a galaxy server's token, password or client secret", () => {
    expect(fixFor("galaxy_server.private_hub", "token")).toBe("ANSIBLE_GALAXY_SERVER_PRIVATE_HUB_TOKEN");
    expect(fixFor("galaxy_server.ah", "password")).toBe("ANSIBLE_GALAXY_SERVER_AH_PASSWORD");
    expect(fixFor("galaxy_server.ah", "client_secret")).toBe("ANSIBLE_GALAXY_SERVER_AH_CLIENT_SECRET");
  });

  it("sends the user to hub-setup when no exportable variable exists", () => {
    expect(fixFor("galaxy_server.automation-hub", "token")).toBe("hub-setup");
    expect(fixFor("galaxy", "token")).toBe("hub-setup");
    expect(fixFor("DEFAULT", "token")).toBe("hub-setup");
    expect(fixFor(null, null)).toBe("hub-setup");
    expect(fixFor("galaxy_server.ah", "url")).toBe("hub-setup");
    expect(fixFor("Galaxy_Server.ah", "token")).toBe("hub-setup");
  });

  it("reads the server id from the section name, case-sensitively like Ansible", () => {
    expect(serverIdOf("galaxy_server.a.b")).toBe("a.b");
    expect(serverIdOf("galaxy_server.")).toBeUndefined();
    expect(serverIdOf("GALAXY_SERVER.a")).toBeUndefined();
  });
});
