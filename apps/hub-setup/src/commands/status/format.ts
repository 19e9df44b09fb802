import { classOfOutcome } from "../../servers/outcome.js";
import type { Problem } from "../../servers/servers.js";
import type { ServerStatus, StatusReport } from "./report.js";

/** The text form of `status`: plain, no colour, one block per server, tokens only redacted. */
const OK = "✓";
const BAD = "X";
const WARN = "!";
const SKIP = "-";

function problemLine(p: Problem): string {
  return `  ${p.severity === "error" ? BAD : WARN} ${p.message}\n`;
}

function tokenLine(s: ServerStatus, storeBackend: string | null): string {
  if (s.auth === "basic") return `  ${OK} Auth: user name and password (Basic)\n`;
  if (s.token == null) return `  ${s.kind === "galaxy" ? SKIP : BAD} Token: none\n`;
  const origin =
    s.token.origin === "env"
      ? `from your environment (${s.token.envVar})`
      : s.token.origin === "store"
        ? `from hub-setup's store${storeBackend == null ? "" : ` (${storeBackend})`}, given to ansible-galaxy by \`hub-setup exec\``
        : "written in plaintext in ansible.cfg";
  const mark = s.token.kind === "invalid" ? BAD : s.token.origin === "file" ? WARN : OK;
  return `  ${mark} Token: ${s.token.redacted}, ${origin}\n`;
}

function checkLine(s: ServerStatus): string {
  const mark = s.check.state === "ok" ? OK : s.check.state === "failed" ? BAD : SKIP;
  return `  ${mark} Live check: ${s.check.message}\n${loginAdvice(s)}`;
}

/** Outcomes where a new token is the fix (not a 403: that token works, the permission is missing). */
const NEW_TOKEN_FIXES = new Set(["unauthorized", "expired", "rejected", "wrong-client", "wrong-token-kind"]);

/**
 * After a refused token, the command that replaces it (issue #13 item 5): `hub-setup login` checks the
 * new one live and stores it. A token from the environment is the user's own to change.
 */
function loginAdvice(s: ServerStatus): string {
  if (s.check.state !== "failed" || !NEW_TOKEN_FIXES.has(s.check.outcome ?? "")) return "";
  if (s.token?.origin === "env")
    return `    → ${s.token.envVar} in your environment holds the refused token: set it to the new one\n`;
  return `    → with the new token: hub-setup login --server ${s.id}\n`;
}

function expiryLine(s: ServerStatus): string {
  const e = s.idleExpiry;
  if (e == null) return "";
  if (s.check.state === "failed" && classOfOutcome(s.check.outcome) === "auth")
    return `  ${BAD} Idle expiry: none: the token was refused (see the live check)\n`;
  if (e.daysLeft == null) return `  ${WARN} Idle expiry: unknown\n`;
  const until = e.expiresAt == null ? "" : ` (until ${e.expiresAt.slice(0, 10)} unless used)`;
  const mark = e.daysLeft < 0 ? BAD : e.daysLeft <= 7 ? WARN : OK;
  return e.daysLeft < 0
    ? `  ${mark} Idle expiry: passed ${-e.daysLeft} days ago${until}\n`
    : `  ${mark} Idle expiry: ${e.daysLeft} days left${until}\n`;
}

function serverBlock(s: ServerStatus, storeBackend: string | null): string {
  const url = s.url == null ? "(no url)" : s.url;
  const fromEnv = s.urlSource === "env" ? " (url from the environment)" : "";
  return [
    `${s.id} (${s.kind})  ${url}${fromEnv}\n`,
    tokenLine(s, storeBackend),
    checkLine(s),
    expiryLine(s),
    ...s.problems.map(problemLine),
  ].join("");
}

function header(report: StatusReport): string {
  const { config, store } = report;
  const lines: string[] = [];
  if (config.error != null) {
    lines.push(`${BAD} ansible.cfg cannot be used: ${config.error.message}\n`);
    if (config.error.hint != null) lines.push(`  ${config.error.hint}\n`);
  } else {
    lines.push(`ansible.cfg  ${config.path ?? "none"}\n`);
    if (config.reason != null) lines.push(`             ${config.reason}\n`);
    if (config.path == null) {
      for (const c of config.candidates) lines.push(`             ${c.path}: ${c.reason}\n`);
    }
  }
  for (const warning of config.warnings) lines.push(`  ${WARN} ${warning}\n`);
  if (store.error != null) {
    lines.push(`${BAD} token store cannot be used: ${store.error.message}\n`);
    if (store.error.hint != null) lines.push(`  ${store.error.hint}\n`);
  } else if (store.backend != null) {
    lines.push(`token store  ${store.backend} ${store.location ?? ""}\n`);
  }
  return lines.join("");
}

function summary(report: StatusReport): string {
  const total = report.servers.length;
  if (total === 0) return "";
  const broken = report.servers.filter((s) => s.health === "broken").length;
  const warned = report.servers.filter((s) => s.health === "warning").length;
  const parts = [`${total} server${total === 1 ? "" : "s"}`];
  if (broken > 0) parts.push(`${broken} broken`);
  if (warned > 0) parts.push(`${warned} with warnings`);
  if (broken === 0 && warned === 0) parts.push("all fine");
  return `${parts.join(", ")}.\n`;
}

export function formatStatus(report: StatusReport): string {
  const blocks = [header(report)];
  for (const s of report.servers) blocks.push(serverBlock(s, report.store.backend));
  const tail = report.problems.map(problemLine).join("") + summary(report);
  if (tail !== "") blocks.push(tail);
  return blocks.join("\n");
}
