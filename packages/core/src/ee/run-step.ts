/**
 * The parts of a RUN instruction's first physical line: `RUN`, its flags (`--mount=…`, `--network=…`),
 * and where the shell command starts. Also our own wrapper: a secret mount flag plus a prefix that
 * exports the secret file's variables for that one command, which we can recognise and take off again.
 */
export type RunLine = {
  /** Offset in the physical line where the first flag (or the command) starts, just after `RUN `. */
  flagsStart: number;
  /** The flags, in order, exactly as written. */
  flags: string[];
  /** Offset in the physical line where the command starts; -1 when the line ends before the command. */
  commandStart: number;
};

const SECRET_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

export function isValidSecretId(id: string): boolean {
  return SECRET_ID.test(id) && id.length <= 128;
}

export function secretMountFlag(secretId: string): string {
  return `--mount=type=secret,id=${secretId},required=true`;
}

/** Exports every `KEY='value'` of the mounted file for this RUN only (set -a marks them for export). */
export function secretCommandPrefix(secretId: string): string {
  return `set -a && . /run/secrets/${secretId} && set +a && `;
}

export function parseRunLine(line: string): RunLine | undefined {
  const head = /^(\s*RUN)(\s+)/i.exec(line);
  if (head == null) return undefined;
  let pos = (head[1]?.length ?? 0) + (head[2]?.length ?? 0);
  const flagsStart = pos;
  const flags: string[] = [];
  for (;;) {
    const m = /^(--\S+)(\s+)/.exec(line.slice(pos));
    if (m == null) break;
    flags.push(m[1] ?? "");
    pos += (m[1]?.length ?? 0) + (m[2]?.length ?? 0);
  }
  const rest = line.slice(pos);
  const endsHere = rest.trim() === "" || rest.trim() === "\\" || rest.trim() === "`";
  return { flagsStart, flags, commandStart: endsHere ? -1 : pos };
}

/**
 * The secret id of our wrapper when `line` carries it, else undefined. Our wrapper is one contiguous
 * piece just before the command: the mount flag, one space, then the export prefix.
 */
export function wrappedSecretId(line: string): string | undefined {
  const run = parseRunLine(line);
  if (run === undefined || run.commandStart < 0) return undefined;
  const last = run.flags[run.flags.length - 1];
  const id =
    last === undefined ? undefined : /^--mount=type=secret,id=([^,\s]+),required=true$/.exec(last)?.[1];
  if (id === undefined) return undefined;
  const flag = `${secretMountFlag(id)} `;
  const flagOk = line.slice(run.commandStart - flag.length, run.commandStart) === flag;
  return flagOk && line.startsWith(secretCommandPrefix(id), run.commandStart) ? id : undefined;
}

/** The line without our wrapper, or the line itself when it has none. */
export function unwrapRunLine(line: string): string {
  const id = wrappedSecretId(line);
  const run = id === undefined ? undefined : parseRunLine(line);
  if (id === undefined || run === undefined) return line;
  const from = run.commandStart - secretMountFlag(id).length - 1;
  return line.slice(0, from) + line.slice(run.commandStart + secretCommandPrefix(id).length);
}

/** Adds our flag after any existing flags and our prefix before the command. `line` must be unwrapped. */
export function wrapRunLine(line: string, secretId: string): string {
  const run = parseRunLine(line);
  if (run === undefined || run.commandStart < 0) return line;
  const at = run.commandStart;
  return `${line.slice(0, at)}${secretMountFlag(secretId)} ${secretCommandPrefix(secretId)}${line.slice(at)}`;
}
