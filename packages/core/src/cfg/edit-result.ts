/**
 * What an edit returns, and the typed error for an edit we refuse. Warnings report what the user should
 * know about the result (a key [DEFAULT] also sets, a listed server with no section, …); edits never
 * "fix" those silently. Neither ever carries a value: only section and key names.
 */
import { HubSetupError, type ErrorCode } from "../errors.js";

export type ConfigWarningCode =
  | "SHADOWS_DEFAULT"
  | "INHERITS_DEFAULT"
  | "QUOTES_STRIPPED"
  | "LISTED_WITHOUT_SECTION"
  | "SECTION_WITHOUT_URL"
  | "SECTION_NOT_LISTED"
  | "SERVER_ID_PROBLEM"
  | "DEFAULT_KEY_INHERITED"
  | "USERNAME_OVERRIDES_TOKEN";

export interface ConfigWarning {
  code: ConfigWarningCode;
  message: string;
  section?: string;
  key?: string;
  /** A galaxy server id, for the galaxy warnings. */
  id?: string;
  /** 1-based line the warning is about, when there is one. */
  line?: number;
}

export interface EditResult {
  /** false when the file already said what was asked (nothing was rewritten). */
  changed: boolean;
  warnings: ConfigWarning[];
}

export type EditRejection =
  | "NEWLINE"
  | "INLINE_COMMENT"
  | "SURROUNDING_WHITESPACE"
  | "EMPTY_LINE"
  | "INVALID_KEY"
  | "INVALID_SECTION_NAME"
  | "INVALID_SERVER_ID"
  | "READS_BACK_DIFFERENTLY";

/** An edit that would write something Ansible reads differently (or not at all). Nothing was changed. */
export class ConfigEditError extends HubSetupError {
  override name = "ConfigEditError";
  readonly reason: EditRejection;
  readonly section: string | undefined;
  readonly key: string | undefined;

  constructor(
    reason: EditRejection,
    message: string,
    where: { section?: string; key?: string; hint?: string; code?: ErrorCode } = {},
  ) {
    super(where.code ?? "INVALID_EDIT", message, where.hint === undefined ? {} : { hint: where.hint });
    this.reason = reason;
    this.section = where.section;
    this.key = where.key;
  }
}
