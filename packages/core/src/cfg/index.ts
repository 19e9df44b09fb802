// The lossless ansible.cfg parser and editor: ConfigParser's rules as Ansible configures them.
export { parseAnsibleConfig, toConfigParserView, type ParseResult, type ConfigParserView } from "./parse.js";
export { AnsibleConfig, type ConfigSections } from "./document.js";
export { ConfigParseError } from "./parse-error.js";
export type { PythonErrorClass, LineKind } from "./scan.js";
export {
  ConfigEditError,
  type ConfigWarning,
  type ConfigWarningCode,
  type EditResult,
  type EditRejection,
} from "./edit-result.js";
export type { SectionPlacement } from "./plan-section.js";
export type { Newline } from "./style.js";
export { tokenizeAnsibleConfig, type CfgLine } from "./tokenize.js";
export { decodeConfigBytes, encodeConfigText } from "./text-codec.js";
