import { describe, expect, it } from "vitest";
import { fakeHubToken } from "@hub-setup/test-utils";
import { isPlaceholder, judgeValue, unquote } from "./value-rules.js";

describe("judgeValue", () => {
  it.each([
    ["", "empty"],
    ["   ", "empty"],
    ["<your-token>", "placeholder"],
    ["<token>", "placeholder"],
    ["changeme", "placeholder"],
    ["CHANGE_ME", "placeholder"],
    ["xxxx", "placeholder"],
    ["XXXXXXXX-XXXX", "placeholder"],
    ["***", "placeholder"],
    ["your_token_here", "placeholder"],
    ["YOUR_AUTOMATION_HUB_TOKEN", "placeholder"],
    ["paste-token-here", "placeholder"],
    ["0000000000000000000000000000000000000000", "placeholder"],
    ["{{ ah_token }}", "template"],
    ["%(token)s", "template"],
    ["~/.ansible/hub.token", "path"],
    ["/etc/ansible/token.txt", "path"],
    ["C:\\tokens\\hub.txt", "path"],
    ["https://console.redhat.com/ansible/automation-hub/token", "url"],
    ["see the docs", "prose"],
    ["[MASKED]", "placeholder"],
    ["your_pah_token_here", "placeholder"],
    ["paste-your-offline-token-from-console.redhat.com", "placeholder"],
    ["pah-token-goes-here", "placeholder"],
    ["<your token>", "placeholder"],
    ["REPLACE_ME", "placeholder"],
    ["********", "placeholder"],
    ["e402********************************53ac", "placeholder"],
    ["e402xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx53ac", "placeholder"],
    ["0000-0000-0000-0000", "placeholder"],
    ["TODO", "placeholder"],
    ["<redacted>", "placeholder"],
    ["eyJhbGciOiJIUzUxMiIsInR5cCIgOiAiSldUIiwia2lkIiA6...5Xk2Qw", "placeholder"],
    ["ENC[AES256_GCM,data:abc", "encrypted"],
    ["credentials('pah-token'", "reference"],
  ])("%j is not a secret (%s)", (value, why) => {
    const v = judgeValue(value, true);
    expect(v.secret).toBe(false);
    if (!v.secret) expect(v.why).toBe(why);
  });

  it.each([
    ["${AH_TOKEN}", "AH_TOKEN", "${AH_TOKEN}"],
    ["$AH_TOKEN", "AH_TOKEN", "$AH_TOKEN"],
    ["${AH_TOKEN:-}", "AH_TOKEN", "${AH_TOKEN:-}"],
    ["${AH_TOKEN:-changeme}", "AH_TOKEN", "${AH_TOKEN:-…}"],
    ["${AH_TOKEN:?set AH_TOKEN first}", "AH_TOKEN", "${AH_TOKEN:?…}"],
  ])("%j is an environment reference to %s", (value, variable, shown) => {
    expect(judgeValue(value, true)).toEqual({ secret: false, why: "env-reference", variable, shown });
  });

  it.each([
    [`\${AH_TOKEN:=${fakeHubToken()}}`, 12, fakeHubToken()],
    ["${PW:-Hunter2Secret!}", 6, "Hunter2Secret!"],
    ["${PW-Hunter2Secret!}", 5, "Hunter2Secret!"],
    ["${PW= 'Hunter2Secret!'}", 7, "Hunter2Secret!"],
  ])("%j holds a secret as its default, at %i", (value, start, text) => {
    expect(judgeValue(value, true)).toEqual({ secret: true, inner: { start, text } });
    expect(value.slice(start, start + text.length)).toBe(text);
  });

  it.each([
    fakeHubToken(),
    "s3cr3t-Passw0rd",
    "RpMud8Cp3",
    "hunter2",
    "MyDogAteIt",
    "MyCompanyS3cretKey",
    "Wint3r-Is-Coming!",
    "Summer(2024)",
  ])("%j is a secret", (value) => {
    expect(judgeValue(value, true)).toEqual({ secret: true });
  });

  it("lets a password have spaces but not a token", () => {
    expect(judgeValue("correct horse battery staple", false)).toEqual({ secret: true });
    expect(judgeValue("correct horse battery staple", true).secret).toBe(false);
  });
});

describe("isPlaceholder", () => {
  it("does not take a real-looking password for a placeholder", () => {
    expect(isPlaceholder("Sphere2024!")).toBe(false);
    expect(isPlaceholder(fakeHubToken("x"))).toBe(false);
  });
});

describe("unquote", () => {
  it("removes one pair of matching outer quotes, as Ansible does", () => {
    expect(unquote(`"abc"`)).toEqual({ text: "abc", offset: 1 });
    expect(unquote(`'abc'`)).toEqual({ text: "abc", offset: 1 });
    expect(unquote(`"abc'`)).toEqual({ text: `"abc'`, offset: 0 });
    expect(unquote(`"`)).toEqual({ text: `"`, offset: 0 });
  });
});
