import type { CommandSpec } from "./flags.js";

const COLUMN = 32;

/** One command's line(s) under "Usage:": its synopsis, then its summary in the second column. */
function usageLine(command: CommandSpec): string {
  const call = `  hub-setup ${command.synopsis}`;
  return call.length < COLUMN - 1
    ? `${call.padEnd(COLUMN)}${command.summary}\n`
    : `${call}\n${" ".repeat(COLUMN)}${command.summary}\n`;
}

/** `hub-setup --help`, generated from the registry: every command, then the default command's flags. */
export function renderHelp(commands: readonly CommandSpec[], defaultCommand: CommandSpec): string {
  return `hub-setup: connect ansible-galaxy to Red Hat Automation Hub or a private automation hub.

Usage:
${commands.map(usageLine).join("")}
Each command takes --help. Details: apps/hub-setup/docs/commands.md in the repository.

Flags:
  -h, --help       this text
  -V, --version    the version

${defaultCommand.usage}
Exit codes:
  0 ok · 1 error · 2 usage · 3 token refused · 4 network · 5 ansible.cfg or store unusable
  6 partial failure · 7 container build failed (ee) · 8 token in a build context or image (ee)
  130 cancelled (nothing written)
`;
}
