import { Buffer } from "node:buffer";
import { describe, expect, it } from "vitest";
import { basicAuthorization } from "./basic-auth.js";

describe("basicAuthorization", () => {
  it("agrees with Node's base64 for every padding length and for UTF-8", () => {
    for (const [user, password] of [
      ["a", ""],
      ["ab", "c"],
      ["admin", "p4ss:word"],
      ["jürgen", "pässwörd€"],
      ["x", "y".repeat(100)],
    ] as const) {
      const want = `Basic ${Buffer.from(`${user}:${password}`, "utf8").toString("base64")}`;
      expect(basicAuthorization(user, password)).toBe(want);
    }
  });
});
