/**
 * The GitHub Actions runner's protocol, the part `ci` needs (checked against actions/toolkit's
 * packages/core/src/command.ts and file-command.ts): workflow commands are stdout lines
 * `::name key=value,…::message`, with `%`, CR and LF escaped in the message and also `:` and `,` in a
 * property; `$GITHUB_ENV` and `$GITHUB_OUTPUT` take `NAME<<DELIMITER`, the value, `DELIMITER` lines,
 * which hold any value, multi-line included, as long as neither name nor value contains the delimiter.
 */

export function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/** From this line on the runner replaces `secret` with *** in the log. */
export function maskCommand(secret: string): string {
  return `::add-mask::${escapeData(secret)}\n`;
}

/** An error annotation: shown on the run's summary page, with an optional title. */
export function errorCommand(message: string, title?: string): string {
  const props = title === undefined || title === "" ? "" : ` title=${escapeProperty(title)}`;
  return `::error${props}::${escapeData(message)}\n`;
}

/** A notice annotation. */
export function noticeCommand(message: string, title?: string): string {
  const props = title === undefined || title === "" ? "" : ` title=${escapeProperty(title)}`;
  return `::notice${props}::${escapeData(message)}\n`;
}

/**
 * One `NAME<<DELIMITER` entry for the $GITHUB_ENV or $GITHUB_OUTPUT file. `delimiter` must be random
 * (the toolkit uses `ghadelimiter_<uuid>`), so that a value cannot end the entry early and smuggle in
 * another variable.
 */
export function fileCommandEntry(name: string, value: string, delimiter: string): string {
  if (name.includes(delimiter) || value.includes(delimiter)) {
    throw new Error(`a value for ${name.includes(delimiter) ? "a name" : name} contains the delimiter`);
  }
  if (/[\r\n]/.test(name) || name.includes("<<") || name.includes("=") || name === "") {
    throw new Error(`"${escapeData(name)}" cannot be a variable name in a GitHub file command`);
  }
  return `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
}
