import { describe, expect, it } from "vitest";
import { sampleFinding, sampleResult } from "../../test/support/sample-result.js";
import { renderText } from "./text.js";

const cfg = sampleFinding({ path: "ansible.cfg" });
const bak = sampleFinding({ path: "ansible.cfg.bak" });
const tilde = sampleFinding({ path: "conf/ansible.cfg~" });

describe("the closing advice (issue #13 item 7)", () => {
  it("names --fix in the form it is given, for the files --fix fixes", () => {
    const text = renderText(sampleResult([cfg]), "npx hub-token-check --fix");
    expect(text).toContain(
      "`npx hub-token-check --fix` moves the tokens into the secret store and out of the files",
    );
    expect(text).not.toContain("backup cop");
  });

  it("does not offer --fix for backup copies alone, which it refuses: it says to delete them", () => {
    const text = renderText(sampleResult([bak, tilde]), "npx hub-token-check --fix");
    expect(text).toContain(
      "These are backup copies, which `--fix` leaves alone: delete them, or keep them out of git (each one's fix above).",
    );
    expect(text).not.toContain("npx hub-token-check --fix");
  });

  it("says how many backup copies --fix leaves alone when both kinds are found", () => {
    const text = renderText(sampleResult([cfg, bak, bak, tilde]), "hub-token-check --fix");
    expect(text).toContain("`hub-token-check --fix` moves the tokens");
    expect(text).toContain("It leaves the 2 backup copies alone: delete them, or keep them out of git");
    expect(renderText(sampleResult([cfg, bak]))).toContain("It leaves the 1 backup copy alone");
  });
});
