/**
 * The line-level view the scanner works on: core's tolerant tokenizer output (CfgLine). Named here so
 * that the scanner's unit tests can hand-build lines of the same shape.
 */
import type { CfgLine } from "../cfg/tokenize.js";

export type ScanLine = CfgLine;
