/**
 * Sets record[key] = value as an own enumerable property even for keys like `__proto__`, which a plain
 * assignment would turn into a prototype change (a section or key may be called anything).
 */
export function toRecord<T>(record: Record<string, T>, key: string, value: T): void {
  if (key === "__proto__") {
    Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    record[key] = value;
  }
}
