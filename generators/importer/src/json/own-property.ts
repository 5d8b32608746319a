/**
 * Metadata keys are data: a property, header or region may be called `__proto__`, which a plain
 * assignment would turn into a prototype change instead of a key.
 */

/** Sets `key` on `target` as an own enumerable property, whatever the key is. */
export function setOwnProperty(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}
