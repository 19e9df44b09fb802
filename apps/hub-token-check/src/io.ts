/** What the checker may touch of the outside world's streams. bin.ts builds the real one. */
export type Io = {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
};

/** An Io that records output, for tests. */
export function memoryIo(overrides: Partial<Io> = {}): Io & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    env: {},
    cwd: "/",
    ...overrides,
    out,
    err,
  };
}
