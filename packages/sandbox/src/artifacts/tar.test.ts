import { expect, it } from "vitest";
import { writeTar } from "./tar.js";

const field = (block: Buffer, offset: number, width: number) =>
  block
    .subarray(offset, offset + width)
    .toString("latin1")
    .replace(/\0.*$/s, "");

it("writes ustar headers with a valid checksum, padded content and two zero blocks at the end", () => {
  const tar = writeTar(
    [
      { path: "a.txt", type: "file", content: Buffer.from("hello") },
      { path: "dir", type: "dir" },
    ],
    1_704_067_200,
  );
  expect(tar.length).toBe(512 * 5);
  const header = tar.subarray(0, 512);
  expect(field(header, 0, 100)).toBe("a.txt");
  expect(field(header, 100, 8)).toBe("0000644");
  expect(Number.parseInt(field(header, 124, 12), 8)).toBe(5);
  expect(Number.parseInt(field(header, 136, 12), 8)).toBe(1_704_067_200);
  expect(field(header, 257, 6)).toBe("ustar");
  const stored = Number.parseInt(field(header, 148, 8), 8);
  const copy = Buffer.from(header);
  copy.fill(0x20, 148, 156);
  expect(stored).toBe(copy.reduce((sum, b) => sum + b, 0));
  expect(tar.subarray(512, 517).toString()).toBe("hello");
  expect(field(tar.subarray(1024, 1536), 0, 100)).toBe("dir/");
  expect(field(tar.subarray(1024, 1536), 156, 1)).toBe("5");
  expect(tar.subarray(1536).every((b) => b === 0)).toBe(true);
});

it("splits a long name into prefix and name, and refuses one that cannot fit", () => {
  const long = `${"d".repeat(120)}/file.txt`;
  const header = writeTar([{ path: long, type: "file", content: Buffer.alloc(0) }], 0).subarray(0, 512);
  expect(field(header, 0, 100)).toBe("file.txt");
  expect(field(header, 345, 155)).toBe("d".repeat(120));
  expect(() => writeTar([{ path: "x".repeat(300), type: "file", content: Buffer.alloc(0) }], 0)).toThrow(
    /too long/,
  );
});
