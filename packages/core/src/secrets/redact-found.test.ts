import { fakeHubToken } from "@hub-setup/test-utils";
import { describe, expect, it } from "vitest";
import { redactFound } from "./redact-found.js";

describe("redactFound", () => {
  const hex = fakeHubToken("redact-found");

  it("replaces each secret the detector finds by its redacted form and keeps every other byte", () => {
    const text = `[galaxy_server.a]\r\nurl = https://h.example.com/\r\ntoken = ${hex}\r\npassword = MyDogAteIt\r\n`;
    const shown = redactFound(text, { path: "ansible.cfg" });
    expect(shown).not.toContain(hex);
    expect(shown).not.toContain("MyDogAteIt");
    expect(shown).toContain("password = <password (10 chars)>\r\n");
    expect(shown.startsWith("[galaxy_server.a]\r\nurl = https://h.example.com/\r\ntoken = <")).toBe(true);
  });

  it("counts lines as the detector does (CR-only files) and redacts two secrets on one line", () => {
    const text = `x=1\rexport ANSIBLE_GALAXY_SERVER_A_TOKEN=${hex} ANSIBLE_GALAXY_SERVER_B_PASSWORD=MyDogAteIt\r`;
    const shown = redactFound(text, { path: "build.sh" });
    expect(shown).not.toContain(hex);
    expect(shown).not.toContain("MyDogAteIt");
    expect(shown.startsWith("x=1\rexport ANSIBLE_GALAXY_SERVER_A_TOKEN=<")).toBe(true);
    expect(shown.endsWith("\r")).toBe(true);
  });

  it("returns text without secrets unchanged", () => {
    const text = "[galaxy_server.a]\ntoken = ${AH_TOKEN}\n";
    expect(redactFound(text, { path: "ansible.cfg" })).toBe(text);
  });
});
