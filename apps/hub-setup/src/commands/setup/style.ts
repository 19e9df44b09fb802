import type { Env } from "../../ports.js";
/** ANSI colours for a terminal; plain text when not a terminal or when NO_COLOR is set (no-color.org). */
export type Style = {
  enabled: boolean;
  bold: (s: string) => string;
  dim: (s: string) => string;
  red: (s: string) => string;
  green: (s: string) => string;
  yellow: (s: string) => string;
  cyan: (s: string) => string;
};

export function colourWanted(terminal: boolean, env: Env): boolean {
  const noColor = env["NO_COLOR"];
  return terminal && (noColor === undefined || noColor === "");
}

export function makeStyle(enabled: boolean): Style {
  const wrap =
    (open: number, close: number) =>
    (s: string): string =>
      enabled ? `\x1b[${open}m${s}\x1b[${close}m` : s;
  return {
    enabled,
    bold: wrap(1, 22),
    dim: wrap(2, 22),
    red: wrap(31, 39),
    green: wrap(32, 39),
    yellow: wrap(33, 39),
    cyan: wrap(36, 39),
  };
}
