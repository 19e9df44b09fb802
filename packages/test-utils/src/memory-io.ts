// An in-memory stand-in for an app's Io: what a command wrote to stdout and stderr is kept in arrays
// that a test reads back. Each app passes its own defaults (env, cwd, terminal facts) once.
export interface MemoryStreams {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  out: string[];
  err: string[];
}

export function memoryIo<T extends object>(
  defaults: T,
  overrides: Partial<T & Pick<MemoryStreams, "stdout" | "stderr">> = {},
): T & MemoryStreams {
  const out: string[] = [];
  const err: string[] = [];
  return {
    ...defaults,
    stdout: (text: string) => void out.push(text),
    stderr: (text: string) => void err.push(text),
    ...overrides,
    out,
    err,
  };
}
