/** Character tests by code unit, for the hand-written scanners that replace backtracking regexes. */
export function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

export function isAsciiDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** A regex word character (`\w` without the u flag): letters, digits, `_`. */
export function isWordChar(c: number): boolean {
  return isAsciiLetter(c) || isAsciiDigit(c) || c === 95;
}

/** A base64url character: letters, digits, `-`, `_`. */
export function isBase64Url(c: number): boolean {
  return isWordChar(c) || c === 45;
}
