/**
 * The input format: Alibaba Cloud's "api-docs" metadata of one product version. This module
 * checks only the shape that the importer relies on. Converters read every other key defensively
 * where they map it, so that odd metadata becomes a warning instead of a crash.
 */
import { DiagnosticCollector, ImportError } from "../diagnostics.js";
import { appendPointer } from "../json/json-pointer.js";
import { tryParseJson } from "../json/json-text.js";

/** A JSON object of unknown content. */
export type JsonRecord = Record<string, unknown>;

/** Tells whether `value` is a JSON object (not an array, not null). */
export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Reads a map that may be written as `[]` when empty, as PHP's JSON encoder writes an empty array.
 * Returns `undefined` for anything else that is not an object.
 */
export function asRecord(value: unknown): JsonRecord | undefined {
  if (isRecord(value)) {
    return value;
  }
  return Array.isArray(value) && value.length === 0 ? {} : undefined;
}

/** A request parameter whose name, position and schema object have been checked. */
export interface MetadataParameter extends JsonRecord {
  readonly name: string;
  /** `query`, `formData`, `path`, `body`, `header` or `host` in known metadata. */
  readonly in: string;
  readonly schema: JsonRecord;
}

/** One operation as the metadata lists it under `apis`. */
export interface MetadataApi extends JsonRecord {
  readonly parameters: readonly MetadataParameter[];
}

/** A checked api-docs document. */
export interface ApiDocs {
  /** The input file or URL, for diagnostics. */
  readonly file: string;
  /** `RPC`, `ROA` or a product-specific protocol name (`OSS`, `SLS`, …). */
  readonly style: string;
  /** Product code as the metadata spells it (`hbr`, `CS`). */
  readonly product: string;
  /** API version (`2017-09-08`). */
  readonly version: string;
  readonly apis: Readonly<Record<string, MetadataApi>>;
  /** The whole parsed document, for the keys read during conversion. */
  readonly raw: JsonRecord;
}

/** Product codes and versions name output folders, so they must be plain folder names. */
const FOLDER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

function checkInfo(raw: JsonRecord, report: (pointer: string, message: string) => void): void {
  const info = raw.info;
  if (!isRecord(info)) {
    report("/info", "`info` is missing or not an object");
    return;
  }
  for (const key of ["product", "version"] as const) {
    const value = info[key];
    if (typeof value !== "string" || !FOLDER_NAME.test(value)) {
      report(`/info/${key}`, `\`info.${key}\` is ${JSON.stringify(value)}, not a plain name`);
    }
  }
}

function checkParameters(
  api: JsonRecord,
  pointer: string,
  report: (
    code: "input-not-metadata" | "parameter-without-schema",
    at: string,
    message: string,
  ) => void,
): void {
  const parameters = api.parameters;
  if (parameters === undefined) {
    return;
  }
  if (!Array.isArray(parameters)) {
    report(
      "input-not-metadata",
      appendPointer(pointer, "parameters"),
      "`parameters` is not a list",
    );
    return;
  }
  parameters.forEach((parameter: unknown, index) => {
    const at = appendPointer(pointer, "parameters", index);
    if (
      !isRecord(parameter) ||
      typeof parameter.name !== "string" ||
      typeof parameter.in !== "string"
    ) {
      report("input-not-metadata", at, "the parameter has no `name` and `in` strings");
    } else if (!isRecord(parameter.schema)) {
      report(
        "parameter-without-schema",
        appendPointer(at, "schema"),
        `parameter ${JSON.stringify(parameter.name)} has no schema object`,
      );
    }
  });
}

/**
 * Checks the structure of a parsed api-docs value. Throws an {@link ImportError} listing every
 * structural problem: a missing `info` or `apis`, an operation that is not an object, a parameter
 * without name, position or schema.
 */
export function checkApiDocs(file: string, value: unknown): ApiDocs {
  const collector = new DiagnosticCollector(file);
  if (!isRecord(value)) {
    collector.report("input-not-metadata", "", "the top level is not a JSON object");
    collector.throwIfErrors();
  }
  const raw = value as JsonRecord;
  checkInfo(raw, (pointer, message) => collector.report("input-not-metadata", pointer, message));
  const rawApis = asRecord(raw.apis);
  if (rawApis === undefined) {
    collector.report("input-not-metadata", "/apis", "`apis` is missing or not an object");
  } else {
    for (const [name, api] of Object.entries(rawApis)) {
      const pointer = appendPointer("/apis", name);
      if (!isRecord(api)) {
        collector.report("input-not-metadata", pointer, `operation ${name} is not an object`);
      } else {
        checkParameters(api, pointer, (code, at, message) =>
          collector.report(code, at, message, name),
        );
      }
    }
  }
  collector.throwIfErrors();
  const info = raw.info as JsonRecord;
  const apis: Record<string, MetadataApi> = {};
  for (const [name, api] of Object.entries(rawApis as JsonRecord)) {
    const record = api as JsonRecord;
    const parameters = (record.parameters ?? []) as MetadataParameter[];
    apis[name] = { ...record, parameters };
  }
  return {
    file,
    style: typeof info.style === "string" ? info.style : "RPC",
    product: info.product as string,
    version: info.version as string,
    apis,
    raw,
  };
}

/** Parses and checks api-docs JSON text; throws an {@link ImportError} when it is unusable. */
export function readApiDocs(file: string, text: string): ApiDocs {
  const result = tryParseJson(text);
  if (!result.ok) {
    const { problem } = result;
    const where =
      problem.line === undefined ? "" : ` at line ${problem.line}, column ${problem.column}`;
    const collector = new DiagnosticCollector(file);
    const code = problem.truncated ? "input-truncated" : "input-not-json";
    collector.report(code, "", `the text is not valid JSON${where}: ${problem.reason}`);
    throw new ImportError(collector.list());
  }
  return checkApiDocs(file, result.value);
}
