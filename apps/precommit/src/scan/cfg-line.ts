/**
 * The line-level view of an ansible.cfg the scanner works on. It is the shape of core's
 * `tokenizeAnsibleConfig` output (CfgLine); kept as a local alias so that the scanner's unit tests can
 * hand-build lines. See scan-lines.ts for how each kind is read.
 */
export type CfgLineKind = "section" | "option" | "continuation" | "comment" | "blank" | "invalid";

export type ScanLine = {
  /** 1-based. */
  line: number;
  kind: CfgLineKind;
  raw: string;
  section?: string;
  /** Lower-cased; continuation lines carry the key they continue. */
  key?: string;
  /** ConfigParser's raw value (inline ` ;` comment cut). */
  value?: string;
  /** 1-based column where `value` starts in `raw`. */
  valueColumn?: number;
  commentText?: string;
  commentColumn?: number;
};
