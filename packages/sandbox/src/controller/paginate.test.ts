import { expect, it } from "vitest";
import { paginate } from "./paginate.js";
import { ApiError } from "./respond.js";

const items = Array.from({ length: 60 }, (_, i) => i + 1);
const at = (query: string) => paginate(items, new URL(`http://h/api/v2/things/${query}`));

it("pages by 25 with host-relative links that keep the other parameters, sorted", () => {
  expect(at("")).toMatchObject({ count: 60, next: "/api/v2/things/?page=2", previous: null });
  expect(at("?page=3")).toMatchObject({
    next: null,
    previous: "/api/v2/things/?page=2",
    results: items.slice(50),
  });
  expect(at("?page=2&name=a%20b&page_size=20").previous).toBe("/api/v2/things/?name=a+b&page=1&page_size=20");
});

it("caps page_size at 200, ignores a bad one, and refuses a page out of range", () => {
  expect(at("?page_size=1000").results).toHaveLength(60);
  expect(at("?page_size=x").results).toHaveLength(25);
  expect(() => at("?page=4")).toThrow(ApiError);
  expect(paginate([], new URL("http://h/x/")).results).toEqual([]);
});
