import { describe, expect, it } from "vitest";
import { diffLines, MAX_SHOWN_CHANGES, redactSecrets, renderDiff } from "./diff.js";
import { makeStyle } from "./style.js";

const plain = makeStyle(false);
const secret = {
  value: "0123456789abcdef0123456789abcdef01234567",
  redacted: "hub API token 0123…4567 (40 chars)",
};

describe("diffLines", () => {
  it("keeps common lines and marks insertions and deletions", () => {
    const d = diffLines("a\nb\nc\n", "a\nB\nc\nd\n");
    expect(d.map((l) => `${l.op}${l.text}`)).toEqual([" a", "-b", "+B", " c", "+d"]);
  });

  it("ignores CRLF endings when comparing", () => {
    expect(diffLines("a\r\nb\r\n", "a\r\nb\r\n").every((l) => l.op === " ")).toBe(true);
  });
});

describe("renderDiff", () => {
  it("shows only the changed lines with context, headed by the path", () => {
    const before = ["[defaults]", "x=1", "y=2", "z=3", "w=4", "v=5", "[galaxy]", "server_list = a", ""].join(
      "\n",
    );
    const after = before.replace("server_list = a", "server_list = a, b");
    const text = renderDiff("/p/ansible.cfg", before, after, { style: plain, secrets: [] });
    expect(text).toBe(
      [
        "--- /p/ansible.cfg",
        "@@ line 6 @@",
        "  v=5",
        "  [galaxy]",
        "- server_list = a",
        "+ server_list = a, b",
        "",
      ].join("\n"),
    );
  });

  it("never shows a token in full, even when it is written in plaintext", () => {
    const after = `[galaxy_server.x]\ntoken = ${secret.value}\n`;
    const text = renderDiff("/p/ansible.cfg", undefined, after, { style: plain, secrets: [secret] });
    expect(text).not.toContain(secret.value);
    expect(text).toContain("+ token = <hub API token 0123…4567 (40 chars)>");
    expect(text).toContain("(new file)");
  });

  it("colours additions green and removals red only when colour is on", () => {
    const coloured = renderDiff("f", "a\n", "b\n", { style: makeStyle(true), secrets: [] });
    expect(coloured).toContain("\x1b[32m+ b\x1b[39m");
    expect(coloured).toContain("\x1b[31m- a\x1b[39m");
    expect(renderDiff("f", "a\n", "b\n", { style: plain, secrets: [] })).not.toContain("\x1b[");
  });

  it("says so when nothing changes", () => {
    expect(renderDiff("f", "a\n", "a\n", { style: plain, secrets: [] })).toContain("(no change)");
  });
});

describe("redactSecrets", () => {
  it("replaces every occurrence", () => {
    expect(redactSecrets(`${secret.value} and ${secret.value}`, [secret])).not.toContain(secret.value);
  });
});

describe("redactSecrets on lines already in the file", () => {
  it("redacts token and password values, commented out or not, and any JWT", () => {
    const hex = "ba14e5b3173535c997be5a057d5c689c29bebd96";
    for (const line of [
      `token = ${hex}`,
      `# token=${hex}`,
      `password: ${hex}`,
      `url = https://x/?t=${secret.value}`,
    ]) {
      const shown = redactSecrets(line, []);
      expect(shown).not.toContain(hex.slice(4, 36));
    }
    const jwt = `eyJhbGciOiJIUzI1NiJ9.${"a".repeat(30)}.${"b".repeat(30)}`;
    expect(redactSecrets(`x = ${jwt}`, [])).not.toContain("a".repeat(30));
    expect(redactSecrets("url = https://hub.example.com/", [])).toBe("url = https://hub.example.com/");
  });
});

describe("renderDiff on a secret value that goes on over continuation lines", () => {
  const hex = "ba14e5b3173535c997be5a057d5c689c29bebd96";
  const before = [
    "[galaxy_server.old]",
    "url = https://hub.example.com/api/galaxy/",
    "token =",
    `    ${hex}`,
    "password = first-part",
    "  hunter2-second-part",
    "[galaxy]",
    "server_list = old",
    "",
  ].join("\n");

  it("redacts every line of a token or password, not only the first", () => {
    const after = before.replace("server_list = old", "server_list = old, new");
    const text = renderDiff("/p/ansible.cfg", undefined, after, { style: plain, secrets: [] });
    expect(text).not.toContain(hex.slice(4, 36));
    expect(text).not.toContain("hunter2");
    expect(text).not.toContain("first-part");
    expect(text).toContain(`+     <hub API token ba14…bd96 (40 chars)>`);
    expect(text).toContain("+ url = https://hub.example.com/api/galaxy/");
  });

  it("redacts them as unchanged context lines and as removed lines too", () => {
    const context = renderDiff("/p/ansible.cfg", before, before.replace("first-part", "first"), {
      style: plain,
      secrets: [],
    });
    expect(context).toContain("@@");
    expect(context).not.toContain(hex.slice(4, 36));
    expect(context).not.toContain("hunter2");
    const removed = renderDiff("/p/ansible.cfg", before, "[galaxy]\n", { style: plain, secrets: [] });
    expect(removed).toContain("-     <hub API token");
    expect(removed).not.toContain(hex.slice(4, 36));
    expect(removed).not.toContain("hunter2");
  });

  it("redacts a token-shaped run on any line, also one continuing another key", () => {
    const jwt = `eyJhbGciOiJIUzI1NiJ9.${"a".repeat(30)}.${"b".repeat(30)}`;
    const after = ["[galaxy_server.x]", "url = https://h/", "# token = old", `  ${hex}`, `  ${jwt}`, ""].join(
      "\n",
    );
    const text = renderDiff("/p/ansible.cfg", undefined, after, { style: plain, secrets: [] });
    expect(text).not.toContain(hex.slice(4, 36));
    expect(text).not.toContain("a".repeat(30));
  });
});

describe("renderDiff on large files (issue #16 item 9)", () => {
  /** An ansible.cfg of about `mb` MB: a [galaxy] section, then one long [defaults]-like section. */
  function bigConfig(lines: number): string {
    const body = Array.from(
      { length: lines },
      (_, i) => `option_${i} = value number ${i} padded to fifty chars`,
    );
    return ["[galaxy]", "server_list = a", "", "[defaults]", ...body, ""].join("\n");
  }

  it("a 50 MB ansible.cfg with the wizard's two edits: exactly those hunks", () => {
    const before = bigConfig(1_000_000);
    expect(before.length).toBeGreaterThan(50_000_000);
    const after = `${before.replace("server_list = a\n", "server_list = a, b\n")}\n[galaxy_server.b]\nurl = https://hub.example.test/\n`;
    const text = renderDiff("/p/ansible.cfg", before, after, { style: plain, secrets: [] });
    expect(text).toBe(
      [
        "--- /p/ansible.cfg",
        "@@ line 1 @@",
        "  [galaxy]",
        "- server_list = a",
        "+ server_list = a, b",
        "  ",
        "  [defaults]",
        "@@ line 1000003 @@",
        "  option_999998 = value number 999998 padded to fifty chars",
        "  option_999999 = value number 999999 padded to fifty chars",
        "+ ",
        "+ [galaxy_server.b]",
        "+ url = https://hub.example.test/",
        "",
      ].join("\n"),
    );
  }, 180_000); // a bound for a loaded machine, not a claim about speed (bench/diff.bench.mjs measures)

  it("past MAX_SHOWN_CHANGES changed lines: a summary naming the count and the sections", () => {
    const before = bigConfig(20_000);
    const after = before
      .replace(/^option_(\d*0) = value number/gm, (line, n: string) =>
        Number(n) % 40 === 0 ? `option_${n} = new value` : line,
      )
      .replace("server_list = a", "server_list = b");
    const text = renderDiff("/p/ansible.cfg", before, after, { style: plain, secrets: [] });
    expect(text).toBe(
      [
        "--- /p/ansible.cfg",
        "1002 lines changed (501 removed, 501 added) in sections [galaxy], [defaults]; the full diff is too large to show.",
        "",
      ].join("\n"),
    );
    expect(MAX_SHOWN_CHANGES).toBeLessThan(1002);
  });

  it("every line changed: still a summary, never a diff of 40,000 lines", () => {
    const before = bigConfig(20_000);
    const after = before
      .replace(/value number/g, "another value")
      .replace("server_list = a", "server_list = b");
    const text = renderDiff("/p/ansible.cfg", before, after, { style: plain, secrets: [] });
    expect(text.split("\n")).toHaveLength(3);
    expect(text).toMatch(
      /^--- \/p\/ansible\.cfg\n\d+ lines changed \(\d+ removed, \d+ added\) in sections \[galaxy\], \[defaults\]; the full diff is too large to show\.\n$/,
    );
  });

  it("just under the limit, the full diff", () => {
    const before = bigConfig(20_000);
    let after = before;
    for (let i = 0; i < MAX_SHOWN_CHANGES / 2; i++)
      after = after.replace(`option_${i * 7} = value`, `option_${i * 7} = new`);
    const text = renderDiff("/p/ansible.cfg", before, after, { style: plain, secrets: [] });
    expect(text).not.toContain("too large");
    expect(text.split("\n").filter((l) => l.startsWith("- ") || l.startsWith("+ "))).toHaveLength(
      MAX_SHOWN_CHANGES,
    );
  });

  it("never shows a token in the summary's section names", () => {
    const before = bigConfig(1_000);
    const after = before.replace(/value number/g, "v").replace("[defaults]", `[${secret.value}]`);
    const text = renderDiff("/p/ansible.cfg", before, after, { style: plain, secrets: [secret] });
    expect(text).toContain("too large to show");
    expect(text).not.toContain(secret.value);
  });
});

describe("renderDiff uses core's one definition of a secret key", () => {
  it("redacts passwd and apikey values, which the checker flags too (issue #12)", () => {
    const after = "[galaxy_server.a]\nurl = https://h/\npasswd = MyDogAteIt\napikey = Tr0ub4dor-and-3\n";
    const text = renderDiff("/p/ansible.cfg", undefined, after, { style: plain, secrets: [] });
    expect(text).not.toContain("MyDogAteIt");
    expect(text).not.toContain("Tr0ub4dor");
    expect(text).toContain("+ url = https://h/");
  });
});
