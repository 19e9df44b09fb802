import { describe, expect, it } from "vitest";
import { followAndReport } from "./report.js";

const server = { id: "pah", url: "https://hub.example.test/api/galaxy/" };

describe("followAndReport", () => {
  it("prints one line per consumer: ✔ when updated, a warning when not; the token is never printed", async () => {
    const out: string[] = [];
    const token = "a".repeat(40);
    const seen: Array<[string, string]> = [];
    await followAndReport(
      server,
      token,
      (s, t) => {
        seen.push([s.id, t]);
        return Promise.resolve([
          { ok: true, message: 'updated credential "A" (id 3) on https://c' },
          { ok: false, message: 'credential "B" (id 4) on https://c still holds the old token: …' },
        ]);
      },
      (text) => void out.push(text),
    );
    expect(seen).toEqual([["pah", token]]);
    expect(out).toEqual([
      '  ✔ updated credential "A" (id 3) on https://c\n',
      '  warning: credential "B" (id 4) on https://c still holds the old token: …\n',
    ]);
    expect(out.join("")).not.toContain(token);
  });

  it("an unreadable record of consumers is a warning, not a failure; marks colour the words", async () => {
    const out: string[] = [];
    await followAndReport(
      server,
      "t",
      () => Promise.reject(new Error("state file is not JSON")),
      (text) => void out.push(text),
      { green: (t) => `<g>${t}</g>`, yellow: (t) => `<y>${t}</y>` },
    );
    expect(out).toEqual([
      "  <y>warning:</y> could not read where pah's token was pushed (state file is not JSON)\n",
    ]);
  });
});
