import { describe, expect, it } from "vitest";
import { isObjectIdAt } from "./git-ids.js";

const ID = "0123456789abcdef0123456789abcdef01234567";

function at(line: string): boolean {
  const start = line.indexOf(ID);
  return isObjectIdAt(line, start, start + ID.length);
}

describe("isObjectIdAt", () => {
  it("takes ids glued to a revision's syntax, after pinning words, and in checksum or git listings", () => {
    for (const line of [
      `uses: actions/create-github-app-token@${ID} # v1.11.0`,
      `"hub-token-utils": "github:acme/hub-token-utils#${ID}"`,
      `see blob/${ID}/token.md`,
      `pip install x --hash=sha1:${ID}`,
      `integrity sha1-${ID}`,
      `commit ${ID}`,
      `version: '${ID}'`,
      `rev = "${ID}"`,
      `${ID}  hub-token-check-1.4.0.tgz`,
      `${ID} *hub-token.zip`,
      `${ID}\trefs/heads/token`,
      `${ID} (Jo Dev 2026-11-02 10:00:00 +0100 12) token = x`,
      `git show ${ID}:lib/token.py`,
      `git diff ${ID}^ HEAD -- token.py`,
      `token fix ${ID}..0123456789abcdef0123456789abcdef0123ffff`,
      `- Rotate the hub token handling in \`hub.yml\` (${ID})`,
      `- Rotate token handling (${ID}).`,
      `- Fix token refresh (0123456, ${ID})`,
      `* token rotation (commit ${ID})`,
      `- compat token shim (${ID})`,
    ])
      expect(at(line), line).toBe(true);
  });

  it("leaves hub tokens where people paste them", () => {
    for (const line of [
      `token = ${ID}`,
      `ANSIBLE_GALAXY_SERVER_X_TOKEN=${ID}`,
      `Authorization: Token ${ID}`,
      `# prod hub token: ${ID}`,
      `hub token: ${ID}...`,
      `${ID} # the prod hub token`,
      `the hub token (${ID})`,
      `ah_token (${ID})`,
      `(token: ${ID})`,
      `my hub password: (${ID})`,
      `- Rotate token handling (${ID}) and the old one`,
    ])
      expect(at(line), line).toBe(false);
  });
});
