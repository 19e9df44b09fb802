/** 1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st: a place in an organisation's Galaxy credentials. */
export function ordinal(n: number): string {
  const teen = Math.floor(n / 10) % 10 === 1;
  const suffix = teen ? "th" : (({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th");
  return `${n}${suffix}`;
}
