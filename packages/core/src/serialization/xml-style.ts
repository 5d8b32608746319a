import { formatScalar, isRecord } from "./scalar.js";

const XML_SPECIAL = /[&<>"']/g;
const XML_ENTITIES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
};

/**
 * Writes a value as the XML text of an `xml`-style parameter: an element named after the
 * parameter, object members as child elements, list items as repeated elements of the same name,
 * and scalars as escaped text. Absent members are left out.
 *
 * NOTE: Alibaba's metadata names the `xml` style but documents no wire example. This element layout
 * is the conventional one, and it has not been checked against a live gateway.
 *
 * @throws SerializationError `UnserializableValue` naming the path of a value that is not a
 *   string, number, bigint, boolean, list or object.
 */
export function toXml(name: string, value: unknown, path: string): string {
  if (value === undefined || value === null) {
    return "";
  }
  if (Array.isArray(value)) {
    let text = "";
    for (let index = 0; index < value.length; index++) {
      text += toXml(name, value[index], `${path}[${index}]`);
    }
    return text;
  }
  if (isRecord(value)) {
    let children = "";
    for (const key of Object.keys(value)) {
      children += toXml(key, value[key], `${path}.${key}`);
    }
    return `<${name}>${children}</${name}>`;
  }
  const text = formatScalar(value, path).replace(XML_SPECIAL, (char) => XML_ENTITIES[char] ?? char);
  return `<${name}>${text}</${name}>`;
}
