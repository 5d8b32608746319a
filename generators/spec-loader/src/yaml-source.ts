/**
 * Reads spec and overlay files. Diagnostics about a node name its line and column, not only its
 * JSON pointer, from a YAML syntax tree built when the first diagnostic needs one.
 */
import { readFile } from "node:fs/promises";
import { load } from "js-yaml";
import { type Document, isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from "yaml";
import { createDiagnostic, type Diagnostic, SpecError } from "./diagnostics.js";
import type { PathSegment } from "./json-pointer.js";
import { defineKey, describeJsonKind } from "./json-value.js";
import { YAML_CORE_SCHEMA } from "./yaml-core-schema.js";

/** A parsed YAML file: its plain value plus what is needed to locate nodes in it. */
export interface YamlSource {
  /** Path as given to {@link readYamlSource}, used in diagnostics. */
  readonly file: string;
  /** The plain JavaScript value of the document (a mapping). */
  readonly value: Record<string, unknown>;
  /** Finds the 1-based line and column of the deepest existing node on `segments`. */
  locate(segments: readonly PathSegment[]): { line: number; column: number } | undefined;
}

function childNode(node: unknown, segment: PathSegment): unknown {
  if (isMap(node)) {
    const pair = node.items.find(
      (item) => isScalar(item.key) && String(item.key.value) === String(segment),
    );
    return pair?.value ?? undefined;
  }
  if (isSeq(node)) {
    return node.items[Number(segment)];
  }
  return undefined;
}

/** Keys whose values are sample data rather than spec structure. */
const EXAMPLE_KEYS = new Set(["example", "examples"]);

/**
 * YAML integers are parsed as `bigint` so that none loses digits. Integers that a `number`
 * represents exactly become numbers again; so does every integer outside example values, because
 * constraints and other spec structure are numbers. Example integers beyond 2^53 stay `bigint`:
 * the mock server returns examples, and int64 responses must keep every digit.
 */
function narrowIntegers(value: unknown, inExample: boolean): unknown {
  if (typeof value === "bigint") {
    const narrowed = Number(value);
    return inExample && !Number.isSafeInteger(narrowed) ? value : narrowed;
  }
  if (Array.isArray(value)) {
    return value.map((item) => narrowIntegers(item, inExample));
  }
  if (value === null || typeof value !== "object") {
    return value;
  }
  const object = value as Record<string, unknown>;
  for (const key of Object.keys(object)) {
    defineKey(object, key, narrowIntegers(object[key], inExample || EXAMPLE_KEYS.has(key)));
  }
  return object;
}

function createLocator(document: Document, lineCounter: LineCounter): YamlSource["locate"] {
  return (segments) => {
    let node: unknown = document.contents;
    let located: Node | undefined;
    for (const segment of segments) {
      node = childNode(node, segment);
      if (node === undefined) {
        break;
      }
      located = node as Node;
    }
    const offset = located?.range?.[0];
    if (offset === undefined) {
      return undefined;
    }
    const position = lineCounter.linePos(offset);
    return { line: position.line, column: position.col };
  };
}

/** Parses with the `yaml` package, keeping the syntax tree; reports every syntax problem. */
function parseWithPositions(file: string, text: string): YamlDocument {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, intAsBigInt: true });
  if (document.errors.length > 0) {
    throw new SpecError(
      document.errors.map((error) => {
        const position = lineCounter.linePos(error.pos[0]);
        // The library appends its own position to some messages; the diagnostic carries it.
        const reason = error.message.replace(/ at line \d+, column \d+:[\s\S]*$/, "");
        return createDiagnostic(
          "yaml-syntax",
          { file, line: position.line, column: position.col },
          { file, reason },
        );
      }),
    );
  }
  return { document, lineCounter };
}

/** A `yaml` syntax tree with the line offsets of its text. */
interface YamlDocument {
  readonly document: Document;
  readonly lineCounter: LineCounter;
}

/**
 * The plain value read by js-yaml, which is several times faster than building the `yaml`
 * package's syntax tree. Returns `undefined` when js-yaml rejects the text or the top level is not
 * a mapping; the `yaml` package then reports the problem.
 */
function parseFast(text: string): Record<string, unknown> | undefined {
  let value: unknown;
  // NOTE: both parsers give the same value for every spec of the metadata corpus. js-yaml may
  // still accept a few malformed texts that the `yaml` package rejects, so those load silently.
  try {
    value = load(text, { schema: YAML_CORE_SCHEMA });
  } catch {
    return undefined;
  }
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/**
 * Parses YAML text. Throws a {@link SpecError} with `yaml-syntax` diagnostics (with line and
 * column) for broken YAML, duplicate keys included, and `yaml-not-object` when the top level is
 * not a mapping. The syntax tree that {@link YamlSource.locate} needs is built on its first call,
 * since most loads locate nothing.
 */
export function parseYamlSource(file: string, text: string): YamlSource {
  const fast = parseFast(text);
  let tree: YamlDocument | undefined;
  let value: unknown;
  if (fast === undefined) {
    tree = parseWithPositions(file, text);
    value = tree.document.toJS({ maxAliasCount: 10_000 });
  } else {
    value = fast;
  }
  value = narrowIntegers(value, false);
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    const found = describeJsonKind(value);
    throw new SpecError([createDiagnostic("yaml-not-object", { file }, { file, found })]);
  }
  let locate: YamlSource["locate"] | undefined;
  return {
    file,
    value: value as Record<string, unknown>,
    locate(segments) {
      if (locate === undefined) {
        tree ??= parseWithPositions(file, text);
        locate = createLocator(tree.document, tree.lineCounter);
      }
      return locate(segments);
    },
  };
}

/**
 * Reads and parses a YAML file; a read failure becomes a `file-unreadable` diagnostic. `file` names
 * the file in diagnostics; `path` is where it is read from when that differs (another cwd).
 */
export async function readYamlSource(file: string, path: string = file): Promise<YamlSource> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const diagnostic: Diagnostic = createDiagnostic("file-unreadable", { file }, { file, reason });
    throw new SpecError([diagnostic]);
  }
  return parseYamlSource(file, text);
}
