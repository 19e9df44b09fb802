/** A path as one POSIX shell word, for commands we suggest (quoted only when it has to be). */
export function shellQuote(path: string): string {
  return /^[\w./-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}
