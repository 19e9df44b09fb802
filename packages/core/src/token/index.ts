export { redactValue } from "./redact.js";
