/**
 * Converts the response half of an operation: the success schema (filed under
 * components.schemas as `<Operation>Response`), its example from `responseDemo`, other documented
 * statuses, the shared AcsError default, and `errorCodes` as `x-acs-error-codes`.
 */

import { parseJson as parseJsonLossless } from "@acs-sdk/core/protocol";
import { appendPointer } from "../json/json-pointer.js";
import { tryParseJson } from "../json/json-text.js";
import { setOwnProperty } from "../json/own-property.js";
import { asRecord, isRecord, type JsonRecord, type MetadataApi } from "../metadata/api-docs.js";
import { type ConversionContext, SCHEMA_REF_PREFIX } from "./context.js";
import { JSON_MEDIA_TYPE } from "./parameters.js";
import { convertSchema, type OutputSchema } from "./schema.js";

/** The default response every operation refers to. */
export const ACS_ERROR_RESPONSE_REF = "#/components/responses/AcsError";

/** One entry of `x-acs-error-codes`. */
export interface ErrorCodeEntry {
  httpStatus: number;
  code: string;
  message?: string;
}

/** The conventions file the success response of every operation under this status. */
const SUCCESS_STATUS = "200";
const STATUS_KEY = /^[1-5](?:\d\d|xx)$/i;
const RESPONSE_KEYS = new Set(["schema", "headers", "description", "examples"]);

/** Output schemas of the document, by component name; response schemas are added here. */
export type SchemaComponents = Map<string, OutputSchema>;

function uniqueComponentName(base: string, components: SchemaComponents): string {
  let name = base;
  for (let suffix = 2; components.has(name); suffix += 1) {
    name = `${base}${suffix}`;
  }
  return name;
}

/** Reads the JSON example from `responseDemo`, a JSON string that lists examples by format. */
function readExample(
  api: MetadataApi,
  pointer: string,
  context: ConversionContext,
): { value: unknown } | undefined {
  const demo = api.responseDemo;
  const at = appendPointer(pointer, "responseDemo");
  if (demo === undefined || demo === "") {
    return undefined;
  }
  const parsed = typeof demo === "string" ? tryParseJson(demo) : undefined;
  if (parsed === undefined || !parsed.ok || !Array.isArray(parsed.value)) {
    context.report("response-example-invalid", at, "responseDemo is not a JSON list of examples");
    return undefined;
  }
  let example: { value: unknown } | undefined;
  for (const entry of parsed.value as unknown[]) {
    if (!isRecord(entry)) {
      continue;
    }
    if (typeof entry.errorExample === "string" && entry.errorExample.trim() !== "") {
      context.dropDocumentation("responseDemo errorExample", at);
    }
    if (entry.type !== "json") {
      context.dropDocumentation(`responseDemo ${String(entry.type)} example`, at);
    } else if (
      typeof entry.example === "string" &&
      entry.example.trim() !== "" &&
      example === undefined
    ) {
      try {
        example = { value: parseJsonLossless(entry.example) };
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        context.report(
          "response-example-invalid",
          at,
          `the JSON example does not parse: ${reason}`,
        );
      }
    }
  }
  return example;
}

function convertHeaders(
  raw: unknown,
  pointer: string,
  context: ConversionContext,
): Record<string, unknown> | undefined {
  if (raw === undefined) {
    return undefined;
  }
  const listed = asRecord(raw);
  if (listed === undefined) {
    context.report("response-invalid", pointer, "headers is not an object");
    return undefined;
  }
  const headers: Record<string, unknown> = {};
  for (const [name, header] of Object.entries(listed)) {
    const at = appendPointer(pointer, name);
    const schema = isRecord(header) ? header.schema : undefined;
    setOwnProperty(headers, name, {
      schema: convertSchema(schema, appendPointer(at, "schema"), context),
    });
  }
  return Object.keys(headers).length > 0 ? headers : undefined;
}

function describeStatus(status: string, isSuccess: boolean): string {
  if (isSuccess) {
    return "The call succeeded.";
  }
  return status.startsWith("2")
    ? `The call succeeded with status ${status}.`
    : `The call failed with status ${status}.`;
}

interface ResponseInput {
  readonly status: string;
  readonly entry: JsonRecord;
  readonly pointer: string;
  readonly isSuccess: boolean;
}

function convertResponse(
  input: ResponseInput,
  operation: string,
  example: { value: unknown } | undefined,
  context: ConversionContext,
  components: SchemaComponents,
): Record<string, unknown> {
  const { entry, pointer, isSuccess } = input;
  for (const key of Object.keys(entry)) {
    const isEmptyList =
      key === "examples" && Array.isArray(entry.examples) && entry.examples.length === 0;
    if (!RESPONSE_KEYS.has(key) || (key === "examples" && !isEmptyList)) {
      context.report("unknown-key", appendPointer(pointer, key), `response key \`${key}\``);
    }
  }
  const documented = typeof entry.description === "string" ? entry.description.trim() : "";
  const description = documented === "" ? describeStatus(input.status, isSuccess) : documented;
  const response: Record<string, unknown> = { description };
  const headers = convertHeaders(entry.headers, appendPointer(pointer, "headers"), context);
  if (headers !== undefined) {
    response.headers = headers;
  }
  const media: Record<string, unknown> = {};
  if (entry.schema !== undefined) {
    let schema = convertSchema(entry.schema, appendPointer(pointer, "schema"), context);
    const isPlainRef = Object.keys(schema).length === 1 && typeof schema.$ref === "string";
    if (isSuccess && !isPlainRef) {
      const name = uniqueComponentName(`${operation}Response`, components);
      components.set(name, schema);
      schema = { $ref: SCHEMA_REF_PREFIX + name };
    }
    media.schema = schema;
  }
  if (isSuccess && example !== undefined) {
    media.example = example.value;
  }
  if (Object.keys(media).length > 0) {
    response.content = { [JSON_MEDIA_TYPE]: media };
  }
  return response;
}

function collectStatuses(
  api: MetadataApi,
  pointer: string,
  context: ConversionContext,
): ResponseInput[] {
  const raw = api.responses;
  const at = appendPointer(pointer, "responses");
  if (raw === undefined) {
    return [];
  }
  const listed = asRecord(raw);
  if (listed === undefined) {
    context.report("response-invalid", at, "responses is not an object");
    return [];
  }
  const inputs: ResponseInput[] = [];
  for (const [key, value] of Object.entries(listed)) {
    const entryPointer = appendPointer(at, key);
    const entry = asRecord(value);
    if (!STATUS_KEY.test(key) || entry === undefined) {
      context.report("response-invalid", entryPointer, `response ${JSON.stringify(key)}`);
      continue;
    }
    inputs.push({ status: key.toUpperCase(), entry, pointer: entryPointer, isSuccess: false });
  }
  inputs.sort((a, b) => (a.status < b.status ? -1 : 1));
  const success =
    inputs.find((input) => input.status === SUCCESS_STATUS) ??
    inputs.find((input) => input.status.startsWith("2"));
  return inputs.map((input) => (input === success ? { ...input, isSuccess: true } : input));
}

/**
 * Converts `responses` and `responseDemo` of one operation at `pointer` (`/apis/<Name>`). The
 * success schema is added to `components`; the result always has a 2xx entry and `default`.
 */
export function convertResponses(
  api: MetadataApi,
  operation: string,
  pointer: string,
  context: ConversionContext,
  components: SchemaComponents,
): Record<string, unknown> {
  const example = readExample(api, pointer, context);
  const inputs = collectStatuses(api, pointer, context);
  const responses: Record<string, unknown> = {};
  for (const input of inputs) {
    const response = convertResponse(input, operation, example, context, components);
    if (input.isSuccess && input.status !== SUCCESS_STATUS) {
      const message = `the success response has status ${input.status}; it is filed as ${SUCCESS_STATUS}`;
      context.report("response-status-renamed", input.pointer, message);
      response.description = `${String(response.description)} The service answers with status ${input.status}.`;
    }
    responses[input.isSuccess ? SUCCESS_STATUS : input.status] = response;
  }
  if (!inputs.some((input) => input.isSuccess)) {
    context.report(
      "response-missing",
      appendPointer(pointer, "responses"),
      "no 2xx response is described",
    );
    responses[SUCCESS_STATUS] = {
      description: describeStatus(SUCCESS_STATUS, true),
      ...(example === undefined
        ? {}
        : { content: { [JSON_MEDIA_TYPE]: { example: example.value } } }),
    };
  }
  responses.default = { $ref: ACS_ERROR_RESPONSE_REF };
  return responses;
}

/** Converts `errorCodes` (`{ "<status>": [{ errorCode, errorMessage }] }`), sorted by status and code. */
export function convertErrorCodes(
  api: MetadataApi,
  pointer: string,
  context: ConversionContext,
): ErrorCodeEntry[] | undefined {
  const raw = api.errorCodes;
  const at = appendPointer(pointer, "errorCodes");
  if (raw === undefined) {
    return undefined;
  }
  const listed = asRecord(raw);
  if (listed === undefined) {
    context.report("error-code-invalid", at, "errorCodes is not an object");
    return undefined;
  }
  const entries = new Map<string, ErrorCodeEntry>();
  for (const [status, list] of Object.entries(listed)) {
    const httpStatus = Number(status);
    if (!Number.isInteger(httpStatus) || !Array.isArray(list)) {
      context.report(
        "error-code-invalid",
        appendPointer(at, status),
        `status ${JSON.stringify(status)}`,
      );
      continue;
    }
    list.forEach((item: unknown, index) => {
      if (!isRecord(item) || typeof item.errorCode !== "string") {
        context.report(
          "error-code-invalid",
          appendPointer(at, status, index),
          `entry ${JSON.stringify(item)}`,
        );
        return;
      }
      const message = typeof item.errorMessage === "string" ? item.errorMessage : undefined;
      const entry: ErrorCodeEntry = {
        httpStatus,
        code: item.errorCode,
        ...(message === undefined ? {} : { message }),
      };
      entries.set(JSON.stringify(entry), entry);
    });
  }
  const sorted = [...entries.values()].sort(
    (a, b) => a.httpStatus - b.httpStatus || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
  return sorted.length > 0 ? sorted : undefined;
}
