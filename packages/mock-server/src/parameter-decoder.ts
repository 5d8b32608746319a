import { invalidParameter } from "./errors.js";
import type { JsonSchema, MockOperation, MockParameter } from "./spec-catalog.js";

/** The places a request carries parameters in, already percent-decoded. */
export interface ParameterSources {
  /** Query string pairs. */
  readonly query: ReadonlyMap<string, string>;
  /** Pairs of an `application/x-www-form-urlencoded` body; empty for other bodies. */
  readonly form: ReadonlyMap<string, string>;
  /** The parsed `application/json` body, or `undefined` when the body is not JSON. */
  readonly json: unknown;
  /** Header values by lower-case name. */
  readonly headers: Readonly<Record<string, string>>;
  /** Values of the ROA path template variables. */
  readonly path: Readonly<Record<string, string>>;
  /** The body bytes, handed on as they are for a whole binary body. */
  readonly raw: Buffer;
}

/** The request object rebuilt from the wire, keyed by wire names as generated types are. */
export interface DecodedParameters {
  readonly request: Record<string, unknown>;
  /** Query and form keys that no parameter of the operation claims (signature keys excluded). */
  readonly unknownKeys: readonly string[];
}

/** Parses JSON text; the server passes a parser that keeps int64 values exact. */
export type JsonTextParser = (text: string) => unknown;

/**
 * Common parameters of the legacy RPC signature. They travel with the operation's parameters
 * but belong to the protocol, so they are never reported as unknown.
 */
const PROTOCOL_KEYS = new Set([
  "AccessKeyId",
  "Action",
  "BearerToken",
  "Format",
  "SecurityToken",
  "Signature",
  "SignatureMethod",
  "SignatureNonce",
  "SignatureType",
  "SignatureVersion",
  "Timestamp",
  "Version",
]);

/**
 * Rebuilds the request object of `operation` from the wire: the reverse of the flattening styles
 * in specs/README.md (`Key.1.Sub` lists, `Key.Sub` objects, JSON text, comma lists), with each
 * scalar converted to its schema type. Throws `InvalidParameter` for a value that cannot be read
 * as its type; constraint checks come afterwards.
 */
export function decodeParameters(
  operation: MockOperation,
  sources: ParameterSources,
  parseJson: JsonTextParser,
): DecodedParameters {
  const state: DecodeState = {
    sources,
    // The gateway merges query and form parameters, and legacy clients send query parameters in
    // a form body, so both maps serve either location.
    flat: new Map([...sources.query, ...sources.form]),
    claimed: new Set<string>(),
    parseJson,
  };
  const request: Record<string, unknown> = {};
  for (const parameter of operation.parameters) {
    const value = decodeParameter(parameter, state);
    if (value !== undefined) {
      request[parameter.name] = value;
    }
  }
  const unknownKeys = [...state.flat.keys()].filter(
    (key) => !state.claimed.has(key) && !PROTOCOL_KEYS.has(key),
  );
  return { request, unknownKeys };
}

/** What decoding one request's parameters works from, and the flat keys already claimed. */
interface DecodeState {
  readonly sources: ParameterSources;
  /** Query and form pairs together. */
  readonly flat: ReadonlyMap<string, string>;
  readonly claimed: Set<string>;
  readonly parseJson: JsonTextParser;
}

function decodeParameter(parameter: MockParameter, state: DecodeState): unknown {
  const { sources, parseJson } = state;
  switch (parameter.in) {
    case "query":
    case "formData":
      return decodeFlattened(parameter, state);
    case "body":
      return decodeBodyParameter(parameter, state);
    case "path": {
      const text = sources.path[parameter.name];
      return text === undefined ? undefined : decodeText(text, parameter, parseJson);
    }
    case "header": {
      const text = sources.headers[parameter.name.toLowerCase()];
      return text === undefined ? undefined : decodeText(text, parameter, parseJson);
    }
    case "host":
      // NOTE: host parameters become part of the endpoint host name. A local server has one
      // host, so their value cannot be recovered and they are left out of the request object.
      return undefined;
  }
}

function decodeBodyParameter(parameter: MockParameter, state: DecodeState): unknown {
  const { sources } = state;
  if (sources.json === undefined) {
    if (parameter.wholeBody === true && sources.form.size === 0 && sources.raw.length > 0) {
      // An application/octet-stream body is the parameter's value as it is.
      return sources.raw;
    }
    // A body parameter of a form-encoded body travels like a query parameter.
    return decodeFlattened(parameter, state);
  }
  if (parameter.wholeBody === true) {
    return sources.json;
  }
  if (typeof sources.json === "object" && sources.json !== null && !Array.isArray(sources.json)) {
    return (sources.json as Record<string, unknown>)[parameter.name];
  }
  throw invalidParameter(parameter.name, "the JSON body must be an object holding it.");
}

/** Decodes a parameter sent as one text value: path, header, or a JSON/comma style. */
function decodeText(text: string, parameter: MockParameter, parseJson: JsonTextParser): unknown {
  const type = primaryType(parameter.schema);
  if (parameter.style === "json" || (type === "object" && parameter.style === undefined)) {
    return parseJsonText(text, parameter.name, parseJson);
  }
  if (type === "array") {
    return decodeCommaList(text, parameter.schema, parameter.name);
  }
  return decodeScalar(text, parameter.schema, parameter.name);
}

function decodeFlattened(parameter: MockParameter, state: DecodeState): unknown {
  const { flat, claimed, parseJson } = state;
  const { name, schema } = parameter;
  const prefix = `${name}.`;
  const keys = [...flat.keys()].filter((key) => key === name || key.startsWith(prefix));
  if (keys.length === 0) {
    return undefined;
  }
  for (const key of keys) {
    claimed.add(key);
  }
  const type = primaryType(schema);
  const whole = flat.get(name);
  if (parameter.style === "json" || parameter.style === "xml" || parameter.style === "simple") {
    if (whole === undefined || keys.length > 1) {
      throw invalidParameter(name, `it uses the ${parameter.style} style; send it as one value.`);
    }
    if (parameter.style === "json") {
      return parseJsonText(whole, name, parseJson);
    }
    // NOTE: xml-style values are handed on as their XML text; nothing decodes XML here.
    return parameter.style === "simple" && type === "array"
      ? decodeCommaList(whole, schema, name)
      : decodeScalar(whole, schema, name);
  }
  const root = new FlatNode();
  for (const key of keys) {
    root.insert(key === name ? [] : key.slice(prefix.length).split("."), flat.get(key) ?? "");
  }
  return root.toValue(schema, name);
}

/** A node of the key tree that `Key.1.Sub=value` pairs form. */
class FlatNode {
  value: string | undefined;
  readonly children = new Map<string, FlatNode>();

  insert(segments: readonly string[], value: string): void {
    const [head, ...rest] = segments;
    if (head === undefined) {
      this.value = value;
      return;
    }
    let child = this.children.get(head);
    if (child === undefined) {
      child = new FlatNode();
      this.children.set(head, child);
    }
    child.insert(rest, value);
  }

  /** Converts the node to the value `schema` describes; `key` is its wire key, for messages. */
  toValue(schema: JsonSchema, key: string): unknown {
    const type = primaryType(schema);
    if (type === "array") {
      return this.toArray(schema, key);
    }
    if (type === "object") {
      return this.toObject(schema, key);
    }
    if (this.value === undefined || this.children.size > 0) {
      throw invalidParameter(key, "it is a single value and takes no sub-keys.");
    }
    return decodeScalar(this.value, schema, key);
  }

  private toArray(schema: JsonSchema, key: string): unknown[] {
    if (this.value !== undefined) {
      throw invalidParameter(key, `it is a list; send its items as ${key}.1, ${key}.2, and so on.`);
    }
    const indexed = [...this.children].map(([segment, node]): [number, FlatNode] => {
      if (!/^[1-9]\d*$/.test(segment)) {
        throw invalidParameter(`${key}.${segment}`, "list items are numbered from 1.");
      }
      return [Number(segment), node];
    });
    // Keys sort as strings on the wire (Key.10 before Key.2); the list order is numeric.
    indexed.sort(([a], [b]) => a - b);
    return indexed.map(([index, node]) => node.toValue(schema.items ?? {}, `${key}.${index}`));
  }

  private toObject(schema: JsonSchema, key: string): Record<string, unknown> {
    if (this.value !== undefined) {
      throw invalidParameter(key, `it is an object; send its members as ${key}.<Name>.`);
    }
    const result: Record<string, unknown> = {};
    for (const [member, node] of this.children) {
      const memberSchema =
        schema.properties?.[member] ??
        (typeof schema.additionalProperties === "object" ? schema.additionalProperties : {});
      result[member] = node.toValue(memberSchema, `${key}.${member}`);
    }
    return result;
  }
}

function decodeCommaList(text: string, schema: JsonSchema, key: string): unknown[] {
  if (text === "") {
    return [];
  }
  return text.split(",").map((item) => decodeScalar(item, schema.items ?? {}, key));
}

function parseJsonText(text: string, key: string, parseJson: JsonTextParser): unknown {
  try {
    return parseJson(text);
  } catch (error) {
    throw invalidParameter(key, `its value is not valid JSON (${(error as Error).message}).`);
  }
}

/**
 * Converts one text value to the schema's scalar type. Integers that do not fit a JavaScript
 * number exactly become `bigint`, as in responses.
 */
function decodeScalar(text: string, schema: JsonSchema, key: string): unknown {
  switch (primaryType(schema)) {
    case "integer": {
      if (!/^-?\d+$/.test(text)) {
        throw invalidParameter(key, `expected an integer, got "${text}".`);
      }
      const number = Number(text);
      return Number.isSafeInteger(number) ? number : BigInt(text);
    }
    case "number": {
      const number = Number(text);
      if (text.trim() === "" || !Number.isFinite(number)) {
        throw invalidParameter(key, `expected a number, got "${text}".`);
      }
      return number;
    }
    case "boolean":
      if (text === "true" || text === "false") {
        return text === "true";
      }
      throw invalidParameter(key, `expected true or false, got "${text}".`);
    default:
      return text;
  }
}

/** Returns the schema's type, ignoring `null` in a type list (`[string, "null"]`). */
export function primaryType(schema: JsonSchema): string | undefined {
  if (typeof schema.type === "string") {
    return schema.type;
  }
  return schema.type?.find((type) => type !== "null");
}
