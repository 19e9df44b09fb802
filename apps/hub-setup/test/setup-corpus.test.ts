import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { requireCorpus } from "@hub-setup/test-utils";
import { diffLines } from "../src/commands/setup/diff.js";
import { parseSetupArgs } from "../src/commands/setup/options.js";
import { runSetup } from "../src/commands/setup/run.js";
import { fakeWorld, harness } from "./support/wizard-harness.js";
import { hubToken, offlineToken } from "./support/tokens.js";

// A real ansible.cfg from the shared corpus: comments, three servers (two on console.redhat.com).
const corpus = requireCorpus();
const CORPUS_FILE = corpus.available ? join(corpus.dir, "files", "0091.cfg") : "";
const PATH = "/work/project/ansible.cfg";

function changes(before: string, after: string) {
  const d = diffLines(before, after);
  return {
    removed: d.filter((l) => l.op === "-").map((l) => l.text),
    added: d.filter((l) => l.op === "+").map((l) => l.text),
  };
}

async function setup(argv: string[], env: Record<string, string>) {
  const original = readFileSync(CORPUS_FILE, "utf8");
  const world = fakeWorld({ files: { [PATH]: original }, env });
  const { deps } = harness(world, {});
  await runSetup(parseSetupArgs([...argv, "--config", PATH, "--store", "file", "--yes"], false), deps);
  return { original, after: world.files.get(PATH) ?? "", world };
}

describe.skipIf(!corpus.available)("merging into a real corpus ansible.cfg", () => {
  it("adding a private hub changes only server_list and appends one section; comments and other servers stay", async () => {
    const { original, after } = await setup(["--hub", "private", "--url", "https://pah.example.com"], {
      HUB_SETUP_TOKEN: hubToken(),
    });
    const { removed, added } = changes(original, after);
    expect(removed).toEqual(["server_list = rh_published, rh_validated, galaxy"]);
    expect(added).toEqual([
      "server_list = rh_published, rh_validated, galaxy, pah_published",
      "",
      "[galaxy_server.pah_published]",
      "url = https://pah.example.com/api/galaxy/content/published/",
    ]);
    expect(after).toContain(
      "# Prefer Red Hat Automation Hub (certified then validated), then Ansible Galaxy.",
    );
  });

  it("replacing rh_published (--yes) with the token moved to the store removes only its plaintext token line", async () => {
    const { original, after, world } = await setup(["--hub", "cloud"], { HUB_SETUP_TOKEN: offlineToken() });
    const { removed, added } = changes(original, after);
    expect(removed).toEqual(["token = REDACTED-hoSjzQ1SsIvMgKI"]);
    expect(added).toEqual([]);
    expect(world.stores.file.has("rh_published")).toBe(true);
    expect(world.files.get(`${PATH}.bak`)).toBe(original);
  });
});
