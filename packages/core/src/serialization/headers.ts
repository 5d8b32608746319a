import { SerializationError } from "../errors/serialization-error.js";

// Characters Node.js accepts in a header value; checked first to name the parameter in the error.
const INVALID_HEADER_VALUE = /[^\t\x20-\x7e\x80-\xff]/;

/**
 * Adds a header by lowercase name. Occurrences of one name merge into one value, sorted and
 * joined by `,`, so the header is sent as one line and signed in the same form.
 *
 * @throws SerializationError `UnserializableValue` for a value HTTP headers cannot carry.
 */
export function addHeader(headers: Record<string, string>, name: string, value: string): void {
  if (INVALID_HEADER_VALUE.test(value)) {
    throw new SerializationError(
      "UnserializableValue",
      `Header ${name} has a line break, a control character or a character above U+00FF, which HTTP headers cannot carry; encode the value first.`,
      name,
    );
  }
  const key = name.toLowerCase();
  const existing = headers[key];
  headers[key] = existing === undefined ? value : [existing, value].sort().join(",");
}
