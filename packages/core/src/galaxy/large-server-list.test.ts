// Issue #16 item 12: `status --offline` on a server_list of 10k/30k/100k ids took 6.6/16.4/26.6 s,
// because the problems check looked servers and sections up by scanning lists inside a loop over them.
// No timing here (bench/galaxy-servers.bench.mjs prints the ratios): the work is counted instead, and
// a large, mixed list is checked for exactly the problems it has.
import { describe, expect, it } from "vitest";
import type { AnsibleConfig } from "../cfg/document.js";
import { parseAnsibleConfig } from "../cfg/parse.js";
import { galaxyProblems } from "./problems.js";
import { readGalaxyServers } from "./read.js";
import type { ResolvedGalaxyServer } from "./types.js";

function parse(text: string): AnsibleConfig {
  const r = parseAnsibleConfig(text);
  if (!r.ok) throw r.error;
  return r.config;
}

/** n listed ids; every listed one has a section with a url; `extra` sections nobody lists. */
function config(n: number, opts: { sections?: boolean; extra?: string[] } = {}): string {
  const ids = Array.from({ length: n }, (_, i) => `s${i}`);
  const lines = ["[galaxy]", `server_list = ${ids.join(", ")}`];
  if (opts.sections !== false)
    for (const id of ids) lines.push(`[galaxy_server.${id}]`, `url = https://hub.example.com/${id}/`);
  for (const name of opts.extra ?? []) lines.push(`[${name}]`);
  return `${lines.join("\n")}\n`;
}

/** `servers` behind a proxy that counts element reads, so that scanning it inside a loop shows. */
function counted(servers: ResolvedGalaxyServer[]): { servers: ResolvedGalaxyServer[]; reads: () => number } {
  let reads = 0;
  const proxy = new Proxy(servers, {
    get(target, key, receiver) {
      if (typeof key === "string" && /^\d+$/.test(key)) reads++;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  return { servers: proxy, reads: () => reads };
}

describe("galaxy problems on a large server_list do work in proportion to its size", () => {
  it("each server is looked up once per section, not by scanning all servers (2000 servers and sections)", () => {
    const n = 2000;
    const cfg = parse(config(n));
    const view = readGalaxyServers(cfg, {});
    const { servers, reads } = counted([...view.servers]);
    expect(galaxyProblems(cfg, view.serverList, servers)).toEqual([]);
    expect(reads()).toBeLessThanOrEqual(4 * n);
  });

  it("the section names are listed once, not once per listed server without a section (2000 of them)", () => {
    const n = 2000;
    const cfg = parse(config(n, { sections: false, extra: ["galaxy_server.Other"] }));
    let listings = 0;
    const spy = new Proxy(cfg, {
      get(target, key) {
        if (key === "sectionNames") listings++;
        const v = Reflect.get(target, key, target) as unknown;
        return typeof v === "function" ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    });
    const view = readGalaxyServers(cfg, {});
    const problems = galaxyProblems(spy, view.serverList, view.servers);
    expect(problems.filter((p) => p.code === "LISTED_WITHOUT_SECTION")).toHaveLength(n);
    expect(listings).toBeLessThanOrEqual(2);
  });
});

describe("galaxy problems on a large, mixed server_list (30 000 ids)", () => {
  it("reports exactly the problems it has, in the same order, with the case hint where a section differs only in case", () => {
    const n = 30_000;
    const ids = Array.from({ length: n }, (_, i) => `s${i}`);
    const lines = ["[galaxy]", `server_list = ${ids.join(", ")}`];
    ids.forEach((id, i) => {
      if (i % 3 === 0) return; // listed, no section: LISTED_WITHOUT_SECTION
      if (i % 3 === 1) lines.push(`[galaxy_server.${id}]`, `url = https://hub.example.com/${id}/`);
      else lines.push(`[galaxy_server.${id}]`, "token = x"); // a section without url
    });
    lines.push("[galaxy_server.S0]", "url = https://hub.example.com/S0/"); // s0's section, wrong case
    lines.push("[galaxy_server.unlisted]", "url = https://hub.example.com/u/");
    const view = readGalaxyServers(parse(`${lines.join("\n")}\n`), {});
    const count = (code: string) => view.problems.filter((p) => p.code === code).length;
    expect(view.servers).toHaveLength(n);
    expect(count("LISTED_WITHOUT_SECTION")).toBe(n / 3);
    expect(count("SECTION_WITHOUT_URL")).toBe(n / 3);
    expect(count("SECTION_NOT_LISTED")).toBe(2); // S0 and unlisted
    const s0 = view.problems.find((p) => p.code === "LISTED_WITHOUT_SECTION" && p.id === "s0");
    expect(s0?.message).toContain("there is [galaxy_server.S0], but section names are case-sensitive");
    const s3 = view.problems.find((p) => p.code === "LISTED_WITHOUT_SECTION" && p.id === "s3");
    expect(s3?.message).not.toContain("case-sensitive");
    // Servers first (in list order), then sections (in file order).
    expect(view.problems[0]).toMatchObject({ code: "LISTED_WITHOUT_SECTION", id: "s0" });
    expect(view.problems.at(-1)).toMatchObject({ code: "SECTION_NOT_LISTED", id: "unlisted" });
    const sectionsWithoutUrl = view.problems.filter((p) => p.code === "SECTION_WITHOUT_URL").map((p) => p.id);
    expect(sectionsWithoutUrl.slice(0, 3)).toEqual(["s2", "s5", "s8"]);
    // A ceiling for a loaded machine, not a timing claim (that is the bench's job).
  }, 60_000);
});
