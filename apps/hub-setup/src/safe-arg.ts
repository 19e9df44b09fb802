/**
 * What hub-setup may echo of text it did not write itself (argv, a line of a user's ansible.cfg): every
 * secret core's detector finds in it (the one definition of a secret, which the checker uses too) and
 * every run of characters that looks like a token is replaced by core's redacted form, the rest kept as
 * is. People paste tokens in the wrong place (`hub-setup status eyJ…`); a usage error must not print them.
 */
import { classifyToken, looksLikeJwt, redact, redactFound } from "@hub-setup/core";

/** A JWT anywhere, even glued to other text (`x=eyJ….….…`). */
const JWT = /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g;
/**
 * Runs of token characters; dots only between them (a JWT's three parts), never at an end; never
 * starting with `-`, so that `--<token>` is a flag's dashes and then the token.
 */
const RUN = /[A-Za-z0-9_][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*/g;
const LONG_HEX = /^[0-9a-fA-F]{32,}$/;
const MIN_RANDOM_LENGTH = 24;

function charClass(c: string): number {
  if (c >= "a" && c <= "z") return 1;
  if (c >= "A" && c <= "Z") return 2;
  if (c >= "0" && c <= "9") return 3;
  return 0;
}

function shannonBits(s: string): number {
  const counts = new Map<string, number>();
  for (const c of s) counts.set(c, (counts.get(c) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) bits -= (n / s.length) * Math.log2(n / s.length);
  return bits;
}

/**
 * 24+ characters that read like random output rather than words: varied characters, and letters,
 * digits and cases mixed throughout. A capital followed by small letters (a word in CamelCase) and `-`
 * or `_` between words do not count as mixing, so `my-project-2024` or `AutomationHub` stay readable.
 */
export function looksRandom(segment: string): boolean {
  if (segment.length < MIN_RANDOM_LENGTH || shannonBits(segment) < 3) return false;
  let pairs = 0;
  let mixed = 0;
  for (let i = 1; i < segment.length; i++) {
    const a = charClass(segment[i - 1]!);
    const b = charClass(segment[i]!);
    if (a === 0 || b === 0) continue;
    pairs++;
    if (a !== b && !(a === 2 && b === 1)) mixed++;
  }
  return pairs > 0 && mixed / pairs >= 0.25;
}

/**
 * A run that is a token: a JWT (three base64url parts, the first a JSON header, so `eyJ`: a host name
 * such as hub.example.com is three parts too), 32+ hex, a shape core knows (hub API, gateway), or
 * random-looking.
 */
function isTokenRun(run: string, random: boolean): boolean {
  if (run.startsWith("eyJ") && looksLikeJwt(run)) return true;
  return run.split(".").some((part) => {
    if (LONG_HEX.test(part)) return true;
    const info = classifyToken(part);
    if (info.ok && info.kind !== "unknown") return true;
    return random && looksRandom(part);
  });
}

/**
 * `text` with each token-like run replaced by `<redacted form>`. `random: false` leaves random-looking
 * runs of no known token shape alone (for files shown as they are, such as the wizard's diff).
 */
export function redactTokenRuns(text: string, options: { random: boolean } = { random: true }): string {
  return text
    .replace(JWT, (jwt) => `<${redact(jwt)}>`)
    .replace(RUN, (run) => (isTokenRun(run, options.random) ? `<${redact(run)}>` : run));
}

/** An argv value (or a message quoting one) as it may be printed: the value, or its redacted form. */
export function safeArg(value: string): string {
  return redactTokenRuns(redactFound(value, { path: "argv" }));
}
