/**
 * Ways code and shells set an environment variable other than `NAME=value`: a command whose name and
 * value are separate words (Dockerfile `ENV NAME value`, also in an execution environment's
 * `additional_build_steps` list; fish `set -gx NAME value`; Windows `setx NAME value`), a call with the
 * name and a literal value as its first two arguments (`os.environ.setdefault("NAME", "…")`,
 * `[Environment]::SetEnvironmentVariable('NAME', '…', 'User')`, `os.Setenv`, `vi.stubEnv`), and an
 * assignment to a member (`process.env.NAME = "…"`, Helm's `--set env.NAME=…`).
 */

/** Before a name: `ENV ` (line start, a list item's `- `, in a flow list, a quote), `set -gx `, `setx ` (after `;`, `&&`…). */
const SPACED_SETTER =
  /(?:(?:^[ \t]*(?:-[ \t]+)?|[[,][ \t]*)["']?ENV|(?:^|[;&|(])[ \t]*(?:setx|set(?:[ \t]+--?[A-Za-z][\w-]*)*))[ \t]+$/i;
/** A line that may hold one: what text-scan asks before reading a line without `=`, `:`, `,` or `{`. */
export const SPACED_SETTER_WORD = /(?:^|[\s;&|(-]|["'])(?:ENV|setx?)[ \t]/i;

/** Whether the name starting at `nameStart` is a spaced setter's (its value follows after white space). */
export function isSpacedSetter(raw: string, nameStart: number): boolean {
  // The command and its flags fit in 80 characters; further in, a NUL stands for the rest of the line
  // (it is no white space, so the patterns' line-start alternatives cannot match there).
  const from = Math.max(0, nameStart - 80);
  return SPACED_SETTER.test(`${from > 0 ? "\0" : ""}${raw.slice(from, nameStart)}`);
}

/** A call's name before its quoted first argument: setters, and getters whose second argument is a default. */
const CALL_BEFORE = /\b(?:set\w*|put\w*|stubEnv|store|getenv|get|fetch)[ \t]*\([ \t]*["']$/i;
/** After the first argument's closing quote: a comma and a quoted second argument. */
const SECOND_ARGUMENT = /^["'][ \t]*,[ \t]*(?=["'])/;

/** Where a call's literal second argument starts, when the name at [start, end) is its first, or undefined. */
export function callArgument(raw: string, start: number, end: number): number | undefined {
  if (!CALL_BEFORE.test(raw.slice(Math.max(0, start - 40), start))) return undefined;
  const m = SECOND_ARGUMENT.exec(raw.slice(end, end + 20));
  return m == null ? undefined : end + m[0].length;
}

/** An assignment after a member name (`= …`, not `==`, `=>`, `:`): `process.env.NAME = "…"`. */
export function isAssignmentAt(raw: string, from: number): boolean {
  let at = from;
  while (at < raw.length && (raw[at] === " " || raw[at] === "\t" || raw[at] === "'" || raw[at] === '"')) at++;
  return raw[at] === "=" && raw[at + 1] !== "=" && raw[at + 1] !== ">";
}
