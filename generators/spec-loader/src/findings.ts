/** Collects the diagnostics of one pass over a document, located in the base file. */
import {
  createDiagnostic,
  type Diagnostic,
  type DiagnosticCode,
  type DiagnosticParams,
} from "./diagnostics.js";
import { encodePointer, type PathSegment } from "./json-pointer.js";
import type { JsonObject } from "./json-value.js";
import type { YamlSource } from "./yaml-source.js";

/** Diagnostics found so far, each located by JSON pointer and, where possible, line. */
export class Findings {
  readonly list: Diagnostic[] = [];

  constructor(private readonly base: YamlSource) {}

  /** Records a diagnostic about the node at `segments`. */
  add(code: DiagnosticCode, segments: PathSegment[], params: DiagnosticParams): void {
    const location = {
      file: this.base.file,
      pointer: encodePointer(segments),
      ...this.base.locate(segments),
    };
    this.list.push(createDiagnostic(code, location, params));
  }

  /** Checks that `owner[key]` is one of `allowed` (any string when `allowed` is empty). */
  expectString(
    owner: JsonObject,
    segments: PathSegment[],
    key: string,
    allowed: readonly string[] = [],
    required = true,
  ): void {
    const value = owner[key];
    if (value === undefined) {
      if (required) {
        this.add("extension-missing", segments, { extension: key });
      }
      return;
    }
    if (typeof value !== "string" || (allowed.length > 0 && !allowed.includes(value))) {
      const expected =
        allowed.length > 0 ? `it must be one of ${allowed.join(", ")}` : "it must be a string";
      this.add("extension-invalid", [...segments, key], {
        extension: key,
        found: JSON.stringify(value),
        expected,
      });
    }
  }
}
