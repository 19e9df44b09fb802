/**
 * A small validator for the JSON Schema keywords status-schema.ts uses (type, enum, const, required,
 * properties, additionalProperties: false, items, format date-time). It returns every violation with
 * its JSON path, so a test failure says exactly which field drifted from the documented schema.
 */
type Schema = {
  type?: string | readonly string[];
  enum?: readonly unknown[];
  const?: unknown;
  required?: readonly string[];
  properties?: Record<string, Schema>;
  additionalProperties?: boolean;
  items?: Schema;
  format?: string;
};

const KNOWN = new Set([
  "$schema",
  "title",
  "type",
  "enum",
  "const",
  "required",
  "properties",
  "additionalProperties",
  "items",
  "format",
]);

function typeOf(value: unknown): string {
  if (value == null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

function typeMatches(actual: string, wanted: string): boolean {
  return actual === wanted || (wanted === "number" && actual === "integer");
}

export function validate(schema: object, value: unknown, path = "$"): string[] {
  const s = schema as Schema;
  const errors: string[] = [];
  for (const key of Object.keys(s)) {
    if (!KNOWN.has(key)) errors.push(`${path}: the validator does not know the keyword "${key}"`);
  }
  if (s.type !== undefined) {
    const wanted = typeof s.type === "string" ? [s.type] : s.type;
    if (!wanted.some((t) => typeMatches(typeOf(value), t))) {
      errors.push(`${path}: ${typeOf(value)} is not ${wanted.join(" or ")}`);
      return errors;
    }
  }
  if (s.enum !== undefined && !s.enum.includes(value))
    errors.push(`${path}: ${JSON.stringify(value)} not in enum`);
  if ("const" in s && s.const !== value)
    errors.push(`${path}: ${JSON.stringify(value)} is not ${JSON.stringify(s.const)}`);
  if (s.format === "date-time" && typeof value === "string" && Number.isNaN(Date.parse(value))) {
    errors.push(`${path}: "${value}" is not a date-time`);
  }
  if (typeOf(value) === "object") {
    const obj = value as Record<string, unknown>;
    for (const key of s.required ?? []) if (!(key in obj)) errors.push(`${path}: missing "${key}"`);
    for (const [key, v] of Object.entries(obj)) {
      const sub = s.properties?.[key];
      if (sub !== undefined) errors.push(...validate(sub, v, `${path}.${key}`));
      else if (s.additionalProperties === false) errors.push(`${path}: unexpected "${key}"`);
    }
  }
  if (Array.isArray(value) && s.items !== undefined) {
    value.forEach((item, i) => errors.push(...validate(s.items!, item, `${path}[${i}]`)));
  }
  return errors;
}
