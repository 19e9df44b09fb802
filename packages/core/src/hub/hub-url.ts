/**
 * Turning what a user pastes as a hub address into the API URL ansible-galaxy needs (reference §7, §8):
 * the console or hub UI address, `cloud.redhat.com`, a missing `/api/…/content/<repo>/`, a deep v3 link,
 * a missing trailing slash. Each change comes with a note saying what was changed and why.
 */
import { HubSetupError } from "../errors.js";
import { RED_HAT_CLOUD_HUB_URL } from "../sso/red-hat.js";
import type { HubKind } from "./types.js";

export type NormalizedHubUrl = { url: string; changed: boolean; note?: string };

const PREFIXES = ["automation-hub", "galaxy"] as const;

/** Why `input` cannot be a hub address at all, or undefined when it can be normalised. */
export function hubUrlProblem(input: string): string | undefined {
  const s = unquote(input);
  if (s === "") return "no URL was given";
  if (/\s/.test(s)) return "a URL has no spaces";
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(s) ? s : `https://${s}`;
  let u: URL;
  try {
    u = new URL(withScheme);
  } catch {
    return `"${s.slice(0, 60)}" is not a URL`;
  }
  if (u.protocol !== "https:" && u.protocol !== "http:")
    return `a hub URL starts with https:// (not ${u.protocol})`;
  if (!u.hostname.includes(".") && u.hostname !== "localhost" && !/^\[/.test(u.hostname)) {
    return `"${u.hostname}" is not a host name`;
  }
  return undefined;
}

function unquote(input: string): string {
  const t = input.trim();
  return /^(["'])[\s\S]*\1$/.test(t) ? t.slice(1, -1).trim() : t;
}

type Parsed = { base: string; prefix: (typeof PREFIXES)[number] | undefined; rest: string[] };

/** Splits the path at `/api/<prefix>/`: what is before it (a reverse-proxy sub-path), and after it. */
function splitPath(segments: string[]): Parsed {
  const at = segments.findIndex((seg, i) => seg === "api" && PREFIXES.includes(segments[i + 1] as never));
  if (at < 0) return { base: "", prefix: undefined, rest: segments };
  const base = segments
    .slice(0, at)
    .map((s) => `/${s}`)
    .join("");
  return { base, prefix: segments[at + 1] as Parsed["prefix"], rest: segments.slice(at + 2) };
}

/** The repository a path names: content/<repo>/…, v3/plugin/ansible/content/<repo>/…, or a UI repo/<repo>/. */
function repositoryIn(rest: string[]): string | undefined {
  for (let i = 0; i < rest.length - 1; i++) {
    if (rest[i] === "content" || rest[i] === "repo") return rest[i + 1];
  }
  return undefined;
}

function cloudUrl(u: URL, parsed: Parsed, repository: string | undefined, notes: string[]): string {
  const repo = repositoryIn(parsed.rest) ?? repository ?? "published";
  const onConsole = u.hostname === "console.redhat.com";
  if (parsed.prefix === undefined)
    notes.push(`used the hub API address for the "${repo}" repository, not the web page`);
  else if (parsed.prefix === "galaxy" && onConsole)
    notes.push("console.redhat.com serves the hub API under /api/automation-hub/");
  else if (repositoryIn(parsed.rest) === undefined)
    notes.push(`added content/${repo}/ (the repository to install from)`);
  else if (parsed.rest.length > 2) notes.push("trimmed the address to the repository's API root");
  if (/-synclist$/.test(repo))
    notes.push(
      "synclist repositories are deprecated since AAP 2.4: content/published/ is the certified content",
    );
  if (onConsole) return RED_HAT_CLOUD_HUB_URL(repo);
  return `${u.origin}${parsed.base}/api/automation-hub/content/${repo}/`;
}

function privateUrl(u: URL, parsed: Parsed, repository: string | undefined, notes: string[]): string {
  const named = repositoryIn(parsed.rest);
  if (parsed.prefix !== undefined) {
    const root = `${u.origin}${parsed.base}/api/${parsed.prefix}/`;
    if (named !== undefined) {
      if (parsed.rest.length > 2) notes.push("trimmed the address to the repository's API root");
      return `${root}content/${named}/`;
    }
    if (parsed.rest.length > 0) notes.push("trimmed the address to the hub's API root");
    if (repository !== undefined) {
      notes.push(`added content/${repository}/ (the repository to install from)`);
      return `${root}content/${repository}/`;
    }
    notes.push(
      `${root} serves the published repository (and is the address for uploads); add content/<repository>/ for another`,
    );
    return root;
  }
  const isUi =
    parsed.rest.length === 0 ||
    parsed.rest[0] === "ui" ||
    (parsed.rest[0] === "api" && parsed.rest.length <= 1);
  if (!isUi) {
    notes.push("this path is not one a hub API uses; a private hub's is …/api/galaxy/content/<repository>/");
    return `${u.origin}/${parsed.rest.join("/")}/`;
  }
  const repo = named ?? repository ?? "published";
  notes.push(`used the hub API address for the "${repo}" repository, not the web page`);
  return `${u.origin}/api/galaxy/content/${repo}/`;
}

export function normalizeHubUrl(input: string, kind: HubKind, repository?: string): NormalizedHubUrl {
  const problem = hubUrlProblem(input);
  if (problem !== undefined) {
    throw new HubSetupError("INVALID_URL", `not a hub URL: ${problem}`, {
      hint:
        kind === "cloud"
          ? `use ${RED_HAT_CLOUD_HUB_URL(repository)}`
          : "use https://<your hub>/api/galaxy/content/<repository>/",
    });
  }
  const original = unquote(input);
  const notes: string[] = [];
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(original);
  if (!hasScheme) notes.push("added https://");
  const u = new URL(hasScheme ? original : `https://${original}`);
  if (u.username !== "" || u.password !== "")
    notes.push("removed the user name and password from the URL (the token authenticates)");
  if (u.search !== "" || u.hash !== "") notes.push("removed the query and fragment");
  if (u.hostname === "cloud.redhat.com" || u.hostname === "www.cloud.redhat.com") {
    u.hostname = "console.redhat.com";
    notes.push("cloud.redhat.com is now console.redhat.com");
  }
  if (u.hostname === "console.redhat.com" && u.protocol === "http:") u.protocol = "https:";
  const segments = u.pathname.split("/").filter((s) => s !== "");
  const parsed = splitPath(segments);
  const url =
    kind === "cloud" ? cloudUrl(u, parsed, repository, notes) : privateUrl(u, parsed, repository, notes);
  if (notes.length === 0 && !original.endsWith("/")) notes.push("added the trailing slash");
  const changed = url !== original;
  return notes.length === 0 ? { url, changed } : { url, changed, note: notes.join("; ") };
}
