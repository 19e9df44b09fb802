/**
 * A commented-out option (`#token=…`, `; token = …`, `# # token: …`) is still a leak once committed.
 * This reads the option inside a comment line the way ConfigParser would read it uncommented: the
 * first `=` or `:` splits key from value, and a ` ;` starts an inline comment.
 */
export type CommentedOption = { key: string; value: string; valueColumn: number };

const LEAD = /^\s*(?:[#;]+\s*)+/;
const KEY = /^[A-Za-z0-9_.-]+$/;

export function readCommentedOption(raw: string): CommentedOption | undefined {
  const lead = LEAD.exec(raw);
  if (!lead) return undefined;
  const body = raw.slice(lead[0].length);
  const delimiter = body.search(/[=:]/);
  if (delimiter <= 0) return undefined;
  const key = body.slice(0, delimiter).trim();
  if (!KEY.test(key)) return undefined;
  const afterDelimiter = body.slice(delimiter + 1);
  // `https://…` after a colon: a URL in prose ("see: https://…"), or `key: value` with a URL. Both fine.
  const inline = /\s;/.exec(afterDelimiter);
  const rawValue = inline ? afterDelimiter.slice(0, inline.index) : afterDelimiter;
  const leading = rawValue.length - rawValue.trimStart().length;
  const valueColumn = lead[0].length + delimiter + 1 + leading + 1;
  return { key: key.toLowerCase(), value: rawValue.trim(), valueColumn };
}
