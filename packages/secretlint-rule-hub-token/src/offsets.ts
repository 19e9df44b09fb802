/**
 * secretlint reports a range of character offsets into the file; the detector, 1-based lines and
 * columns. Lines end as the detector counts them (Python's universal newlines: \r\n, \r or \n).
 */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** The [start, end) offsets of line `line`, columns `column` to `endColumn` (1-based, end exclusive). */
export function rangeOf(
  starts: readonly number[],
  at: { line: number; column: number; endColumn: number },
): readonly [number, number] {
  const base = starts[at.line - 1] ?? 0;
  return [base + at.column - 1, base + Math.max(at.endColumn, at.column + 1) - 1];
}
