import { describe, expect, it } from "vitest";
import { fakeGatewayToken, fakeHubToken } from "@hub-setup/test-utils";
import { isEncrypted, isReference } from "./value-references.js";
import { judgeValue } from "./value-rules.js";

describe("isReference", () => {
  it.each([
    // expansions, cut where a scanner stops a bare value
    "$${PAH_TOKEN}",
    "$(PAH_TOKEN)",
    "$env:PAH_TOKEN",
    "${localEnv:PAH_TOKEN}",
    "{env:PAH_TOKEN}",
    "%PAH_TOKEN%",
    "%STAGE_TOKEN:~0",
    "!PAH_TOKEN!",
    "<%USERPROFILE%\\.pah_token",
    "{{.Values.pahToken",
    "${{ steps.x.outputs.token }",
    "((pah-token",
    "#{Hub.PahToken}",
    "__PAH_TOKEN__",
    "@PAH_TOKEN@",
    // YAML
    "*pah_token",
    "!vault",
    // code
    "credentials('pah-token'",
    "dict(type='raw'",
    "module.params.get('ah_token'",
    "(Get-Secret",
    "[Environment]::GetEnvironmentVariable('X'",
    "@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/pah/",
    "var.pah_token",
    'data.vault_generic_secret.pah.data["password"',
    'os.environ["AH_TOKEN"',
    "self.ah_password)",
    ".Values.pahToken",
    "pah_token",
    "pahToken",
    // types
    "SecretStr",
    "string",
    "Optional[str",
    "*string",
    // secret managers
    "vault:secret/data/ci/pah#token",
    "arn:aws:secretsmanager:eu-west-1:123456789012:secret:pah",
    "projects/ci/secrets/pah-token/versions/latest",
    "ref+vault://secret/data/ci/pah#/token",
    "<path:secret/data/ci/pah#token>",
    "ssm:/ci/pah/token",
    // more syntaxes
    "<<parameters.pah_token>>",
    "%{lookup('pah_token')}",
    "%d/pah_token",
    "(cat",
    "ENV['PAH_TOKEN'",
    "$encrypted$",
    "$cred.GetNetworkCredential().Password",
    "$HOME/.pah_token",
    "{type:",
    '{"type":',
    'f"{pah_token}"',
  ])("%j is a reference", (v) => {
    expect(isReference(v)).toBe(true);
    expect(judgeValue(v, true).secret).toBe(false);
  });

  it.each([
    fakeHubToken(),
    fakeGatewayToken(),
    "MyDogAteIt",
    "MyCompanyS3cretKey",
    "Wint3r-Is-Coming!",
    "Summer(2024)",
    "hunter2",
    "$uperS3cret!",
  ])("%j is not a reference", (v) => {
    expect(isReference(v)).toBe(false);
  });

  it("judges the default in a reference as a value", () => {
    expect(judgeValue(`{env:PAH_TOKEN:${fakeHubToken()}}`, true)).toEqual({
      secret: true,
      inner: { start: 15, text: fakeHubToken() },
    });
    expect(judgeValue(`$\${PAH_TOKEN:-${fakeHubToken()}}`, true)).toEqual({
      secret: true,
      inner: { start: 14, text: fakeHubToken() },
    });
  });
});

describe("isEncrypted", () => {
  it.each([
    "ENC[AES256_GCM,data:abc",
    "ENC[PKCS7,MIIBiQYJKoZIhvcNAQcDoIIBejCCAXYCAQAxggEhMIIBHQIBADAFMAACAQEw",
    "ENC(G6N718UuyPE5bHyWKyuLQSm02auQPUtm)",
    `AgB${"q".repeat(120)}==`,
    "-----BEGIN",
    "-----BEGIN AGE ENCRYPTED FILE-----",
  ])("%j is encrypted", (v) => {
    expect(isEncrypted(v)).toBe(true);
  });
});
