import { describe, expect, it } from "vitest";
import { hubToken, offlineToken } from "../test/support/fake-ports.js";
import { looksRandom, redactTokenRuns, safeArg } from "./safe-arg.js";

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
/** 28 characters drawn from the alphanumerics, fixed so a failure can be repeated. */
const RANDOM_28 = "q7Xk2PzR9mWb4TfL8vNc3HjY6dGs";

describe("safeArg", () => {
  it("returns an ordinary value unchanged", () => {
    for (const value of [
      "frobnicate",
      "--store",
      "fish",
      "/home/me/project-2024/ansible.cfg",
      "https://hub.example.com/api/galaxy/",
      "automation_hub_published",
      "AutomationHubPublished2024",
      "my-very-long-project-name-2024",
      "ansible-core-2.14.18-1.deb12",
      "",
    ])
      expect(safeArg(value)).toBe(value);
  });

  it("redacts a JWT, 32+ hex and a random-looking run of 24+ characters, alone or inside a flag", () => {
    const jwt = offlineToken();
    const hex40 = hubToken(3);
    const hex32 = "0123456789abcdef0123456789ABCDEF";
    for (const secret of [jwt, hex40, hex32, RANDOM_28]) {
      for (const value of [secret, `--foo=${secret}`, `'${secret}'`, `Bearer ${secret}`]) {
        const shown = safeArg(value);
        expect(shown).not.toContain(secret.slice(4, -4));
        expect(shown).toMatch(/<[^<>]*…[^<>]*\(\d+ chars\)>/);
      }
    }
    expect(safeArg(jwt)).toBe(`<offline token ${jwt.slice(0, 4)}…${jwt.slice(-4)} (${jwt.length} chars)>`);
    expect(safeArg(`--foo=${hex40}`)).toBe(
      `--foo=<hub API token ${hex40.slice(0, 4)}…${hex40.slice(-4)} (40 chars)>`,
    );
  });

  it("catches nearly every random alphanumeric run of 24 characters", () => {
    // A fixed-seed generator (mulberry32), so that a failure can be repeated.
    let seed = 0x2f6b3a91;
    const next = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    let caught = 0;
    for (let i = 0; i < 200; i++) {
      const run = Array.from({ length: 24 }, () => ALNUM[Math.floor(next() * ALNUM.length)]).join("");
      if (safeArg(run) !== run) caught++;
    }
    expect(caught).toBeGreaterThanOrEqual(180);
  });
});

describe("looksRandom", () => {
  it("needs 24 characters and mixing throughout, not words in CamelCase", () => {
    expect(looksRandom(RANDOM_28)).toBe(true);
    expect(looksRandom(RANDOM_28.slice(0, 23))).toBe(false);
    expect(looksRandom("SomeJavaStyleClassNameHere")).toBe(false);
    expect(looksRandom("a1".repeat(20))).toBe(false);
  });
});

describe("redactTokenRuns", () => {
  it("leaves random-looking runs of no known shape alone when asked to", () => {
    expect(redactTokenRuns(`x = ${RANDOM_28}`, { random: false })).toBe(`x = ${RANDOM_28}`);
    expect(redactTokenRuns(`x = ${hubToken(5)}`, { random: false })).not.toContain(hubToken(5));
  });
});
