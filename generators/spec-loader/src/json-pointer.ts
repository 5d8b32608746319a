/**
 * JSON pointers (RFC 6901) and RFC 9535 normalized paths, the two ways the loader addresses a node.
 * JSONPath queries return normalized paths; diagnostics and the model speak pointers.
 */

/** One step into a document: an object key or an array index. */
export type PathSegment = string | number;

/** Builds a JSON pointer such as `/paths/~1?Action=X/post` from path segments. */
export function encodePointer(segments: readonly PathSegment[]): string {
  return segments
    .map((segment) => `/${String(segment).replaceAll("~", "~0").replaceAll("/", "~1")}`)
    .join("");
}

/** Splits a JSON pointer (with or without a leading `#`) into its unescaped segments. */
export function decodePointer(pointer: string): string[] {
  const body = pointer.startsWith("#") ? pointer.slice(1) : pointer;
  if (body === "") {
    return [];
  }
  return body
    .slice(1)
    .split("/")
    .map((segment) => segment.replaceAll("~1", "/").replaceAll("~0", "~"));
}

const NORMALIZED_ESCAPES: Readonly<Record<string, string>> = {
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
  "'": "'",
  "\\": "\\",
};

/**
 * Parses an RFC 9535 normalized path (`$['paths']['/x'][0]`) into segments. Normalized paths use
 * only single-quoted names and decimal indices, so a small scanner suffices.
 */
export function parseNormalizedPath(path: string): PathSegment[] {
  const segments: PathSegment[] = [];
  let position = 1;
  while (position < path.length) {
    if (path[position] !== "[") {
      throw new SyntaxError(`Unexpected character at ${position} of normalized path ${path}`);
    }
    position += 1;
    if (path[position] === "'") {
      position += 1;
      let name = "";
      while (path[position] !== "'") {
        const char = path[position];
        if (char === undefined) {
          throw new SyntaxError(`Unterminated name in normalized path ${path}`);
        }
        if (char === "\\") {
          const escaped = path[position + 1] ?? "";
          if (escaped === "u") {
            name += String.fromCharCode(
              Number.parseInt(path.slice(position + 2, position + 6), 16),
            );
            position += 6;
            continue;
          }
          name += NORMALIZED_ESCAPES[escaped] ?? escaped;
          position += 2;
          continue;
        }
        name += char;
        position += 1;
      }
      segments.push(name);
      position += 2;
    } else {
      const end = path.indexOf("]", position);
      segments.push(Number(path.slice(position, end)));
      position = end + 1;
    }
  }
  return segments;
}

/** Reads the value at a list of segments, or `undefined` when any step is missing. */
export function getAtPath(root: unknown, segments: readonly PathSegment[]): unknown {
  let node = root;
  for (const segment of segments) {
    if (node === null || typeof node !== "object") {
      return undefined;
    }
    if (!Object.hasOwn(node, segment)) {
      return undefined;
    }
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

/** Reads the value a JSON pointer names, or `undefined` when it names nothing. */
export function getAtPointer(root: unknown, pointer: string): unknown {
  return getAtPath(root, decodePointer(pointer));
}
