import { HubSetupError } from "../errors.js";

/** Why a build context cannot be rewritten. Stable strings: tests and the CLI switch on them. */
export type EeContextProblem =
  | "EMPTY"
  | "NO_GALAXY_STAGE"
  | "GALAXY_STAGE_SHAPE"
  | "NO_COLLECTION_INSTALL"
  | "EXEC_FORM_RUN"
  | "COMMAND_NOT_ON_RUN_LINE"
  | "BAD_SECRET_ID";

/**
 * A build context we will not touch: not an ansible-builder context we recognise, or a RUN step we
 * cannot wrap safely. Its code is EE_CONTEXT (the user pointed us at the wrong folder or file); `problem`
 * says which check failed and `expected` what we looked for, so the message can teach.
 */
export class EeContextError extends HubSetupError {
  override name = "EeContextError";
  readonly problem: EeContextProblem;
  readonly expected: string;
  /** 1-based line of the Containerfile the problem is about, when there is one. */
  readonly line: number | undefined;

  constructor(problem: EeContextProblem, message: string, expected: string, line?: number) {
    super("EE_CONTEXT", line === undefined ? message : `${message} (line ${line})`, {
      hint: `Expected ${expected}.`,
    });
    this.problem = problem;
    this.expected = expected;
    this.line = line;
  }
}
