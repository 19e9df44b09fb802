import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export const FALLBACK_DEBIAN_MIRROR = "http://deb.debian.org/debian";

/**
 * The first mirror that serves `suite` in apt source files, one-line (`deb URI suite comp…`) or deb822
 * (`URIs:` / `Suites:` stanzas). `-security` and other suffixed suites do not count for the base suite.
 */
export function debianMirror(sourceTexts: readonly string[], suite = "bookworm"): string | undefined {
  for (const text of sourceTexts) {
    for (const line of text.split("\n")) {
      const m = /^\s*deb\s+(?:\[[^\]]*\]\s+)?(\S+)\s+(\S+)/.exec(line);
      if (m?.[2] === suite) return m[1];
    }
    for (const stanza of text.split(/\n\s*\n/)) {
      const field = (name: string): string[] =>
        new RegExp(`^${name}:\\s*(.*)$`, "mi").exec(stanza)?.[1]?.trim().split(/\s+/) ?? [];
      if (!field("Types").includes("deb") || !field("Suites").includes(suite)) continue;
      const uri = field("URIs")[0];
      if (uri !== undefined) return uri;
    }
  }
  return undefined;
}

/** The Debian mirror this machine's apt uses (it is the one the network allows), else the default. */
export function hostDebianMirror(suite = "bookworm"): string {
  const texts: string[] = [];
  if (existsSync("/etc/apt/sources.list")) texts.push(readFileSync("/etc/apt/sources.list", "utf8"));
  const dir = "/etc/apt/sources.list.d";
  if (existsSync(dir)) {
    for (const name of readdirSync(dir).sort()) {
      if (/\.(list|sources)$/.test(name)) texts.push(readFileSync(join(dir, name), "utf8"));
    }
  }
  return debianMirror(texts, suite) ?? FALLBACK_DEBIAN_MIRROR;
}
